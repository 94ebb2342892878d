import { env } from '@/config/env';
import { citizenPortal } from './citizen-portal';

/** The site's own address: NEXTAUTH_URL when configured, else the origin the request came to. */
export function siteUrl(requestOrigin: string): string {
  return (env().NEXTAUTH_URL ?? requestOrigin).replace(/\/+$/, '');
}

/**
 * Where to land after signing in: a path of the personal cabinet only (`/lk`; `/kabinet` in Kazakhstan's
 * register, lib/auth/citizen-portal.ts). next-auth hands back absolute callback URLs of our own site;
 * anything else (another site, a protocol-relative URL) becomes the cabinet's start page.
 */
export function cabinetPath(
  value: unknown,
  siteUrl: string | undefined = env().NEXTAUTH_URL,
  cabinet: string = citizenPortal().cabinet,
): string {
  let s = typeof value === 'string' ? value.trim() : '';
  if (siteUrl && s.startsWith(`${siteUrl.replace(/\/+$/, '')}/`))
    s = s.slice(siteUrl.replace(/\/+$/, '').length);
  const inCabinet = s === cabinet || s.startsWith(`${cabinet}/`) || s.startsWith(`${cabinet}?`);
  return inCabinet && /^\/[a-z]+(\/[a-z0-9/_-]*)?(\?[a-z0-9=&_-]*)?$/i.test(s) && !s.includes('//')
    ? s
    : cabinet;
}
