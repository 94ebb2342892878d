import NextAuth from 'next-auth';
import { cookies } from 'next/headers';
import { NextRequest, NextResponse } from 'next/server';
import { authOptions } from './auth-options';
import { ESIA_PROVIDER_ID } from './citizen-config';
import { cabinetPath, siteUrl } from './citizen-paths';
import { citizenPortal } from './citizen-portal';
import { fromOwnSite } from './same-site';

/**
 * Starts the citizen's sign-in (ЕСИА; eGov in Kazakhstan's register) from a plain form post (ADR 0007); the
 * national sign-in pages' start routes (`/lk/vhod/esia`, `/kabinet/vhod/egov`) are this handler. next-auth v4 starts an OAuth flow only on a
 * POST that carries its CSRF token, which a page cannot hand to a browser without script. So this handler
 * asks next-auth itself, in process, for a token (its csrf endpoint) and then for the sign-in (its signin
 * endpoint) — next-auth still creates and checks everything (CSRF, state, PKCE, nonce, callback URL) — and
 * passes its redirect to the provider and its cookies on to the browser. This handler checks that the post
 * came from our own pages.
 */
type RouteContext = { params: Promise<{ nextauth: string[] }> };
const nextAuth = NextAuth(authOptions) as (req: NextRequest, ctx: RouteContext) => Promise<Response>;

function callNextAuth(site: string, action: string[], init?: { body: URLSearchParams }): Promise<Response> {
  const request = new NextRequest(`${site}/api/auth/${action.join('/')}`, {
    method: init ? 'POST' : 'GET',
    headers: init ? { 'content-type': 'application/x-www-form-urlencoded' } : undefined,
    body: init?.body,
  });
  return nextAuth(request, { params: Promise.resolve({ nextauth: action }) });
}

/** `name=value` of a Set-Cookie header (next-auth URL-encodes values). */
function cookiePair(header: string): [string, string] | null {
  const pair = header.split(';', 1)[0] ?? '';
  const eq = pair.indexOf('=');
  return eq > 0 ? [pair.slice(0, eq).trim(), decodeURIComponent(pair.slice(eq + 1).trim())] : null;
}

export async function startCitizenSignIn(request: NextRequest): Promise<NextResponse> {
  const site = siteUrl(request.nextUrl.origin);
  if (!fromOwnSite(request, site)) {
    return new NextResponse('Запрос отклонён: вход начинается со страницы сайта.', {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  const form = await request.formData().catch(() => null);
  const next = cabinetPath(form?.get('next'), site);

  // 1. A CSRF token from next-auth. A new token comes with its cookie; put it in this request's cookie
  //    jar, which is what next-auth reads in step 2 (and Next also sends it on to the browser).
  const csrf = await callNextAuth(site, ['csrf']);
  const { csrfToken } = (await csrf.json()) as { csrfToken?: unknown };
  if (typeof csrfToken !== 'string') throw new Error('next-auth returned no CSRF token');
  const jar = await cookies();
  for (const header of csrf.headers.getSetCookie()) {
    const pair = cookiePair(header);
    if (pair) {
      jar.set(pair[0], pair[1], {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: site.startsWith('https://'),
      });
    }
  }

  // 2. The sign-in itself: next-auth sets the state, PKCE verifier, nonce and callback-URL cookies and
  //    answers with the provider's authorization URL.
  const signIn = await callNextAuth(site, ['signin', ESIA_PROVIDER_ID], {
    body: new URLSearchParams({ csrfToken, callbackUrl: `${site}${next}` }),
  });
  const location = signIn.headers.get('location') ?? `${citizenPortal().signIn}?error=OAuthSignin`;
  // 303: the browser follows a form post with a GET.
  const response = new NextResponse(null, { status: 303, headers: { location } });
  for (const header of signIn.headers.getSetCookie()) response.headers.append('set-cookie', header);
  return response;
}

/** A GET of a start route (a bookmark, a reload) goes to the sign-in page. */
export function toSignInPage(request: NextRequest): NextResponse {
  return NextResponse.redirect(new URL(citizenPortal().signIn, siteUrl(request.nextUrl.origin)), 303);
}
