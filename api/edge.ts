import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError } from '@/lib/errors';
import { sendOutcome } from './fhir/respond';
import { sendProblem, SECURITY_HEADERS } from './http';

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
  return 'page';
}

/** Headers for HTML answered here (not by Next): nothing to run, nothing to frame. */
const PAGE_HEADERS: Record<string, string> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
};

function page(title: string, text: string): string {
  return (
    `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"/><meta name="robots" content="noindex"/>` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"/><title>${title} — ЕРЗ ОМС</title>` +
    `<style>body{font:1.0625rem/1.5 system-ui,sans-serif;max-width:40rem;margin:1rem;color:#0b0c0c}` +
    `a{color:#0d4cd3}</style></head><body><main><h1>${title}</h1><p>${text}</p>` +
    `<p><a href="/">На главную страницу</a></p></main></body></html>`
  );
}

const PAGES: Record<number, string> = {
  400: page(
    'Адрес страницы указан неверно',
    'Адрес содержит недопустимые символы. Проверьте его или перейдите на главную страницу.',
  ),
  413: page('Слишком большой запрос', 'Отправленные данные больше, чем сервис принимает.'),
  500: page(
    'Сервис временно недоступен',
    'Страницу не удалось открыть. Попробуйте обновить её через несколько минут. Перерыв в работе сайта ' +
      'не влияет на действие полиса ОМС.',
  ),
};

/** Answers `error` in the format of the door at `pathname`; used only before or after the door's own code. */
export function answerAtEdge(res: ServerResponse, pathname: string, error: AppError): void {
  switch (formatOf(pathname)) {
    case 'fhir':
      return sendOutcome(res, error, pathname);
    case 'problem':
      return sendProblem(res, error, pathname);
    case 'page': {
      const body = PAGES[error.status] ?? PAGES[error.status >= 500 ? 500 : 400]!;
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
  } else if (/^https?:\/\//i.test(target) && URL.canParse(target)) {
    const url = new URL(target);
    originForm = `${url.pathname}${url.search}`;
  } else {
    return { ok: false, pathname: '/' };
  }
  // `//evil/…` would read as a host to URL parsers downstream: one leading slash is the path.
  originForm = originForm.replace(/^\/{2,}/, '/');
  const pathname = originForm.split('?', 1)[0]!;
  if (!URL.canParse(originForm, 'http://localhost') || hasBrokenEscapes(pathname)) {
    return { ok: false, pathname };
  }
  return { ok: true, pathname, originForm };
}

const BAD_TARGET = () =>
  new AppError('BAD_REQUEST', {
    message: 'Адрес запроса указан неверно: недопустимые символы или неполные %-последовательности.',
  });

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

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
    const fail = (error: unknown) => {
      console.error('[edge]', req.method, target.pathname, error);
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
