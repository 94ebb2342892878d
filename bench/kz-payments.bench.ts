/**
 * ОСМС payments bulk-import benchmark (issue 14, ADR 0031):
 * `npm run bench:kz-payments [-- --rows N] [--persons P] [--batch B]` (defaults 10,000,000 payment rows,
 * as many persons as the months since the system's start need, batches of 5,000). Never run by CI.
 *
 * On a fresh Kazakh register (REGISTER_JURISDICTION=kz, set by the npm script) with P persons, it writes a
 * payments feed of N `contribution.paid` lines (monthly payments, every person month after month:
 * lib/kz/feeds/generate) and imports it through the bulk path (`feeds:import`'s importFeedFile + applyBatch:
 * validation, dedup records, ledger rows, register events). Baseline in the same run, same server and
 * settings: a bare COPY of exactly the rows the import produced (kz_contributions, register_events and the
 * dedup records) into unindexed copies of those tables (`LIKE`: no indexes, constraints or triggers); and the
 * ceiling: the same rows written again into the real tables by one INSERT … SELECT per table. Prints rows/s
 * of each, the ratios (goal bulk/COPY ≥ 0.4) and the bytes per payment row the register keeps.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { FEED_LIMITS } from '../api/v1/feeds/limits';
import { closeDb } from '../db/client';
import { readOsmsParameters } from '../db/reference/kz/osms-parameters';
import { addMonthsToMonth, monthOf, monthsFrom } from '../lib/domain/kz/months';
import { applyBatch } from '../lib/feeds/bulk/apply-batch';
import { importFeedFile } from '../lib/feeds/bulk/import-feed';
import { PaymentFeed } from '../lib/kz/feeds/generate/osms-feeds';
import { kzToday } from '../lib/kz/today';
import { copyKzPersons } from '../testing/kz/feed-registers';
import { parseBenchFlags } from './lib/args';
import { bareCopy, totalSize } from './lib/bare-copy';
import { freshDatabase } from './lib/fresh-database';
import { fixed, int, mib, table } from './lib/format';

const GOAL_RATIO = 0.4;

/** The tables a payment writes rows to, and how to pick the rows the import wrote. */
const PRODUCED: readonly { table: string; where: (before: Map<string, number>) => string }[] = [
  { table: 'kz_contributions', where: (b) => `id > ${b.get('kz_contributions')}` },
  { table: 'register_events', where: (b) => `id > ${b.get('register_events')}` },
  { table: 'feed_events', where: () => `source = 'payments'` },
];

const flags = parseBenchFlags(process.argv.slice(2), {
  rows: { kind: 'whole', min: 1000, max: 20_000_000 },
  persons: { kind: 'whole', min: 100, max: 2_000_000 },
  batch: { kind: 'whole', min: 1, max: 50_000 },
});
if (typeof flags === 'string') {
  console.error(`${flags}\nusage: npm run bench:kz-payments -- [--rows N] [--persons P] [--batch B]`);
  process.exit(2);
}
if (process.env.REGISTER_JURISDICTION !== 'kz') {
  console.error(
    'Run it as npm run bench:kz-payments (REGISTER_JURISDICTION=kz): it needs a Kazakh register.',
  );
  process.exit(2);
}
const rows = flags.rows ?? 10_000_000;
const batch = flags.batch ?? 5000;
const asOf = kzToday();
const lastMonth = addMonthsToMonth(monthOf(asOf), -1);
const months = monthsFrom(readOsmsParameters().rules.systemStart, lastMonth) + 1;
const persons = flags.persons ?? Math.max(100, Math.ceil(rows / months));
if (persons * months < rows) {
  console.error(`${int(persons)} persons × ${months} months hold fewer than ${int(rows)} payments.`);
  process.exit(2);
}

