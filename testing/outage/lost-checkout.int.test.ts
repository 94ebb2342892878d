import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { env } from '@/config/env';
import { startTcpProxy, type TcpProxy } from '@/testing/outage/tcp-proxy';
import { releaseWhenLost } from '@/db/pool-guard';

/**
 * A client whose connection is lost while checked out (drizzle's `transaction` never releases one that
 * dies before its BEGIN) goes back to the pool: the pool can still end, and its holder's own release
 * later is harmless. The server is reached through a loopback proxy whose connections the test cuts.
 */
let proxy: TcpProxy | null = null;

afterEach(async () => {
  await proxy?.close();
  proxy = null;
});

async function poolThroughProxy(): Promise<pg.Pool> {
  const upstream = new URL(env().DATABASE_URL!);
  proxy = await startTcpProxy(Number(upstream.port));
  upstream.hostname = '127.0.0.1';
  upstream.port = String(proxy.port);
  const pool = new pg.Pool({ connectionString: upstream.toString(), max: 2 });
  pool.on('error', () => undefined);
  releaseWhenLost(pool);
  return pool;
}

const within = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.then(() => 'done' as const),
    new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms)),
  ]);

describe('a checked-out client whose connection is lost', () => {
  it('goes back to the pool by itself, so the pool ends instead of waiting for it for ever', async () => {
    const pool = await poolThroughProxy();
    const client = await pool.connect();
    expect((await client.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
    const ended = new Promise((resolve) => client.once('end', resolve));
    await proxy!.refuse();
    await ended;
    await new Promise((resolve) => setImmediate(resolve));
    expect(pool.totalCount).toBe(0);
    expect(await within(pool.end(), 3_000)).toBe('done');
    // The holder's own release, after the loss, changes nothing and throws nothing.
    expect(() => client.release()).not.toThrow();
  });

  it('a healthy one is released once by its holder, as always', async () => {
    const pool = await poolThroughProxy();
    const client = await pool.connect();
    client.release();
    expect(() => client.release()).not.toThrow();
    expect(pool.idleCount).toBe(1);
    expect((await pool.query<{ two: number }>('select 2 as two')).rows).toEqual([{ two: 2 }]);
    await pool.end();
  });
});
