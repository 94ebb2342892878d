/**
 * The citizen portal's pages go out as plain HTML (ADR 0016): every portal page works without JavaScript
 * (forms post to server actions), so the launcher removes the framework's scripts — React DOM and the App
 * Router runtime with their inline payload, ≈ 135 KB compressed — and adds one small first-party script
 * of progressive enhancement (`public/portal.js`). The pages stay rendered by Next as they are; only what
 * the browser is told to download changes.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

/** The enhancement script every plain portal page loads. */
export const PORTAL_SCRIPT = '/portal.js';

/**
 * The portal: the start page, the cabinet, the extract check, the API documentation, the service status;
 * in Kazakhstan's register the ОСМС cabinet and the public status check (ADR 0032).
 */
export function isPortalPage(pathname: string): boolean {
  return (
    pathname === '/' || /^\/(?:lk|verify|dlya-mo|sostoyanie|kabinet|proverka-statusa)(?:\/|$)/.test(pathname)
  );
}

const SCRIPT_ELEMENT = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const LINK_ELEMENT = /<link\b[^>]*>/gi;
const loadsScript = (tag: string) =>
  /\bas\s*=\s*["']?script\b/i.test(tag) || /\brel\s*=\s*["']?modulepreload\b/i.test(tag);

/** The CSP nonce of a response (from its Content-Security-Policy header), if it has one. */
export function nonceOf(csp: string | undefined): string | undefined {
  return csp ? /'nonce-([A-Za-z0-9+/=_-]+)'/.exec(csp)?.[1] : undefined;
}

/**
 * A page's HTML without any script or script preload, with the portal's enhancement script in the head.
 * Inline scripts are safe to match lazily up to `</script>`: React escapes `<` inside the inline payloads.
 */
export function withoutFrameworkScripts(html: string, nonce: string | undefined): string {
  const stripped = html
    .replace(SCRIPT_ELEMENT, '')
    .replace(LINK_ELEMENT, (tag) => (loadsScript(tag) ? '' : tag));
  const attr = nonce ? ` nonce="${nonce}"` : '';
  const ours = `<script src="${PORTAL_SCRIPT}" defer=""${attr}></script>`;
  return stripped.includes('</head>') ? stripped.replace('</head>', `${ours}</head>`) : stripped;
}

/** A `Link` header without the entries that preload scripts (Next may announce chunks there too). */
export function withoutScriptPreloads(link: string): string {
  return link
    .split(/,(?=\s*<)/)
    .filter((entry) => !loadsScript(entry))
    .join(',')
    .trim();
}

/**
 * What a citizen sees when a portal page fails on the server (the database is down, say). Next's own
 * error page is an empty shell that its client runtime fills in, and portal pages carry no runtime, so the
 * launcher answers with this page instead, keeping the status. Self-contained: the site's stylesheet has a
 * build-specific name.
 */
export const SERVER_ERROR_PAGE = `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"/>\
<meta name="viewport" content="width=device-width, initial-scale=1"/><meta name="robots" content="noindex"/>\
<title>Сервис временно недоступен — ЕРЗ ОМС</title><style>\
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c}\
header{background:#0d4cd3;color:#fff;padding:.75rem 1rem}header a{color:#fff;font-weight:700;text-decoration:none}\
main{max-width:40rem;padding:1rem}a{color:#0d4cd3}a:focus{outline:3px solid #ffbf47;outline-offset:0}\
</style></head><body><header><a href="/">ЕРЗ ОМС</a> — Единый регистр застрахованных лиц</header>\
<main id="main"><h1>Сервис временно недоступен</h1>\
<p>Страницу не удалось открыть. Попробуйте обновить её через несколько минут.</p>\
<p>Если вы отправляли заявление, оно либо принято целиком, либо не принято совсем: проверьте раздел \
<a href="/lk/zayavleniya">«Мои заявления»</a>, когда сервис снова заработает.</p>\
<p>Перерыв в работе сайта не влияет на действие полиса ОМС: медицинская помощь оказывается по полису \
как обычно.</p></main></body></html>`;

const headerText = (value: OutgoingHttpHeaders[string]) =>
  value === undefined ? undefined : Array.isArray(value) ? value.join(', ') : String(value);

/**
 * Makes `res` deliver an HTML answer without the framework's scripts. The handler behind it (Next) writes
 * as usual; for a `text/html` answer the head and body are held back until the end, rewritten, compressed
 * when the client accepts gzip, and sent with their length. Anything else passes through untouched.
 *
 * Node commits the status line and headers through `writeHead` (also when `write`, `end` or
 * `flushHeaders` commit them implicitly), so holding `writeHead` back while buffering keeps the headers
 * open until the rewritten body is known.
 */
export function deliverWithoutFrameworkScripts(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' && req.method !== 'POST') return;
  const acceptsGzip = /\bgzip\b/i.test(headerText(req.headers['accept-encoding']) ?? '');
  // The page must reach us uncompressed; it is compressed after the rewrite.
  delete req.headers['accept-encoding'];

  // The methods `res` has until this wrapper (and Next's compression after it) replace them: Node's own, or
  // the edge's (api/edge.ts), which wraps first.
  type Method = 'writeHead' | 'write' | 'end' | 'flushHeaders';
  const before: Record<Method, (...a: unknown[]) => unknown> = {
    writeHead: res.writeHead.bind(res) as (...a: unknown[]) => unknown,
    write: res.write.bind(res) as (...a: unknown[]) => unknown,
    end: res.end.bind(res) as (...a: unknown[]) => unknown,
    flushHeaders: res.flushHeaders.bind(res),
  };
  const own = (name: Method, _self: ServerResponse, args: unknown[]) => before[name](...args);
  let mode: 'undecided' | 'buffer' | 'pass' = 'undecided';
  let committing = false;
  const chunks: Buffer[] = [];
  const decide = () => {
    if (mode === 'undecided') {
      const type = headerText(res.getHeader('content-type')) ?? '';
      mode = /^text\/html\b/i.test(type) ? 'buffer' : 'pass';
    }
    return mode;
  };
  const toBuffer = (chunk: unknown, encoding: unknown): Buffer | null => {
    if (chunk === undefined || chunk === null || typeof chunk === 'function') return null;
    if (Buffer.isBuffer(chunk)) return chunk;
    if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (typeof chunk !== 'string') return null;
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  };
  const callbackOf = (...args: unknown[]) => args.find((a): a is () => void => typeof a === 'function');

  res.writeHead = function writeHead(this: ServerResponse, ...args: unknown[]) {
    const [status, second, third] = args;
    const headers = typeof second === 'string' ? third : second;
    // Headers given with writeHead land on the response first, so the decision sees their content type.
    if (!committing && headers && typeof headers === 'object' && !Array.isArray(headers)) {
      for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
        if (value !== undefined) this.setHeader(name, value);
      }
      if (typeof status === 'number') this.statusCode = status;
      if (typeof second === 'string') this.statusMessage = second;
      if (decide() === 'pass') return own('writeHead', this, [this.statusCode]);
      return this;
    }
    if (committing || Array.isArray(headers) || decide() === 'pass') {
      return own('writeHead', this, args);
    }
    if (typeof status === 'number') this.statusCode = status;
    if (typeof second === 'string') this.statusMessage = second;
    return this;
  } as ServerResponse['writeHead'];

  res.flushHeaders = function flushHeaders(this: ServerResponse) {
    if (decide() === 'pass') own('flushHeaders', this, []);
  };

  res.write = function write(this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
    if (decide() === 'pass') return own('write', this, [chunk, ...rest]);
    const buffer = toBuffer(chunk, rest[0]);
    if (buffer) chunks.push(buffer);
    const callback = callbackOf(...rest);
    if (callback) process.nextTick(callback);
    return true;
  } as ServerResponse['write'];

  res.end = function end(this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
    if (decide() === 'pass') {
      return own('end', this, [chunk, ...rest]);
    }
    const buffer = toBuffer(chunk, rest[0]);
    if (buffer) chunks.push(buffer);
    const html = Buffer.concat(chunks).toString('utf8');
    const nonce = nonceOf(headerText(this.getHeader('content-security-policy')));
    const page = this.statusCode >= 500 ? SERVER_ERROR_PAGE : withoutFrameworkScripts(html, nonce);
    let body = Buffer.from(page, 'utf8');
    const link = headerText(this.getHeader('link'));
    if (link !== undefined) {
      const kept = withoutScriptPreloads(link);
      if (kept) this.setHeader('link', kept);
      else this.removeHeader('link');
    }
    this.removeHeader('content-encoding');
    // The body now carries this response's nonce: a validator of the framework's body would let a browser
    // revalidate a cached page whose nonce no longer matches the new response's policy.
    this.removeHeader('etag');
    if (acceptsGzip && body.length > 0) {
      body = gzipSync(body);
      this.setHeader('content-encoding', 'gzip');
    }
    const vary = headerText(this.getHeader('vary'));
    if (!vary || !/\baccept-encoding\b/i.test(vary)) {
      this.setHeader('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
    this.removeHeader('transfer-encoding');
    this.setHeader('content-length', body.length);
    committing = true;
    const callback = callbackOf(chunk, ...rest);
    return own('end', this, callback ? [body, callback] : [body]);
  } as ServerResponse['end'];
}
