import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { freePort } from '@/db/embedded';
import { persons } from '@/db/schema';
import { startTcpProxy, type TcpProxy } from '@/testing/outage/tcp-proxy';
import { startLoggedProcess, untilStarted, type LoggedProcess } from '@/testing/ops/logged-process';

/**
 * The launcher on a multi-host DATABASE_URL (a cluster's, ADR 0025: a dead host first, then this file's
 * database behind a TCP proxy), asked to seed its empty register with demo data — and a page that fails
 * inside Next (ADR 0028): Next reports it through console.error, which the launcher routes to the
 * logger, so the line is JSON like every other, carries the id of the request it belongs to, and is
 * scrubbed. The proxy refuses connections, and the public extract check fails while it renders.
 */

let server: LoggedProcess;
let proxy: TcpProxy;
let port = 0;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  proxy = await startTcpProxy(Number(url.port));
  url.port = String(proxy.port);
  const multiHost = url.toString().replace(`@${url.host}/`, `@127.0.0.1:${await freePort()},${url.host}/`);
  port = await freePort();
  server = startLoggedProcess(
    'scripts/serve.ts',
    ['--port', String(port), '--hostname', '127.0.0.1', '--demo-persons', '20'],
    { NODE_ENV: 'development', DATABASE_URL: multiHost, JOBS_IN_PROCESS: 'off' },
  );
  await untilStarted(
    server,
    (e) => typeof e.msg === 'string' && e.msg.startsWith('oms-register (development) on'),
  );
}, 180_000);

afterAll(async () => {
  if (server.child.exitCode === null) {
    const exit = server.exited();
    server.child.kill('SIGKILL');
    await exit;
  }
  await proxy.close();
});

function get(path: string, requestId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { 'x-request-id': requestId } }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
    });
    req.once('error', reject);
    req.end();
  });
}

describe('the launcher on a multi-host DATABASE_URL', () => {
  it('seeds the empty register with the demo people through the writable host', async () => {
    const seeded = await getDb().select({ n: count() }).from(persons);
    expect(seeded[0]!.n).toBeGreaterThan(20);
  });
});

describe('a page that fails while rendering', () => {
  it('is logged as a JSON error line with the request id, scrubbed', async () => {
    // Compiled (development) and answered once while the database answers: the later failure is the page's.
    const code = '0123456789ABCDEFGHJKMNPQRS';
    expect(await get(`/verify/${code}`, 'page-before-00001')).toBe(200);
    expect(server.lines.some((e) => e.requestId === 'page-before-00001' && e.level === 50)).toBe(false);

    await proxy.refuse();
    const status = await get(`/verify/${code}`, 'page-failed-00001');
    expect(status).toBe(500);
    await server.logged((e) => e.requestId === 'page-failed-00001' && e.msg === 'request');
    const errors = server.lines.filter((e) => e.requestId === 'page-failed-00001' && e.level === 50);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.console === true)).toBe(true);
    const text = JSON.stringify(errors);
    expect(text).not.toContain(code);
  }, 180_000);
});
