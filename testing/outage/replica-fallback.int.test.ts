import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/config/env';
import { startTcpProxy, type TcpProxy } from '@/testing/outage/tcp-proxy';
import { getDb } from '@/db/client';
import { replicaPool } from '@/db/read-pools';
import * as schema from '@/db/schema';

/**
 * A replica that fails at the connection level — refuses, resets, says nothing, or dies between two
 * reads — never fails the read: the primary answers it, and the replica is reported failed (so it is
 * marked down until its next probe, ADR 0026). The "replica" is this file's own database reached through
 * a loopback proxy, so no cluster is needed; the server's `application_name` tells who answered.
 */
const TIMEOUTS = { connectMs: 500, queryMs: 1_000 };
const whoAnswered = sql`select current_setting('application_name') as who`;

let server: Server;
const sockets = new Set<Socket>();
let proxy: TcpProxy;
let pools: pg.Pool[] = [];

function replicaUrl(port: number): string {
  const url = new URL(env().DATABASE_URL!);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return url.toString();
}

/** A replica pool at `port`, with the failures it reports to the caller. */
function replicaAt(port: number) {
  const failures: string[] = [];
  const pool = replicaPool(
    replicaUrl(port),
    getDb().$client,
    (error) => failures.push(error instanceof Error ? error.message : String(error)),
    TIMEOUTS,
  );
  pools.push(pool);
  return { pool, db: drizzle({ client: pool, schema, casing: 'snake_case' }), failures };
}

async function who(db: ReturnType<typeof replicaAt>['db']): Promise<string> {
  const { rows } = await db.execute<{ who: string }>(whoAnswered);
  return rows[0]!.who;
}

/** A loopback port that `behave` answers for every connection (refusing, resetting or keeping silent). */
async function listening(behave: (socket: Socket) => void): Promise<number> {
  server = createServer((socket) => {
    sockets.add(socket);
    behave(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  proxy = await startTcpProxy(Number(new URL(env().DATABASE_URL!).port));
});

afterEach(async () => {
  await Promise.all(pools.map((p) => p.end().catch(() => undefined)));
  pools = [];
  for (const s of sockets) s.destroy();
  sockets.clear();
  if (server?.listening) await new Promise((resolve) => server.close(resolve));
});

afterAll(async () => {
  await proxy.close();
});

describe('a replica failing at the connection level hands its read to the primary', () => {
  it('answers through the replica while it works (the comparison point of the tests below)', async () => {
    await proxy.forward(Number(new URL(env().DATABASE_URL!).port));
    const replica = replicaAt(proxy.port);
    expect(await who(replica.db)).toBe('oms-register-replica-read');
    expect(replica.failures).toEqual([]);
  });

  it('refused: nothing listens on its port', async () => {
    const port = await listening(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    const replica = replicaAt(port);
    expect(await who(replica.db)).toBe('oms-register');
    expect(replica.failures).toEqual([expect.stringContaining('ECONNREFUSED')]);
  });

  it('reset: the connection is accepted and dropped at once', async () => {
    const replica = replicaAt(await listening((socket) => socket.destroy()));
    expect(await who(replica.db)).toBe('oms-register');
    expect(replica.failures).toEqual([expect.stringMatching(/Connection terminated|ECONNRESET/)]);
  });

  it('silent: the connection is accepted and never answered', async () => {
    const replica = replicaAt(await listening(() => undefined));
    const started = Date.now();
    expect(await who(replica.db)).toBe('oms-register');
    expect(Date.now() - started).toBeLessThan(TIMEOUTS.connectMs + 2_000);
    expect(replica.failures).toEqual([expect.stringMatching(/timeout/i)]);
  });

  it('hung: an open connection stops answering in the middle of the work', async () => {
    await proxy.forward(Number(new URL(env().DATABASE_URL!).port));
    const replica = replicaAt(proxy.port);
    expect(await who(replica.db)).toBe('oms-register-replica-read');
    proxy.freeze();
    const started = Date.now();
    expect(await who(replica.db)).toBe('oms-register');
    expect(Date.now() - started).toBeLessThan(TIMEOUTS.queryMs + 2_000);
    expect(replica.failures).toEqual([expect.stringMatching(/Query read timeout/)]);
  });

  it('died between two reads: its connections are gone and a new one is refused; a transaction too', async () => {
    await proxy.forward(Number(new URL(env().DATABASE_URL!).port));
    const replica = replicaAt(proxy.port);
    expect(await who(replica.db)).toBe('oms-register-replica-read');
    await proxy.refuse();
    expect(await who(replica.db)).toBe('oms-register');
    const inTransaction = await replica.db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ who: string }>(whoAnswered);
      return rows[0]!.who;
    });
    expect(inTransaction).toBe('oms-register');
    expect(replica.failures.length).toBeGreaterThanOrEqual(2);
    expect(replica.failures.every((m) => /ECONNREFUSED|Connection terminated/.test(m))).toBe(true);
  });

  it('an answer of the replica that is not a connection failure stays the answer (the same on the primary)', async () => {
    await proxy.forward(Number(new URL(env().DATABASE_URL!).port));
    const replica = replicaAt(proxy.port);
    const error: unknown = await replica.db
      .execute(sql`select * from no_such_table`)
      .catch((e: unknown) => e);
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('42P01');
    expect(replica.failures).toEqual([]);
  });
});
