import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  deliverWithoutFrameworkScripts,
  isPortalPage,
  nonceOf,
  PORTAL_SCRIPT,
  SERVER_ERROR_PAGE,
  withoutFrameworkScripts,
  withoutScriptPreloads,
} from './portal-html';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
// Next's own compression middleware, as its request handler puts it in front of every answer.
const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => Middleware;

/** The shape of a Next page answer: chunks of the framework around the page's own markup. */
const PAGE =
  '<!DOCTYPE html><html lang="ru"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" nonce="N1" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" nonce="N1" href="/_next/static/chunks/b.js"/>' +
  '<link rel="modulepreload" href="/_next/static/chunks/m.js"/>' +
  '<link rel="preload" href="/_next/static/media/font.woff2" as="font" crossorigin=""/>' +
  '<script src="/_next/static/chunks/c.js" async="" nonce="N1"></script>' +
  '<title>Мой полис — ЕРЗ ОМС</title>' +
  '<script src="/_next/static/chunks/poly.js" noModule="" nonce="N1"></script></head>' +
  '<body><main><h1>Мой полис</h1><form action="" method="POST" encType="multipart/form-data">' +
  '<input type="hidden" name="$ACTION_ID_abc"/><button>Скачать</button></form></main>' +
  '<script nonce="N1" id="_R_">(globalThis["TURBOPACK"]||[]).push({"otherChunks":["x.js"]})</script>' +
  '<script nonce="N1">self.__next_f.push([1,"\\u003c/script\\u003e<h1>"])</script>' +
  '<SCRIPT>alert(1)</SCRIPT  ></body></html>';

describe('isPortalPage', () => {
  it('takes the landing page, the cabinet and the extract check, and nothing else', () => {
    for (const p of ['/', '/lk', '/lk/', '/lk/polis', '/lk/smena-smo', '/verify/ABCDE', '/verify'])
      expect(isPortalPage(p), p).toBe(true);
    for (const p of [
      '/clinic',
      '/vhod',
      '/lkx',
      '/lk-old',
      '/verifyx',
      '/api/v1/lookup',
      '/_next/x.js',
      '/portal.js',
    ])
      expect(isPortalPage(p), p).toBe(false);
  });

  it('takes the public pages of the front door (API documentation, service status) too', () => {
    for (const p of ['/dlya-mo/api', '/dlya-mo', '/sostoyanie']) expect(isPortalPage(p), p).toBe(true);
    for (const p of ['/dlya-mox', '/sostoyaniex', '/api/health']) expect(isPortalPage(p), p).toBe(false);
  });
});

describe('withoutFrameworkScripts', () => {
  const out = withoutFrameworkScripts(PAGE, 'N2');

  it('removes every script element and every script preload', () => {
    expect(out).not.toContain('/_next/static/chunks/b.js');
    expect(out).not.toContain('/_next/static/chunks/c.js');
    expect(out).not.toContain('m.js');
    expect(out).not.toContain('poly.js');
    expect(out).not.toContain('TURBOPACK');
    expect(out).not.toContain('__next_f');
    expect(out).not.toMatch(/alert/);
    expect(out.match(/<script\b/gi)).toHaveLength(1);
  });

  it('keeps the page: markup, stylesheet, font preload, title and the forms of server actions', () => {
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(out).toContain('as="font"');
    expect(out).toContain('<title>Мой полис — ЕРЗ ОМС</title>');
    expect(out).toContain('<input type="hidden" name="$ACTION_ID_abc"/><button>Скачать</button></form>');
    expect(out.endsWith('</main></body></html>')).toBe(true);
  });

  it('adds the portal script to the head with the nonce of the response', () => {
    expect(out).toContain(`<script src="${PORTAL_SCRIPT}" defer="" nonce="N2"></script></head>`);
    expect(withoutFrameworkScripts(PAGE, undefined)).toContain(
      `<script src="${PORTAL_SCRIPT}" defer=""></script></head>`,
    );
  });

  it('leaves a fragment without a head as it is, scripts removed', () => {
    expect(withoutFrameworkScripts('<p>a</p><script>x()</script><p>b</p>', 'N')).toBe('<p>a</p><p>b</p>');
  });
});

describe('nonceOf and withoutScriptPreloads', () => {
  it('reads the nonce of a policy', () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-YWJj+/=' 'strict-dynamic'")).toBe('YWJj+/=');
    expect(nonceOf("default-src 'self'")).toBeUndefined();
    expect(nonceOf(undefined)).toBeUndefined();
  });

  it('keeps the style preloads of a Link header and drops the script ones', () => {
    const link =
      '</_next/static/chunks/a.css>; rel=preload; as="style"; nonce="N", ' +
      '</_next/static/chunks/b.js>; rel=preload; as="script", </m.js>; rel=modulepreload';
    expect(withoutScriptPreloads(link)).toBe(
      '</_next/static/chunks/a.css>; rel=preload; as="style"; nonce="N"',
    );
    expect(withoutScriptPreloads('</b.js>; rel=preload; as="script"')).toBe('');
  });
});

