import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/config/env';

/**
 * Security headers for every page: a per-request nonce lets Next's own inline scripts run while any other
 * inline script is refused (no 'unsafe-inline' for scripts); the site cannot be framed; referrers do not
 * leak paths. The proxy only sets headers and never decides access: that is the use cases' job.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const { NODE_ENV, ESIA_ISSUER } = env();
  const dev = NODE_ENV !== 'production';
  // A production ЕСИА lives on another origin: the sign-in form's redirect must be allowed to reach it.
  const esiaOrigin = ESIA_ISSUER ? new URL(ESIA_ISSUER).origin : '';
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // Next and React set style attributes; styles cannot run code, so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${esiaOrigin ? ` ${esiaOrigin}` : ''}`,
    "frame-ancestors 'none'",
  ].join('; ');

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Next reads the nonce for its bootstrap scripts from the request's CSP header.
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  return response;
}

export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|favicon.ico|api/).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
