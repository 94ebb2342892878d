/**
 * A form post from our own pages: the Origin header, or Fetch Metadata where a browser sends `Origin: null`.
 * Route handlers that accept form posts need it; server actions get Next's own origin check.
 */
export function fromOwnSite(request: Request, siteUrl: string | undefined): boolean {
  const origin = request.headers.get('origin');
  const site = siteUrl ? new URL(siteUrl).origin : new URL(request.url).origin;
  if (origin && origin !== 'null') return origin === site;
  return request.headers.get('sec-fetch-site') === 'same-origin';
}
