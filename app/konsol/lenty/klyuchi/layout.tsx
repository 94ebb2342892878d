import { NO_ACCESS_PAGE } from '../../_shell/refusal-pages';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { can } from '@/lib/auth/permissions';
import { requireStaff } from '@/lib/auth/staff-context';

/** Feed keys are the federal fund's to issue (feed_key:manage); others get the 403 page from here. */
export default async function FeedKeysLayout({ children }: { children: ReactNode }) {
  const staff = await requireStaff('/konsol/lenty/klyuchi');
  if (!can(staff.actor, 'feed_key:manage')) redirect(NO_ACCESS_PAGE);
  return children;
}
