import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { closeReadPools, probeReplicas, replicaLag } from '@/db/read-pools';
import { parseLsn } from '@/db/read-routing';
import type { Actor } from '@/lib/auth/actor';
import { afterOwnWrite, readChoice } from '@/lib/register/replica-reads';
import { withRequestScope } from './request-scope';

/**
 * Read-your-writes carried by the caller (ADR 0026), through the real request scope of the launcher: a
 * write sets the `oms_rw` cookie, and a request carrying it — in a process that never saw the write (the
 * per-process memory dropped) — reads from the primary until the replica has replayed that position.
 * The replica is controlled without a cluster: its probe (the pool's own `connect`) is answered with a
 * standby's replay position chosen by the test; the primary is this file's real database.
 */
const actor: Actor = { kind: 'staff', id: 'rw-admin', role: 'ffoms_admin' };
let replayed = '0/1';
const standby = {
  query: () => Promise.resolve({ rows: [{ recovery: true, replay_lsn: replayed, replay_age: 0 }] }),
  release: () => undefined,
};

let server: Server;
let port = 0;

beforeAll(async () => {
  const connect = Reflect.get(pg.Pool.prototype, 'connect') as (...a: unknown[]) => unknown;
  vi.spyOn(pg.Pool.prototype, 'connect').mockImplementation(function (this: pg.Pool, ...args: unknown[]) {
    const replica = (this as unknown as { options: { application_name?: string } }).options.application_name;
    if (replica === 'oms-register-replica-read') return Promise.resolve(standby) as never;
    return connect.apply(this, args) as never;
  });
  process.env.DATABASE_REPLICA_URLS = 'postgres://postgres@127.0.0.1:9/standby';
  server = createServer(
    withRequestScope(async (req, res) => {
      if (req.url === '/write') await afterOwnWrite(actor);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(readChoice('person_card', actor).decision));
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(() => {
  delete process.env.NEXTAUTH_URL;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await closeReadPools();
  delete process.env.DATABASE_REPLICA_URLS;
  vi.restoreAllMocks();
});

function get(path: string, cookie?: string) {
  return new Promise<{ setCookie: string[]; decision: unknown }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: cookie ? { cookie } : {} }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () =>
        resolve({ setCookie: res.headers['set-cookie'] ?? [], decision: JSON.parse(body) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** Another app process: nothing remembered, the replica measured afresh (replaying `replay`). */
async function anotherProcess(replay: string): Promise<void> {
  await closeReadPools();
  replayed = replay;
  await probeReplicas();
  expect(await replicaLag()).toEqual([
    expect.objectContaining({ replica: '127.0.0.1:9/standby', up: true, replayLsn: replay, lagSeconds: 0 }),
  ]);
}

const primaryAnswers = { target: 'primary', reason: 'own_write_not_replayed' };
const replicaAnswers = { target: 'replica', index: 0 };

describe('read-your-writes carried by the caller', () => {
  it('a write sets the cookie; with it, another process reads from the primary until the replica replays it', async () => {
    await anotherProcess('0/1');
    const plain = await get('/read');
    expect(plain).toEqual({ setCookie: [], decision: replicaAnswers });

    const write = await get('/write');
    expect(write.decision).toEqual(primaryAnswers); // this process remembers it too
    expect(write.setCookie).toHaveLength(1);
    const [cookie] = write.setCookie;
    const match = /^oms_rw=([0-9A-F]+\/[0-9A-F]+)\.(\d+); Max-Age=120; Path=\/; HttpOnly; SameSite=Lax$/.exec(
      cookie!,
    );
    expect(match, cookie).not.toBeNull();
    const [, lsn, at] = match!;
    expect(Math.abs(Number(at) - Date.now())).toBeLessThan(10_000);
    const {
      rows: [now],
    } = await getDb().$client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
    expect(parseLsn(lsn!) > parseLsn('0/1')).toBe(true);
    expect(parseLsn(lsn!) <= parseLsn(now!.lsn)).toBe(true);
    const carried = cookie!.split(';', 1)[0]!;

    await anotherProcess('0/1');
    expect((await get('/read')).decision).toEqual(replicaAnswers); // no memory of the write here
    const withCookie = await get('/read', `theme=dark; ${carried}`);
    expect(withCookie).toEqual({ setCookie: [], decision: primaryAnswers });

    await anotherProcess(lsn!);
    expect((await get('/read', carried)).decision).toEqual(replicaAnswers);
  });

  it('a malformed, future or expired cookie is ignored', async () => {
    await anotherProcess('0/1');
    const now = Date.now();
    for (const cookie of [
      `oms_rw=FFFFFFFF/FFFFFFFF`,
      `oms_rw=FFFFFFFF/FFFFFFFF.${now}; Path=/`.replace('.', ','),
      `oms_rw=FFFFFFFFF/0.${now}`,
      `oms_rw=FFFFFFFF/FFFFFFFF.${now + 60_000}`,
      `oms_rw=FFFFFFFF/FFFFFFFF.${now - 121_000}`,
    ])
      expect((await get('/read', cookie)).decision, cookie).toEqual(replicaAnswers);
    expect((await get('/read', `oms_rw=FFFFFFFF/FFFFFFFF.${now}`)).decision).toEqual(primaryAnswers);
  });

  it('the cookie is Secure when the site runs on https, as the session cookie is', async () => {
    process.env.NEXTAUTH_URL = 'https://oms-register.example';
    const { setCookie } = await get('/write');
    expect(setCookie).toEqual([
      expect.stringMatching(/^oms_rw=[^;]+; Max-Age=120; Path=\/; HttpOnly; SameSite=Lax; Secure$/),
    ]);
  });

  it('a response that sets its own cookies in writeHead keeps them and gets this one too', async () => {
    const scoped = createServer(
      withRequestScope(async (_req, res) => {
        await afterOwnWrite(actor);
        res.setHeader('Set-Cookie', 'first=1');
        res.writeHead(200, { 'Set-Cookie': ['second=2'], 'content-type': 'application/json' });
        res.end('null');
      }),
    );
    await new Promise<void>((resolve) => scoped.listen(0, '127.0.0.1', resolve));
    const before = port;
    port = (scoped.address() as AddressInfo).port;
    try {
      const { setCookie } = await get('/');
      expect(setCookie).toEqual(['second=2', expect.stringMatching(/^oms_rw=/)]);
    } finally {
      port = before;
      scoped.closeAllConnections();
      scoped.close();
    }
  });
});
