/**
 * A form post from our own pages: the Origin header, or Fetch Metadata where a browser sends `Origin: null`.
 * The same check as the sign-in post's (app/lk/vhod/esia); route handlers need it, server actions get
 * Next's own.
 */
export function fromOwnSite(request: Request, siteUrl: string | undefined): boolean {
  const origin = request.headers.get('origin');
  const site = siteUrl ? new URL(siteUrl).origin : new URL(request.url).origin;
  if (origin && origin !== 'null') return origin === site;
  return request.headers.get('sec-fetch-site') === 'same-origin';
}
