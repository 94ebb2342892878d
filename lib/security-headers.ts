/**
 * The security headers of machine answers (JSON of /api/v1, /fhir, /api/health, next-auth's /api/auth):
 * nothing in them may run, load or be framed, and they are never sniffed as another type. Pages get their
 * own, nonce-based policy from proxy.ts. No imports: next.config.ts reads this file too.
 */
export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};
