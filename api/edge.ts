import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { PAGE_BODY_LIMIT_BYTES } from '@/config/page-body-limit';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/client-address-header';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { AppError } from '@/lib/errors';
import { toOperationOutcome } from '@/lib/fhir/operation-outcome';
import { FHIR_JSON, sendOutcome } from './fhir/respond';
import { problemFrom, sendProblem, SECURITY_HEADERS } from './http';
import { logger } from '@/lib/ops/logger';

/**
 * The first and last line of every request the server takes, before and around any door (the machine
 * APIs, Next's pages): a request target the server cannot read is answered 400 at once, and a throw
 * anywhere behind it ends in a 500 answer and a log line — never a hung socket, never a stack trace.
 * Each answer is in the door's own error format: problem+json for /api/*, OperationOutcome for /fhir,
 * a Russian HTML page for everything else.
 */

export type DoorFormat = 'problem' | 'fhir' | 'page';

export function formatOf(pathname: string): DoorFormat {
  if (pathname === '/fhir' || pathname.startsWith('/fhir/')) return 'fhir';
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'problem';
  if (pathname === '/metrics' || pathname.startsWith('/metrics/')) return 'problem';
  return 'page';
}

/** Headers for HTML answered here (not by Next): nothing to run, nothing to frame. */
const PAGE_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
};

/** A value made on first use, then kept. */
function once<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

/** One of the edge's own pages, titled with the site's name (the register's profile: ЕРЗ ОМС; ОСМС). */
function page(title: string, text: string): string {
  const site = jurisdictionProfile().texts.siteName;
  return (
    `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"/><meta name="robots" content="noindex"/>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"/><title>${title} — ${site}</title>` +
    `<style>body{font:1.0625rem/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem;color:#0b0c0c}` +
    `a{color:#0d4cd3}</style></head><body><main><h1>${title}</h1><p>${text}</p>` +
    `<p><a href="/">На главную страницу</a></p></main></body></html>`
  );
}

/** The edge's pages by status, made once per process (the profile does not change while it runs). */
const pages = once((): Record<number, string> => ({
  400: page(
    'Адрес страницы указан неверно',
    'Адрес содержит недопустимые символы. Проверьте его или перейдите на главную страницу.',
  ),
  403: page(
    'Запрос отклонён',
    'Форму можно отправить только со страниц этого сервиса. Откройте страницу заново и повторите действие.',
  ),
  404: page('Страница не найдена', 'Проверьте адрес страницы или перейдите на главную страницу.'),
  405: page('Действие не поддерживается', 'Этот адрес не принимает такой запрос.'),
  413: page(
    'Слишком большой запрос',
    'Отправленные данные больше, чем сервис принимает. Вернитесь на страницу формы и приложите файл ' +
      'меньшего размера: допустимый размер указан рядом с полем файла.',
  ),
  431: page('Слишком длинный адрес', 'Адрес страницы или заголовки запроса слишком длинные.'),
  500: page(
    'Сервис временно недоступен',
    'Страницу не удалось открыть. Попробуйте обновить её через несколько минут. Перерыв в работе сайта ' +
      `не влияет на права застрахованных в ${jurisdictionProfile().texts.schemeName}.`,
  ),
}));

/** A form post whose body could not be read (the client's fault): not the address's, as a 400 page says. */
const unreadableFormPage = once(() =>
  page(
    'Форму не удалось прочитать',
    'Отправленные данные повреждены или неполны. Откройте страницу заново и отправьте форму ещё раз.',
  ),
);

const CYRILLIC = /[А-Яа-яЁё]/;

function pageFor(status: number): string {
  const all = pages();
  return all[status] ?? all[status >= 500 ? 500 : 400]!;
}

