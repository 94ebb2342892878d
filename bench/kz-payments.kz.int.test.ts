import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kzToday } from '@/lib/kz/today';
import { PRODUCED, runPaymentsBench, type PaymentsRun } from './lib/kz-payments';

/**
 * bench:kz-payments at a tiny size, so the benchmark cannot rot: its own steps (persons, the payments
 * feed, the bulk import, the bare COPY baseline, the INSERT ceiling) on a few hundred payments in this
 * file's Kazakh register.
 */

const PERSONS = 40;
const ROWS = 400;
let pool: pg.Pool;
let client: pg.PoolClient;
let dir: string;
let run: PaymentsRun;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 1 });
  client = await pool.connect();
  dir = mkdtempSync(path.join(tmpdir(), 'oms-test-kz-payments-'));
  run = await runPaymentsBench(client, {
    persons: PERSONS,
    rows: ROWS,
    batch: 150,
    asOf: kzToday(),
    dir,
    log: () => undefined,
  });
});

afterAll(async () => {
  client.release();
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);

describe('bench:kz-payments at a tiny size', () => {
  it('imports every payment of the feed through the bulk path, in timed steps', () => {
    expect(run.applied).toBe(ROWS);
    for (const seconds of [run.bulkSeconds, run.bareSeconds, run.ceilingSeconds])
      expect(seconds).toBeGreaterThan(0);
    // A payment row is over a hundred bytes with its indexes, and the three tables hold more than the ledger.
    expect(run.ledgerBytes).toBeGreaterThan(100 * ROWS);
    expect(run.producedBytes).toBeGreaterThan(run.ledgerBytes);
  });

  it('copies exactly the rows the import produced into the bare tables', async () => {
    for (const { table } of PRODUCED)
      expect({ table, rows: await count(`select count(*) as n from ${table}_bare`) }).toEqual({
        table,
        rows: ROWS,
      });
  });

  it('leaves the register with the payments written once more by the ceiling, every one of them', async () => {
    expect(await count(`select count(*) as n from kz_contributions`)).toBe(ROWS);
    expect(await count(`select count(*) as n from feed_events where source = 'payments'`)).toBe(ROWS);
    expect(
      await count(
        `select count(*) as n from kz_contributions c join persons p on p.id = c.person_id where p.jurisdiction = 'kz'`,
      ),
    ).toBe(ROWS);
  });
});
