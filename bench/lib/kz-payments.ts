import { createWriteStream } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { FEED_LIMITS } from '@/api/v1/feeds/limits';
import { applyBatch, mayOverlap } from '@/lib/feeds/bulk/apply-batch';
import { importFeedFile } from '@/lib/feeds/bulk/import-feed';
import type { LocalDate } from '@/lib/domain/dates';
import { PaymentFeed } from '@/lib/kz/feeds/generate/osms-feeds';
import { copyKzPersons } from '@/testing/kz/feed-registers';
import { bareCopy, totalSize } from './bare-copy';
import { fixed, int } from './format';

/**
 * bench:kz-payments's steps (issue 14, ADR 0031), apart from its printing so a tiny run can test them
 * (bench/kz-payments.kz.int.test.ts): persons, a payments feed, the bulk import, the bare COPY baseline and
 * the INSERT ceiling.
 */

/** The tables a payment writes rows to, and how to pick the rows the import wrote. */
export const PRODUCED: readonly { table: string; where: (before: Map<string, number>) => string }[] = [
  { table: 'kz_contributions', where: (b) => `id > ${b.get('kz_contributions')}` },
  { table: 'register_events', where: (b) => `id > ${b.get('register_events')}` },
  { table: 'feed_events', where: () => `source = 'payments'` },
];

/** The payments feed: `rows` lines of `contribution.paid` for the register's persons, in the order they happened. */
async function writeFeed(client: pg.ClientBase, file: string, rows: number, asOf: LocalDate): Promise<void> {
  const { rows: iins } = await client.query<{ iin: string }>(
    `select iin from persons where jurisdiction = 'kz' order by id`,
  );
  const feed = new PaymentFeed(
    iins.map((r) => r.iin),
    { seed: 1, total: rows, asOf, reversals: false },
  );
  const out = createWriteStream(file);
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    buffer += `${JSON.stringify(feed.next())}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((r) => out.once('drain', () => r()));
      buffer = '';
    }
  }
  await new Promise<void>((r) => out.end(buffer, () => r()));
}

async function maxId(client: pg.ClientBase, t: string): Promise<number> {
  return Number(
    (await client.query<{ m: string | null }>(`select max(id)::text as m from ${t}`)).rows[0]!.m ?? 0,
  );
}

/**
 * The ceiling with the register's constraints: the very rows the import wrote, taken out (triggers off for
 * that delete only) and written again into the REAL tables — every key, index, foreign key and check — by
 * one `INSERT … SELECT` per table from the bare copies: what the bulk path would cost with no Node work,
 * no reads and no batches. The register ends as it was.
 */
async function insertCeiling(client: pg.ClientBase, before: Map<string, number>): Promise<number> {
  await client.query('begin');
  await client.query('set local session_replication_role = replica');
  for (const { table: t, where } of [...PRODUCED].reverse())
    await client.query(`delete from ${t} where ${where(before)}`);
  await client.query('commit');
  await client.query(`vacuum analyze ${PRODUCED.map((p) => p.table).join(', ')}`);
  await client.query('checkpoint').catch(() => undefined);
  const started = performance.now();
  await client.query('begin');
  for (const { table: t } of PRODUCED) await client.query(`insert into ${t} select * from ${t}_bare`);
  await client.query('commit');
  return (performance.now() - started) / 1000;
}

export interface PaymentsRun {
  /** Payment rows the bulk path applied (every line of the feed, or the run throws). */
  applied: number;
  bulkSeconds: number;
  bareSeconds: number;
  ceilingSeconds: number;
  /** kz_contributions with its indexes, and all three tables a payment writes to, in bytes. */
  ledgerBytes: number;
  producedBytes: number;
}

/**
 * On a fresh Kazakh register (the database behind getDb(), reached here by `client` too): seeds `persons`,
 * writes a payments feed of `rows` lines into `dir`, imports it through the bulk path in batches of
 * `batch`, then times a bare COPY of exactly the rows it produced and their INSERT ceiling.
 */
export async function runPaymentsBench(
  client: pg.ClientBase,
  spec: {
    persons: number;
    rows: number;
    batch: number;
    asOf: LocalDate;
    dir: string;
    log: (line: string) => void;
  },
): Promise<PaymentsRun> {
  const { persons, rows, batch, asOf, dir, log } = spec;
  let t = performance.now();
  await copyKzPersons(client, persons);
  log(`  seeded ${int(persons)} persons in ${fixed((performance.now() - t) / 1000, 1)} s`);
  t = performance.now();
  const file = path.join(dir, 'payments.ndjson');
  await writeFeed(client, file, rows, asOf);
  log(`  generated ${int(rows)} payments in ${fixed((performance.now() - t) / 1000, 1)} s`);
  await client.query('vacuum analyze');
  await client.query('checkpoint').catch(() => undefined);
  const before = new Map([
    ['kz_contributions', await maxId(client, 'kz_contributions')],
    ['register_events', await maxId(client, 'register_events')],
  ]);

  // 1. The bulk path.
  let lastReport = performance.now();
  const bulk = await importFeedFile({
    source: 'payments',
    file,
    batchSize: batch,
    startedBy: 'bench',
    apply: applyBatch,
    mayOverlap,
    maxLineBytes: FEED_LIMITS.lineBytes,
    onProgress: (p) => {
      if (performance.now() - lastReport < 30_000) return;
      lastReport = performance.now();
      log(`  bulk: ${int(p.linesDone)} / ${int(rows)} lines`);
    },
  });
  if (bulk.counts.applied !== rows)
    throw new Error(
      `The bulk import applied ${bulk.counts.applied} of ${rows}: ${JSON.stringify(bulk.counts)}`,
    );
  const ledgerBytes = await totalSize(client, ['kz_contributions']);
  const producedBytes = await totalSize(
    client,
    PRODUCED.map((p) => p.table),
  );

  // 2. The baseline: the same rows, bare COPY into unindexed copies.
  const bareSeconds = await bareCopy(
    client,
    PRODUCED.map(({ table: t, where }) => ({ table: t, where: where(before) })),
    dir,
  );
  // 3. The ceiling: the same rows into the register's own tables, all at once.
  const ceilingSeconds = await insertCeiling(client, before);
  return {
    applied: bulk.counts.applied,
    bulkSeconds: bulk.seconds,
    bareSeconds,
    ceilingSeconds,
    ledgerBytes,
    producedBytes,
  };
}
