import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/db/embedded';
import { systemActor } from '@/lib/auth/actor';
import { createFeedKey } from '@/lib/feeds/feed-keys';
import { birth, registeredRef } from '@/testing/feeds/events';
import { startLoggedProcess, untilStarted, type LoggedProcess } from '@/testing/ops/logged-process';

/**
 * Graceful shutdown of the real launcher (scripts/serve.ts, ADR 0028): a server process on this file's
 * database, a request in flight (its body still arriving), SIGTERM — the request completes with 200, new
 * connections are refused, and the process exits 0 after every shutdown step.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'oms-shutdown-'));
let server: LoggedProcess;
let port = 0;

/** Whether a new TCP connection to the server's port is refused. */
const refused = () =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code === 'ECONNREFUSED'));
  });

beforeAll(async () => {
  port = await freePort();
  server = startLoggedProcess(
    'scripts/serve.ts',
    ['--port', String(port), '--hostname', '127.0.0.1', '--data-dir', `${dataDir}/pg`],
    {
      NODE_ENV: 'development',
      JOBS_IN_PROCESS: 'on',
      // The default build directory: development builds go to .next/dev (beside, not over, a production
      // build), and another directory would make Next add its types to tsconfig.json.
      SHUTDOWN_TIMEOUT_SECONDS: '30',
    },
  );
  await untilStarted(
    server,
    (e) => typeof e.msg === 'string' && e.msg.startsWith('oms-register (development) on'),
  );
}, 120_000);

afterAll(() => {
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGTERM (scripts/serve.ts)', () => {
  it('finishes the request in flight with 200, refuses new connections, and exits 0', async () => {
    const key = (await createFeedKey({ source: 'zags' }, systemActor('shutdown-test'))).key;
    const body = Buffer.from(`${JSON.stringify(birth(await registeredRef()))}\n`);
    const half = Math.floor(body.length / 2);
    // The request's head and half its body now; the rest only after SIGTERM.
    const req = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/feeds/zags/events',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/x-ndjson',
        'content-length': body.length,
        'x-request-id': 'shutdown-inflight-0001',
        // The server answers 100 Continue when it has taken the request: from then on it is in flight.
        expect: '100-continue',
      },
    });
    const response = new Promise<{ res: IncomingMessage; text: string }>((resolve, reject) => {
      req.once('error', reject);
      req.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c: string) => (text += c));
        res.once('end', () => resolve({ res, text }));
      });
    });
    await new Promise<void>((resolve) => req.once('continue', resolve));
    req.write(body.subarray(0, half));

    const exit = server.exited();
    server.child.kill('SIGTERM');
    await server.logged((e) => e.msg === 'stopping' && e.signal === 'SIGTERM');
    // The listening socket closes as the drain begins.
    let closed = await refused();
    for (let i = 0; i < 200 && !closed; i++) closed = await refused();
    expect(closed).toBe(true);

    req.end(body.subarray(half));
    const { res, text } = await response;
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('shutdown-inflight-0001');
    expect(res.headers.connection).toBe('close');
    expect(JSON.parse(text)).toMatchObject({ source: 'zags', received: 1, accepted: 1 });

    expect(await exit).toBe(0);
    const steps = server.lines.filter((e) => e.msg === 'shutdown step done').map((e) => e.step);
    expect(steps).toEqual(['requests', 'jobs', 'access log', 'pools', 'database']);
    expect(server.lines.find((e) => e.step === 'requests')).toMatchObject({ result: { cutShort: 0 } });
    expect(
      server.lines.find((e) => e.msg === 'request' && e.requestId === 'shutdown-inflight-0001'),
    ).toMatchObject({
      door: 'feeds',
      status: 200,
      method: 'POST',
    });
    expect(server.lines.at(-1)).toMatchObject({ msg: 'stopped', exitCode: 0 });
  }, 90_000);
});
