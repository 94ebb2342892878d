'use server';

import { redirect } from 'next/navigation';
import { endSession } from '@/lib/auth/staff-session';

/**
 * Ends the portal session (the next-auth session cookie) and returns to the start page. A server action:
 * a plain form post without JavaScript, checked by Next against cross-site posts.
 */
export async function signOutCitizen(): Promise<void> {
  await endSession();
  redirect('/');
}