describe('deliverWithoutFrameworkScripts behind Next’s compression', () => {
  let server: http.Server | undefined;
  afterEach(async () => {
    await new Promise((r) => server?.close(r));
    server = undefined;
  });

  /** A server that answers like Next: headers set, flushed, the page written in chunks. */
  async function serve(answer: (res: ServerResponse) => void): Promise<string> {
    server = http.createServer((req, res) => {
      deliverWithoutFrameworkScripts(req, res);
      compression()(req, res, () => answer(res));
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
    return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
      (resolve, reject) => {
        const req = http.request(url, { method, headers }, (res) => {
          const parts: Buffer[] = [];
          res.on('data', (c: Buffer) => parts.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );
  }

  const streamPage = (res: ServerResponse) => {
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "script-src 'nonce-QUJD' 'strict-dynamic'");
    res.setHeader('Link', '</a.css>; rel=preload; as="style", </b.js>; rel=preload; as="script"');
    res.setHeader('ETag', '"framework-body"');
    res.flushHeaders();
    const half = Math.floor(PAGE.length / 2);
    res.write(Buffer.from(PAGE.slice(0, half)));
    res.write(PAGE.slice(half));
    res.end();
  };

  it('sends a streamed page gzip-compressed without the framework, with its length and the nonce', async () => {
    const base = await serve(streamPage);
    const res = await get(`${base}/lk/polis`, { 'accept-encoding': 'gzip, deflate' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.headers['transfer-encoding']).toBeUndefined();
    expect(res.headers.etag).toBeUndefined();
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    expect(res.headers.link).toBe('</a.css>; rel=preload; as="style"');
    const html = gunzipSync(res.body).toString('utf8');
    expect(html).toBe(withoutFrameworkScripts(PAGE, 'QUJD'));
  });

  it('sends it uncompressed to a client that does not accept gzip', async () => {
    const base = await serve(streamPage);
    const res = await get(`${base}/lk/polis`, { 'accept-encoding': 'identity' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString('utf8')).toBe(withoutFrameworkScripts(PAGE, 'QUJD'));
  });

  it('keeps the status and headers given to writeHead (an error page, say)', async () => {
    const base = await serve((res) => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'X-Test': 'kept' });
      res.end(PAGE);
    });
    const res = await get(`${base}/lk/nothing`);
    expect(res.status).toBe(404);
    expect(res.headers['x-test']).toBe('kept');
    expect(res.body.toString('utf8')).toBe(withoutFrameworkScripts(PAGE, undefined));
  });

  it('answers a server error with the Russian error page, keeping the status (Next’s shell needs its runtime)', async () => {
    const base = await serve((res) => {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(
        '<!DOCTYPE html><html id="__next_error__"><head></head><body><script>fill()</script></body></html>',
      );
    });
    const res = await get(`${base}/verify/00000000000000000000000000`);
    expect(res.status).toBe(500);
    const html = res.body.toString('utf8');
    expect(html).toBe(SERVER_ERROR_PAGE);
    expect(html).toContain('<h1>Сервис временно недоступен</h1>');
    expect(html).not.toMatch(/<script/i);
  });

  it('passes other answers through untouched (a PDF, a redirect)', async () => {
    const pdf = Buffer.from('%PDF-1.7 <script>not html</script>', 'latin1');
    let base = await serve((res) => {
      res.setHeader('Content-Type', 'application/pdf');
      res.setHeader('Content-Length', pdf.length);
      res.end(pdf);
    });
    let res = await get(`${base}/lk/polis/vypiska`);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.equals(pdf)).toBe(true);
    await new Promise((r) => server?.close(r));

    base = await serve((res) => {
      res.writeHead(303, { Location: '/lk/zayavleniya' });
      res.end();
    });
    res = await get(`${base}/lk/smena-smo`, {}, 'POST');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/lk/zayavleniya');
    expect(res.body.length).toBe(0);
  });
});

describe('the Next version the stripping was checked against', () => {
  it('is pinned: package.json names exactly the installed version, the one e2e/portal-delivery checks', () => {
    const require = createRequire(import.meta.url);
    const pkg = require('../package.json') as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    const installed = (require('next/package.json') as { version: string }).version;
    expect(pkg.dependencies.next).toBe(installed);
    expect(pkg.devDependencies['@next/eslint-plugin-next']).toBe(installed);
  });
});