/** Answers `error` in the format of the door at `pathname`; used only before or after the door's own code. */
export function answerAtEdge(res: ServerResponse, pathname: string, error: AppError): void {
  switch (formatOf(pathname)) {
    case 'fhir':
      return sendOutcome(res, error, pathname);
    case 'problem':
      return sendProblem(res, error, pathname);
    case 'page': {
      const body = pageFor(error.status);
      res.writeHead(error.status, {
        ...PAGE_HEADERS,
        'Content-Type': 'text/html; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    }
  }
}

/** A percent sign not followed by two hex digits, or escapes that do not decode to UTF-8. */
function hasBrokenEscapes(path: string): boolean {
  if (!path.includes('%')) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

export type Target = { ok: true; pathname: string; originForm: string } | { ok: false; pathname: string };

/**
 * Reads the request target (RFC 9112 §3.2): origin form `/path?query`, or absolute form
 * `http://host/path?query` (answered as the origin form). Anything else — `*`, an authority, an absolute
 * URL that does not parse, a path with broken percent-escapes — cannot be served.
 */
export function readTarget(raw: string | undefined): Target {
  const target = raw ?? '';
  let originForm: string;
  if (target.startsWith('/')) {
    originForm = target;
  } else if (/^https?:\/\//i.test(target)) {
    // Not URL.canParse: on some inputs (non-ASCII hosts) it says yes where the constructor then throws.
    try {
      const url = new URL(target);
      originForm = `${url.pathname}${url.search}`;
    } catch {
      return { ok: false, pathname: '/' };
    }
  } else {
    return { ok: false, pathname: '/' };
  }
  // `//evil/…` would read as a host to URL parsers downstream: one leading slash is the path.
  originForm = originForm.replace(/^\/{2,}/, '/');
  const pathname = originForm.split('?', 1)[0]!;
  if (hasBrokenEscapes(pathname)) return { ok: false, pathname };
  let resolved: URL;
  try {
    resolved = new URL(originForm, 'http://localhost');
  } catch {
    return { ok: false, pathname };
  }
  // The router and Next resolve the path as URL does — dot segments, plain or percent-encoded, and `\` taken
  // for `/` (`/fhir/Patient\..\..\konsol` is `/konsol`) — so the door a request is judged by here (its error
  // format and headers) must be the path they serve, resolved the same way rather than guessed by a pattern.
  const served = resolved.pathname.replace(/^\/{2,}/, '/');
  if (served === pathname) return { ok: true, pathname, originForm };
  return { ok: true, pathname: served, originForm: `${served}${resolved.search}` };
}

const BAD_TARGET = () =>
  new AppError('BAD_REQUEST', {
    message: 'Адрес запроса указан неверно: недопустимые символы или неполные %-последовательности.',
  });

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

/** The client's address for the pages, from the TCP peer; a client's own header of that name is replaced. */
function stampClientAddress(req: IncomingMessage): void {
  req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
}

/** How much of a refused request's body is read and dropped before the connection is cut instead. */
const DROPPED_BODY_LIMIT_BYTES = 64 * 1024 * 1024;

/**
 * For an answer given before the body was read (a form post too long, a post from another site): the
 * rest of the body is read and dropped while the client still sends it, so the client gets the answer.
 * Closing with unread data resets the connection (RFC 9112 §9.6), and the reset may wipe the answer from
 * the client's buffer before it is read. A body beyond 64 MB more is not worth reading: the socket is cut.
 */
function dropUnreadBody(req: IncomingMessage): void {
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > DROPPED_BODY_LIMIT_BYTES) req.socket.destroy();
  });
}

/** The request a connection is serving, for a parse error that comes after its head (a broken body). */
const inFlight = new WeakMap<object, { pathname: string; res: ServerResponse }>();

/**
 * Wraps the server's request handler: checks the target, then runs `handler` so that whatever it throws
 * (synchronously or in a promise) is logged and answered 500, or the socket is closed if an answer had
 * already begun. `OPTIONS *` asks what the server supports and gets its list.
 */
export function guardedHandler(handler: RequestHandler): RequestHandler {
  return (req, res) => {
    const target = readTarget(req.url);
    if (!target.ok) {
      if (req.url === '*' && req.method === 'OPTIONS') {
        res.writeHead(204, { ...SECURITY_HEADERS, Allow: 'GET, HEAD, POST, OPTIONS' }).end();
        return;
      }
      answerAtEdge(res, target.pathname, BAD_TARGET());
      return;
    }
    req.url = target.originForm;
    stampClientAddress(req);
    if (formatOf(target.pathname) === 'page') {
      // Answers Next gives before proxy.ts runs (a trailing-slash redirect) still say: no sniffing, no
      // framing; proxy.ts (and the development ЕСИА provider) replace these with the page's own policy.
      for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
      // A form post longer than any page takes: answered before Next reads it (Next would answer its own
      // English error).
      if (req.method === 'POST' && Number(req.headers['content-length'] ?? 0) > PAGE_BODY_LIMIT_BYTES) {
        dropUnreadBody(req);
        answerAtEdge(res, target.pathname, new AppError('PAYLOAD_TOO_LARGE'));
        return;
      }
      russianErrorPages(req, res);
    }
    inFlight.set(req.socket, { pathname: target.pathname, res });
    const fail = (error: unknown) => {
      logger().error({ err: error, method: req.method, path: target.pathname }, 'edge: request failed');
      if (!res.headersSent) answerAtEdge(res, target.pathname, new AppError('INTERNAL', { cause: error }));
      else res.destroy();
    };
    try {
      const result = handler(req, res);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

/**
 * A form post to a Next page must come from our own pages. Next refuses a server action from another
 * origin (or `Origin: null`) by throwing — a 500 — so the launcher refuses it first, with a 403 page.
 * A post without Origin (old browsers, scripts) goes on: Next and the route handlers' same-site check
 * judge it. Not for the development ЕСИА provider, whose pages send `Origin: null` (no-referrer).
 */
export function refusedCrossSitePost(req: IncomingMessage, res: ServerResponse): boolean {
  const origin = req.headers.origin;
  if (req.method !== 'POST' || origin === undefined) return false;
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  // next-auth's /api/auth callbacks may be posted by the identity provider's own origin.
  if (formatOf(pathname) !== 'page') return false;
  try {
    if (new URL(origin).host === req.headers.host) return false;
  } catch {
    // not a URL: not our origin
  }
  dropUnreadBody(req);
  answerAtEdge(res, pathname, new AppError('FORBIDDEN', { message: 'Запрос с чужого сайта.' }));
  return true;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Keeps a copy of a form post's body (up to 1 MB) to judge afterwards whether it was malformed: the same
 * parser as Next's (the platform's FormData) refuses it, or a server action's own JSON fields
 * ($ACTION_REF_n, $ACTION_n:m) do not parse.
 */
function observedFormBody(req: IncomingMessage): () => Promise<boolean> {
  if (req.method !== 'POST') return () => Promise.resolve(false);
  const chunks: Buffer[] = [];
  let size = 0;
  // Watching `emit`, not adding a 'data' listener: a listener would start the flow before the reader
  // behind us (Next, the sign-in provider) is attached, and it would miss the body.
  const emit = req.emit.bind(req) as (event: string, ...args: unknown[]) => boolean;
  req.emit = ((event: string, ...args: unknown[]) => {
    if (event === 'data' && Buffer.isBuffer(args[0])) {
      size += args[0].length;
      if (size <= 1_000_000) chunks.push(args[0]);
    }
    return emit(event, ...args);
  }) as typeof req.emit;
  return async () => {
    const type = req.headers['content-type'] ?? '';
    if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) return false;
    if (size > 1_000_000) return true;
    try {
      const form = await new Response(Buffer.concat(chunks), {
        headers: { 'content-type': type },
      }).formData();
      return [...form].some(
        ([name, value]) => /^\$ACTION_\d+:\d+$/.test(name) && (typeof value !== 'string' || !isJson(value)),
      );
    } catch {
      return true;
    }
  };
}

/**
 * Next answers some refusals of its own — a malformed server-action request, an unknown action — with an
 * English text/plain line, and a form body it cannot parse with a 500 of its own. On a page door the
 * person gets the Russian page for that status instead (400 when the body was malformed: the client's
 * fault, not the server's); our own Russian texts, HTML and JSON pass untouched. Error answers are small,
 * so they are held until complete and then judged.
 */
function russianErrorPages(req: IncomingMessage, res: ServerResponse): void {
  const malformed = observedFormBody(req);
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res) as (body?: Buffer) => ServerResponse;
  const held: Buffer[] = [];
  let ending = false;
  const holding = () => res.statusCode >= 400 && !res.headersSent;
  const toBuffer = (chunk: unknown) =>
    typeof chunk === 'string'
      ? Buffer.from(chunk)
      : Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : null;

  res.writeHead = (status: number, ...rest: unknown[]) => {
    res.statusCode = status;
    const headers = rest.find((r) => r && typeof r === 'object');
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2)
        res.setHeader(String(headers[i]), String(headers[i + 1]));
    } else if (headers) {
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) res.setHeader(k, v as string);
    }
    return holding() ? res : writeHead(status);
  };
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!holding()) return write(chunk, ...rest);
    const b = toBuffer(chunk);
    if (b) held.push(b);
    return true;
  }) as typeof res.write;
  const flushHeaders = res.flushHeaders.bind(res);
  res.flushHeaders = () => {
    if (!holding()) flushHeaders();
  };
  res.end = ((chunk?: unknown) => {
    if (!holding()) return end(toBuffer(chunk) ?? undefined);
    const b = toBuffer(chunk);
    if (b) held.push(b);
    if (!ending) {
      ending = true;
      void settle(Buffer.concat(held));
    }
    return res;
  }) as typeof res.end;

  async function settle(body: Buffer): Promise<void> {
    const type = String(res.getHeader('content-type') ?? '');
    const unreadable = res.statusCode === 500 && (await malformed());
    const status = unreadable ? 400 : res.statusCode;
    const russian = /html|json/.test(type) || CYRILLIC.test(body.toString('utf8'));
    if (status === res.statusCode && russian) {
      res.setHeader('Content-Length', body.length);
      writeHead(status);
      end(body);
      return;
    }
    const page = Buffer.from(unreadable ? unreadableFormPage() : pageFor(status));
    for (const name of res.getHeaderNames())
      if (!/^(set-cookie|x-request-id)$/i.test(name)) res.removeHeader(name);
    for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', page.length);
    writeHead(status);
    end(page);
  }
}

