import { createServer } from 'node:http';
import type pg from 'pg';

/** What a baseline answers for one request: a status and a JSON body. */
export interface BaselineAnswer {
  status: number;
  body: string;
}

const READ_ONLY_PREFIX = '/read-only';

/**
 * The benchmarks' bare node:http server: `/health`, the one `path` the baseline answers, and the same path
 * under `/read-only` (the variant without the access-log row), anything else 404 — nothing more, so the
 * baseline costs only its statements. Stops on SIGINT/SIGTERM, ending the pool.
 */
export function serveBaseline(
  options: { port: number; path: string; pool: pg.Pool; label: string },
  answer: (query: URLSearchParams, logged: boolean) => Promise<BaselineAnswer>,
): void {
  const server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://localhost');
    if (u.pathname === '/health') {
      res.writeHead(200).end('ok');
      return;
    }
    const readOnly = u.pathname.startsWith(READ_ONLY_PREFIX);
    const path = readOnly ? u.pathname.slice(READ_ONLY_PREFIX.length) : u.pathname;
    if (path !== options.path) {
      res.writeHead(404).end();
      return;
    }
    answer(u.searchParams, !readOnly)
      .then(({ status, body }) => {
        res.writeHead(status, {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': Buffer.byteLength(body),
        });
        res.end(body);
      })
      .catch((error: unknown) => {
        console.error(error);
        res.writeHead(500).end();
      });
  });
  server.listen(options.port, '127.0.0.1', () =>
    console.log(`baseline ${options.label} server on http://127.0.0.1:${options.port}`),
  );
  const stop = () => {
    server.closeAllConnections();
    server.close(() => void options.pool.end().then(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The `--port N` argument and DATABASE_URL, or the usage and exit 2. */
export function baselineArguments(usage: string): { port: number; url: string } {
  const portArg = process.argv.indexOf('--port');
  const port = Number(portArg >= 0 ? process.argv[portArg + 1] : NaN);
  const url = process.env.DATABASE_URL;
  if (!Number.isInteger(port) || port < 1 || port > 65_535 || !url) {
    console.error(`usage: DATABASE_URL=… tsx ${usage} --port N`);
    process.exit(2);
  }
  return { port, url };
}