/** The payments feed: N lines of `contribution.paid`, in the order they happened. */
async function writeFeed(client: pg.ClientBase, file: string): Promise<void> {
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

async function main(): Promise<void> {
  console.log(
    `ОСМС payments benchmark: ${int(rows)} payment rows for ${int(persons)} persons (${months} months), batches of ${int(batch)}`,
  );
  const db = await freshDatabase();
  console.log(`Fresh database: ${db.where}`);
  process.env.DATABASE_URL = db.url;
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  pool.on('error', () => undefined);
  const dir = mkdtempSync(path.join(tmpdir(), 'oms-bench-kz-payments-'));
  const admin = await pool.connect();
  try {
    let t = performance.now();
    await copyKzPersons(admin, persons);
    console.log(`  seeded ${int(persons)} persons in ${fixed((performance.now() - t) / 1000, 1)} s`);
    t = performance.now();
    const file = path.join(dir, 'payments.ndjson');
    await writeFeed(admin, file);
    console.log(`  generated ${int(rows)} payments in ${fixed((performance.now() - t) / 1000, 1)} s`);
    await admin.query('vacuum analyze');
    await admin.query('checkpoint').catch(() => undefined);
    const before = new Map([
      ['kz_contributions', await maxId(admin, 'kz_contributions')],
      ['register_events', await maxId(admin, 'register_events')],
    ]);

    // 1. The bulk path.
    let lastReport = performance.now();
    const bulk = await importFeedFile({
      source: 'payments',
      file,
      batchSize: batch,
      startedBy: 'bench',
      apply: applyBatch,
      maxLineBytes: FEED_LIMITS.lineBytes,
      onProgress: (p) => {
        if (performance.now() - lastReport < 30_000) return;
        lastReport = performance.now();
        console.log(`  bulk: ${int(p.linesDone)} / ${int(rows)} lines`);
      },
    });
    if (bulk.counts.applied !== rows)
      throw new Error(
        `The bulk import applied ${bulk.counts.applied} of ${rows}: ${JSON.stringify(bulk.counts)}`,
      );
    const bulkRate = rows / bulk.seconds;
    const ledgerBytes = await totalSize(admin, ['kz_contributions']);
    const producedBytes = await totalSize(
      admin,
      PRODUCED.map((p) => p.table),
    );

    // 2. The baseline: the same rows, bare COPY into unindexed copies.
    const bareSeconds = await bareCopy(
      admin,
      PRODUCED.map(({ table: t, where }) => ({ table: t, where: where(before) })),
      dir,
    );
    const bareRate = rows / bareSeconds;
    const ratio = bulkRate / bareRate;
    // 3. The ceiling: the same rows into the register's own tables, all at once.
    const ceilingSeconds = await insertCeiling(admin, before);
    const ceilingRate = rows / ceilingSeconds;
    console.log('');
    console.log(
      table([
        ['figure', 'measured', 'goal', ''],
        ['register persons', int(persons), '', ''],
        ['payment rows imported (applied)', int(bulk.counts.applied), '', ''],
        ['bulk batch, events', int(batch), '', ''],
        ['bulk time, s', fixed(bulk.seconds, 1), '', ''],
        ['bulk rows/s', int(bulkRate), '', ''],
        ['bare COPY of its rows (3 tables), s', fixed(bareSeconds, 1), '', ''],
        ['bare COPY rows/s', int(bareRate), '', ''],
        [
          'ratio bulk/COPY',
          fixed(ratio, 2),
          `≥ ${fixed(GOAL_RATIO, 2)}`,
          ratio >= GOAL_RATIO ? 'ok' : 'MISSED',
        ],
        [
          'INSERT ceiling: its rows, real tables, one statement per table, s',
          fixed(ceilingSeconds, 1),
          '',
          '',
        ],
        ['INSERT ceiling rows/s', int(ceilingRate), '', ''],
        ['ratio INSERT ceiling/COPY', fixed(ceilingRate / bareRate, 2), '', ''],
        ['ratio bulk/INSERT ceiling', fixed(bulkRate / ceilingRate, 2), '', ''],
        ['ledger bytes/payment (kz_contributions with indexes)', int(ledgerBytes / rows), '', ''],
        ['bytes/payment with its register event and dedup record', int(producedBytes / rows), '', ''],
        ['  of which all three tables', mib(producedBytes), '', ''],
      ]),
    );
  } finally {
    admin.release();
    rmSync(dir, { recursive: true, force: true });
    await closeDb();
    await pool.end();
    await db.dispose();
  }
}

await main();
