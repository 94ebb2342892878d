import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@/db/embedded';
import { loadKzPopulation } from '@/db/seed/kz/bulk-load';
import { kzToday } from '@/lib/kz/today';
import { startApiServer, type TestApiServer } from '@/testing/api/api-server';
import { startProcess, stopProcess, waitFor } from './lib/child-process';
import { ratioTable } from './lib/http-load';
import { kzStorage } from './lib/kz-register';
import { answerMix, measureStatusDoors, pickIins } from './lib/kz-status-doors';

/**
 * bench:kz-status at a tiny size, so the benchmark cannot rot: the same register generator, baseline
 * server, load and storage code, with the lean API router in-process as the door (the benchmark itself
 * runs the production server, which needs a build).
 */

const PERSONS = 200;
const url = process.env.DATABASE_URL!;
let api: TestApiServer;
let baseline: ChildProcess;
let baseUrl: string;
let pool: pg.Pool;

beforeAll(async () => {
  // The benchmark's switch (config/env.ts): the limiter stays in the path without refusing the load.
  process.env.USER_RATE_LIMIT_PER_SECOND = '1000000';
  process.env.USER_RATE_LIMIT_BURST = '1000000';
  pool = new pg.Pool({ connectionString: url, max: 2 });
  await loadKzPopulation(pool, { persons: PERSONS, seed: 3, asOf: kzToday() });
  api = await startApiServer();
  const port = await freePort();
  baseline = startProcess('baseline', ['bench/baseline/kz-status-server.ts', '--port', String(port)], {
    ...process.env,
    DATABASE_URL: url,
  });
  baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/health`, baseline, 30_000);
});

afterAll(async () => {
  await stopProcess(baseline);
  await api.close();
  await pool.end();
});

const silent = () => undefined;

describe('bench:kz-status at a tiny size', () => {
  it('answers every person through the door, insured or not', async () => {
    const iins = await pickIins(url, PERSONS);
    expect(iins).toHaveLength(PERSONS);
    const mix = await answerMix(api.base, iins);
    const keys = [...mix.keys()];
    expect([...mix.values()].reduce((a, b) => a + b, 0)).toBe(PERSONS);
    expect(keys.filter((k) => k.startsWith('insured: ')).length).toBeGreaterThan(0);
    expect(keys.filter((k) => k.startsWith('not insured: ')).length).toBeGreaterThan(0);
  });

  it('measures the door and both baselines with no failed answer, and logs the door and the baseline', async () => {
    const before = await pool.query<{ actor_id: string; n: string }>(
      `select actor_id, count(*)::text as n from access_log where channel = 'status_check' group by 1`,
    );
    const iins = await pickIins(url, 50);
    const load = await measureStatusDoors(
      { baseUrl, oursUrl: api.base },
      iins,
      { duration: 1, warmup: 0, connections: [4] },
      silent,
    );
    expect(load.results.map((r) => r.target)).toEqual(['read-only', 'baseline', 'status check (REST)']);
    for (const r of load.results) {
      expect({ target: r.target, non2xx: r.non2xx, errors: r.errors }).toEqual({
        target: r.target,
        non2xx: 0,
        errors: 0,
      });
      expect(r.rps).toBeGreaterThan(0);
    }
    const door = ratioTable(load.results, load.targets).find((row) => row[0] === 'status check (REST)')!;
    expect(Number(door[7])).toBeGreaterThan(0);
    expect(Number(door[8])).toBeGreaterThan(0);

    const after = await pool.query<{ actor_id: string; n: string }>(
      `select actor_id, count(*)::text as n from access_log where channel = 'status_check' group by 1`,
    );
    const grew = (who: (id: string) => boolean) =>
      after.rows.filter((r) => who(r.actor_id)).reduce((a, r) => a + Number(r.n), 0) -
      before.rows.filter((r) => who(r.actor_id)).reduce((a, r) => a + Number(r.n), 0);
    expect(grew((id) => id === 'bench-baseline')).toBeGreaterThan(0);
    expect(grew((id) => id !== 'bench-baseline')).toBeGreaterThan(0);
  });

  it('counts the bytes per person over the register tables', async () => {
    const storage = await kzStorage(url);
    const row = (name: string) => storage.find((s) => s.name === name)!;
    expect(row('persons').rows).toBe(PERSONS);
    expect(row('person_names').rows).toBe(PERSONS);
    expect(row('kz_contributions').rows).toBeGreaterThanOrEqual(12 * PERSONS);
    // A contribution row is over a hundred bytes with its three indexes: the sizes are the tables' own.
    expect(row('kz_contributions').total).toBeGreaterThan(100 * row('kz_contributions').rows);
    expect(row('kz_contributions').indexes).toBeGreaterThan(0);
  });
});
