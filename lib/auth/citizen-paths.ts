import { env } from '@/config/env';

/** The site's own address: NEXTAUTH_URL when configured, else the origin the request came to. */
export function siteUrl(requestOrigin: string): string {
  return (env().NEXTAUTH_URL ?? requestOrigin).replace(/\/+$/, '');
}

/**
 * Where to land after signing in: a path of the personal cabinet only. next-auth hands back absolute
 * callback URLs of our own site; anything else (another site, a protocol-relative URL) becomes `/lk`.
 */
export function cabinetPath(value: unknown, siteUrl: string | undefined = env().NEXTAUTH_URL): string {
  let s = typeof value === 'string' ? value.trim() : '';
  if (siteUrl && s.startsWith(`${siteUrl.replace(/\/+$/, '')}/`))
    s = s.slice(siteUrl.replace(/\/+$/, '').length);
  return /^\/lk(\/[a-z0-9/_-]*)?(\?[a-z0-9=&_-]*)?$/i.test(s) && !s.includes('//') ? s : '/lk';
}
