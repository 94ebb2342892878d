import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerClientError, guardedHandler, refuseConnect } from '@/api/edge';
import { withRequestScope } from '@/api/request-scope';
import { routeApiRequest } from '@/api/router';

export interface TestApiServer {
  base: string;
  close: () => Promise<void>;
}

/** The lean API router alone on a loopback port, in its request scope: what `scripts/serve.ts` runs in front of Next. */
export async function startApiServer(): Promise<TestApiServer> {
  const server = createServer(
    withRequestScope(guardedHandler((req, res) => routeApiRequest(req, res) ?? res.writeHead(404).end())),
  );
  server.on('clientError', answerClientError);
  server.on('connect', refuseConnect);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null for an empty body. */
  body: Record<string, unknown> & { errors?: { field: string; code: string; message: string }[] };
}

export async function call(
  base: string,
  path: string,
  options: { key?: string; authorization?: string; method?: string } = {},
): Promise<ApiResponse> {
  const authorization = options.authorization ?? (options.key ? `Bearer ${options.key}` : undefined);
  const res = await fetch(`${base}${path}`, {
    method: options.method ?? 'GET',
    headers: authorization ? { authorization } : {},
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : null) as ApiResponse['body'],
  };
}

export function query(params: Record<string, string>): string {
  return `/api/v1/lookup?${new URLSearchParams(params).toString()}`;
}
