import { redirect } from 'next/navigation';
import { currentCitizen } from '@/lib/auth/citizen';
import { cabinetPath } from '@/lib/auth/citizen-paths';

/** What a citizen sign-in page is given in its query: where to return, and next-auth's error, if any. */
export type SignInSearchParams = Promise<{
  next?: string;
  callbackUrl?: string;
  error?: string;
  csrf?: string;
}>;

/**
 * Where the sign-in leads back to (a page of the cabinet only) and the provider's error to show; someone
 * already signed in goes straight there. Both countries' sign-in pages start with this.
 */
export async function signInTarget(
  searchParams: SignInSearchParams,
): Promise<{ next: string; error: string | null }> {
  const params = await searchParams;
  const next = cabinetPath(params.next ?? params.callbackUrl);
  if (await currentCitizen()) redirect(next);
  return { next, error: typeof params.error === 'string' ? params.error : params.csrf ? 'Csrf' : null };
}