const CLIENT_ERROR_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_URI_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/**
 * `clientError` of the HTTP server: a request Node's parser refuses (a broken request line or header, a
 * head too large, a request too slow) is answered in the format of the door its path names, with the
 * security headers, and the connection closed — instead of Node's bare 400 or a silent close.
 */
export function answerClientError(
  error: Error & { code?: string; rawPacket?: Buffer },
  socket: Duplex,
): void {
  // A throw here would be an uncaught exception with the socket left open: close it instead.
  try {
    answerUnparsed(error, socket);
  } catch (failure) {
    logger().error({ err: failure }, 'edge: client error not answered');
    socket.destroy();
  }
}

function answerUnparsed(error: Error & { code?: string; rawPacket?: Buffer }, socket: Duplex): void {
  if (!socket.writable || (error.code === 'ECONNRESET' && !error.rawPacket)) {
    socket.destroy();
    return;
  }
  const current = inFlight.get(socket);
  if (current?.res.headersSent) {
    socket.destroy();
    return;
  }
  const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
  const line = error.rawPacket?.toString('latin1').split('\r\n', 1)[0] ?? '';
  const pathname = current?.pathname ?? readTarget(/^\S+ (\S+)/.exec(line)?.[1]).pathname;
  const appError = new AppError('BAD_REQUEST', {
    message:
      status === 431
        ? 'Слишком длинный адрес или заголовки запроса.'
        : status === 408
          ? 'Запрос передавался слишком долго.'
          : 'Запрос составлен неверно: сервер не может его разобрать.',
  });
  const format = formatOf(pathname);
  const [type, body] =
    format === 'fhir'
      ? [FHIR_JSON, JSON.stringify(toOperationOutcome(appError))]
      : format === 'problem'
        ? [
            'application/problem+json; charset=utf-8',
            JSON.stringify({ ...problemFrom(appError, pathname), status }),
          ]
        : ['text/html; charset=utf-8', pageFor(status)];
  const headers = { ...(format === 'page' ? PAGE_HEADERS : SECURITY_HEADERS), 'Content-Type': type };
  const reason =
    status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request';
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * `connect` of the HTTP server: this is not a proxy. Without a listener Node drops the socket silently;
 * the client is told instead.
 */
export function refuseConnect(_req: IncomingMessage, socket: Duplex): void {
  const body = pageFor(405);
  socket.end(
    'HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST, OPTIONS\r\n' +
      Object.entries(PAGE_HEADERS)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      `Content-Type: text/html; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
