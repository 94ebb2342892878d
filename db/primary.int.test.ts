import net from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from './client';
import { primaryResolver, primaryUrl } from './primary';

/** A loopback port with nothing listening (a dead node): bound, then closed. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const single = process.env.DATABASE_URL ?? '';
const live = new URL(single);

afterAll(async () => {
  await closeDb();
  process.env.DATABASE_URL = single;
});

describe('a multi-host DATABASE_URL (ADR 0025)', () => {
  it('connects to the writable host even when the first one is dead, probing once for many queries', async () => {
    const dead = await deadPort();
    const multi = single.replace(`@${live.host}/`, `@127.0.0.1:${dead},${live.host}/`);
    expect(multi).not.toBe(single);
    process.env.DATABASE_URL = multi;
    const db = getDb();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        db.execute<{ port: number }>(sql`select current_setting('port')::int as port`),
      ),
    );
    expect(answers.map((r) => r.rows[0]?.port)).toEqual(Array(5).fill(Number(live.port)));
    expect(primaryResolver(multi)?.resolutions).toBe(1);
    expect(new URL(await primaryUrl(multi)).port).toBe(live.port);
  });

  it('answers the catalogue-mapped "unable to connect" when no host is writable', async () => {
    const multi = single.replace(
      `@${live.host}/`,
      `@127.0.0.1:${await deadPort()},127.0.0.1:${await deadPort()}/`,
    );
    process.env.DATABASE_URL = multi;
    await expect(getDb().execute(sql`select 1`)).rejects.toMatchObject({ cause: { code: '08001' } });
  });

  it('leaves a single-host URL alone: no resolver, the URL itself', async () => {
    process.env.DATABASE_URL = single;
    expect(primaryResolver(single)).toBeNull();
    expect(await primaryUrl(single)).toBe(single);
  });
});
