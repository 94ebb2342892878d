import type { IncomingMessage, ServerResponse } from 'node:http';

/** Pages that Next renders as ordinary pages but that answer a refusal, and the status each is sent with. */
export const REFUSAL_PAGES: Readonly<Record<string, number>> = { '/net-dostupa': 403 };

/**
 * Gives a refusal page its status. Next can only send 403 for a forbidden() thrown while rendering, and
 * then it sends its bare error document (vercel/next.js#83671); the page itself is the site's own 403
 * page, rendered normally and answered here as 403. Node writes every response's head through
 * `writeHead` (an implicit head calls it with `statusCode`), so replacing a 200 there covers both.
 */
export function answerRefusalWithItsStatus(req: IncomingMessage, res: ServerResponse): void {
  const status = REFUSAL_PAGES[new URL(req.url ?? '/', 'http://localhost').pathname];
  if (status === undefined) return;
  const writeHead = res.writeHead.bind(res) as (code: number, ...rest: unknown[]) => ServerResponse;
  res.writeHead = ((code: number, ...rest: unknown[]) =>
    writeHead(code === 200 ? status : code, ...rest));
}
