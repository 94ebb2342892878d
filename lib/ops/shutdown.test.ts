import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { InFlight, withRequestScope } from '@/api/request-scope';
import { drainServer } from './shutdown';

let server: Server | null = null;
afterEach(() => server?.closeAllConnections());

/** A server whose /answer-on-signal answers when `release` is called, and /never never does. */
async function start(): Promise<{
  port: number;
  inFlight: InFlight;
  release: () => void;
  arrived: Promise<void>;
}> {
  const inFlight = new InFlight();
  let release = () => {};
  let arrivedResolve = () => {};
  const arrived = new Promise<void>((r) => (arrivedResolve = r));
  server = createServer(
    withRequestScope((req, res) => {
      arrivedResolve();
      if (req.url === '/answer-on-signal') release = () => res.end('done');
    }, inFlight),
  );
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, inFlight, release: () => release(), arrived };
}

function get(port: number, path: string) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('drainServer', () => {
  it('lets a request in flight finish, with Connection: close, and cuts none', async () => {
    const { port, inFlight, release, arrived } = await start();
    const answer = get(port, '/answer-on-signal');
    await arrived;
    const drained = drainServer(server!, inFlight, 10_000);
    release();
    expect(await answer).toEqual({ status: 200, connection: 'close', body: 'done' });
    expect(await drained).toBe(0);
  });

  it('cuts a request that outlives the timeout, and says how many', async () => {
    const { port, inFlight, arrived } = await start();
    const answer = get(port, '/never');
    await arrived;
    expect(await drainServer(server!, inFlight, 200)).toBe(1);
    await expect(answer).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});
