import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerChecksumAt } from '@/testing/feeds/register-checksum';
import {
  FEED_NOW,
  secondDatabase,
  seedFeedRegister,
  useDatabase,
  writeTestFeed,
} from '@/testing/feeds/feed-registers';
import { applyFeedEvents } from '../apply-feed-events';
import { FEED_LIMITS } from '@/api/v1/feeds/limits';
import { applyBatch } from './apply-batch';
import { importFeedFile, type ImportSummary } from './import-feed';

/**
 * The batched writer writes what the one-event path writes: the same feed file imported into two
 * identically seeded registers, one through the bulk path (a transaction per batch, births by multi-row
 * statements), one through the feeds' seam (a transaction per event), leaves registers with the same
 * checksum over persons, documents, coverage, events, notifications, dedup records and counts.
 */
const bulkUrl = process.env.DATABASE_URL!;
let single: Awaited<ReturnType<typeof secondDatabase>>;
let file: string;
let bulk: ImportSummary;
let oneByOne: ImportSummary;

/** Distinct transactions that formed the births (rows of one transaction share its record time). */
async function birthTransactions(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ n: number }>(
      `select count(distinct recorded_at)::int as n from register_events where action = 'person.registered'`,
    );
    return rows[0]!.n;
  } finally {
    await pool.end();
  }
}

const run = (apply: typeof applyBatch) =>
  importFeedFile({
    source: 'zags',
    file,
    batchSize: 300,
    startedBy: 'test',
    apply: (source, events) => apply(source, events, { now: FEED_NOW }),
    maxLineBytes: FEED_LIMITS.lineBytes,
  });

beforeAll(async () => {
  single = await secondDatabase();
  await seedFeedRegister(bulkUrl, 2500);
  await seedFeedRegister(single.url, 2500);
  file = await writeTestFeed(bulkUrl, { events: 1500, invalid: 0.02, duplicates: 0.02, outOfOrder: 0.02 });
  await useDatabase(bulkUrl);
  bulk = await run(applyBatch);
  await useDatabase(single.url);
  oneByOne = await run(applyFeedEvents);
  await useDatabase(bulkUrl);
}, 120_000);

afterAll(async () => {
  rmSync(file, { force: true });
  await useDatabase(bulkUrl);
  await single.drop();
});

describe('the bulk path', () => {
  it('answers every line as the one-event path does', () => {
    expect(bulk.counts).toEqual(oneByOne.counts);
    expect(bulk.rejected.map((r) => [r.line, r.issues])).toEqual(
      oneByOne.rejected.map((r) => [r.line, r.issues]),
    );
    expect(bulk.counts.applied).toBeGreaterThan(1300);
    expect(bulk.counts.duplicate).toBeGreaterThan(10);
    expect(bulk.counts.rejected).toBeGreaterThan(10);
  });

  it('leaves the register the one-event path leaves', async () => {
    const [a, b] = [await registerChecksumAt(bulkUrl), await registerChecksumAt(single.url)];
    expect(a).toEqual(b);
    expect(a.persons).toMatch(/^\d+:/);
    expect(Number(a.persons!.split(':')[0])).toBe(2500 + bulk.counts.applied);
  });

  it('writes the births in a few transactions, not one per event', async () => {
    const batches = Math.ceil(1500 / 300);
    expect(await birthTransactions(bulkUrl)).toBeLessThanOrEqual(batches * 2);
    expect(await birthTransactions(single.url)).toBe(oneByOne.counts.applied);
  });
});
