import { env } from '@/config/env';

/** Whether the site's cookies are `Secure`: the site runs on https (its public URL, NEXTAUTH_URL, says so). */
export function secureCookies(): boolean {
  return env().NEXTAUTH_URL?.startsWith('https://') ?? false;
}
