import { expect, test } from '@playwright/test';
import { nonceOf, PORTAL_SCRIPT, withoutFrameworkScripts } from '../scripts/portal-html';

/**
 * What the launcher's stripping of portal pages (scripts/portal-html.ts, ADR 0016) relies on in the way
 * the pinned Next writes its pages — checked on the real production build, so that an upgrade of Next that
 * changes any of it fails here instead of shipping the framework (or a broken page) to citizens. A staff
 * page (/vhod) is Next's page as Next writes it; the portal pages are what citizens get.
 */

const SCRIPT_OPEN = /<script\b/gi;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

test('every framework script in a page as Next writes it is one the stripper removes', async ({
  request,
}) => {
  // Without accept-encoding, as the launcher asks for a portal page: the answer must come uncompressed.
  const raw = await request.get('/vhod', { headers: { 'accept-encoding': 'identity' } });
  expect(raw.status()).toBe(200);
  expect(raw.headers()['content-type']).toMatch(/^text\/html\b/);
  expect(raw.headers()['content-encoding']).toBeUndefined();
  const html = await raw.text();

  // The framework is there (scripts, the inline payload) and carries the nonce of the response's policy.
  const nonce = nonceOf(raw.headers()['content-security-policy']);
  expect(nonce).toBeTruthy();
  expect(count(html, SCRIPT_OPEN)).toBeGreaterThan(1);
  expect(html).toContain('self.__next_f');
  expect(html).toContain(`nonce="${nonce}"`);

  const stripped = withoutFrameworkScripts(html, nonce);
  // Every script element went (the whole element: no payload text left behind) and ours came in.
  expect(count(stripped, SCRIPT_OPEN)).toBe(1);
  expect(stripped).toContain(`<script src="${PORTAL_SCRIPT}" defer="" nonce="${nonce}"></script></head>`);
  expect(stripped).not.toContain('__next_f');
  expect(stripped).not.toMatch(/<link\b[^>]*\bas="script"/i);
  expect(stripped).not.toMatch(/rel="modulepreload"/i);
  expect(stripped).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
  // The page itself is intact.
  expect(stripped).toContain('</body></html>');
});

test('a portal page is served with the portal script only, under the response’s nonce, compressed', async ({
  request,
}) => {
  const served = await request.get('/', { headers: { 'accept-encoding': 'gzip' } });
  expect(served.status()).toBe(200);
  expect(served.headers()['content-encoding']).toBe('gzip');
  const html = await served.text();
  const nonce = nonceOf(served.headers()['content-security-policy']);
  expect(nonce).toBeTruthy();
  expect(html.match(/<script\b[^>]*>/gi)).toEqual([
    `<script src="${PORTAL_SCRIPT}" defer="" nonce="${nonce}">`,
  ]);
  expect(html).not.toContain('__next_f');
  expect(html).not.toMatch(/\/_next\/static\/chunks\/[^"]+\.js/);
});
