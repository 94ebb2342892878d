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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { closeDb } from '../db/client';
import { readOsmsParameters } from '../db/reference/kz/osms-parameters';
import { addMonthsToMonth, monthOf, monthsFrom } from '../lib/domain/kz/months';
import { kzToday } from '../lib/kz/today';
import { parseBenchFlags } from './lib/args';
import { freshDatabase } from './lib/fresh-database';
import { fixed, int, mib, table } from './lib/format';
import { runPaymentsBench } from './lib/kz-payments';

const GOAL_RATIO = 0.4;

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
    const run = await runPaymentsBench(admin, { persons, rows, batch, asOf, dir, log: console.log });
    const bulkRate = rows / run.bulkSeconds;
    const bareRate = rows / run.bareSeconds;
    const ratio = bulkRate / bareRate;
    const ceilingRate = rows / run.ceilingSeconds;
    console.log('');
    console.log(
      table([
        ['figure', 'measured', 'goal', ''],
        ['register persons', int(persons), '', ''],
        ['payment rows imported (applied)', int(run.applied), '', ''],
        ['bulk batch, events', int(batch), '', ''],
        ['bulk time, s', fixed(run.bulkSeconds, 1), '', ''],
        ['bulk rows/s', int(bulkRate), '', ''],
        ['bare COPY of its rows (3 tables), s', fixed(run.bareSeconds, 1), '', ''],
        ['bare COPY rows/s', int(bareRate), '', ''],
        [
          'ratio bulk/COPY',
          fixed(ratio, 2),
          `≥ ${fixed(GOAL_RATIO, 2)}`,
          ratio >= GOAL_RATIO ? 'ok' : 'MISSED',
        ],
        [
          'INSERT ceiling: its rows, real tables, one statement per table, s',
          fixed(run.ceilingSeconds, 1),
          '',
          '',
        ],
        ['INSERT ceiling rows/s', int(ceilingRate), '', ''],
        ['ratio INSERT ceiling/COPY', fixed(ceilingRate / bareRate, 2), '', ''],
        ['ratio bulk/INSERT ceiling', fixed(bulkRate / ceilingRate, 2), '', ''],
        ['ledger bytes/payment (kz_contributions with indexes)', int(run.ledgerBytes / rows), '', ''],
        ['bytes/payment with its register event and dedup record', int(run.producedBytes / rows), '', ''],
        ['  of which all three tables', mib(run.producedBytes), '', ''],
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
