/**
 * Feed benchmark: `npm run bench:feeds [-- --persons N] [--events E] [--api-events A] [--batch B]` (defaults
 * 1,000,000 persons and events, as many through the API, bulk batches of 1,000).
 *
 * On a fresh database seeded with N persons it imports E `birth.registered` events through the bulk path
 * (`feeds:import`'s importFeedFile + applyBatch, batches of B events) and A further births through the HTTP API
 * (POST /api/v1/feeds/zags/events, NDJSON batches of 1,000, the lean API router on a loopback port in this
 * process). Baseline in the same run: a bare COPY of exactly the rows the bulk import produced (persons,
 * documents, coverage, representations, register events, notifications and the events' dedup records)
 * into unindexed copies of the tables (`LIKE`: no indexes, constraints or triggers), and the ceiling: the
 * same rows written again into the register's real tables by plain multi-row INSERTs, 1,000 births per
 * transaction (what the bulk path would cost with no Node work and no reads). Prints events/s of each,
 * the ratios, and the register's bytes per person after the import.
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { answerClientError, guardedHandler, refuseConnect } from '../api/edge';
import { routeApiRequest } from '../api/router';
import { FEED_LIMITS } from '../api/v1/feeds/limits';
import { closeDb } from '../db/client';
import { REGISTER_TABLES, seedRegister } from '../db/seed/seed-register';
import { systemActor } from '../lib/auth/actor';
import { moscowDate, type LocalDate } from '../lib/domain/dates';
import { applyBatch, mayOverlap } from '../lib/feeds/bulk/apply-batch';
import { importFeedFile } from '../lib/feeds/bulk/import-feed';
import { createFeedKey } from '../lib/feeds/feed-keys';
import { zagsTestFeed } from '../lib/feeds/generate/generate-feed';
import { parseBenchFlags } from './lib/args';
import { bareCopy, totalSize } from './lib/bare-copy';
import { freshDatabase } from './lib/fresh-database';
import { fixed, int, mib, table } from './lib/format';

const GOAL_RATIO = 0.4;
const BATCH = 1000;

/** The tables a birth writes rows to, and how to pick the rows the bulk import wrote. */
const PRODUCED: readonly { table: string; since: string | null }[] = [
  { table: 'persons', since: 'id' },
  { table: 'identity_documents', since: 'id' },
  { table: 'coverages', since: 'id' },
  { table: 'representations', since: 'id' },
  { table: 'register_events', since: 'id' },
  { table: 'notifications', since: 'id' },
  { table: 'feed_events', since: null },
];
const FEED_RECORDS = ['feed_events', 'feed_daily_counts', 'notifications'];

const flags = parseBenchFlags(process.argv.slice(2), {
  persons: { kind: 'whole', min: 100, max: 20_000_000 },
  events: { kind: 'whole', min: 1000, max: 5_000_000 },
  'api-events': { kind: 'whole', min: 0, max: 5_000_000 },
  batch: { kind: 'whole', min: 1, max: 100_000 },
});
if (typeof flags === 'string') {
  console.error(
    `${flags}\nusage: npm run bench:feeds -- [--persons N] [--events E] [--api-events A] [--batch B]`,
  );
  process.exit(2);
}
const persons = flags.persons ?? 1_000_000;
const events = flags.events ?? 1_000_000;
const apiEvents = flags['api-events'] ?? events;
const bulkBatch = flags.batch ?? BATCH;

async function maxIds(client: pg.ClientBase): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const { table: t, since } of PRODUCED) {
    if (!since) continue;
    const { rows } = await client.query<{ m: string | null }>(`select max(id)::text as m from ${t}`);
    out.set(t, Number(rows[0]!.m ?? 0));
  }
  return out;
}

async function count(client: pg.ClientBase, t: string): Promise<number> {
  return Number((await client.query<{ n: string }>(`select count(*)::text as n from ${t}`)).rows[0]!.n);
}

/** Writes the feed's lines into files: the first `split` lines to one, the rest to the other. */
async function writeFeeds(pool: pg.Pool, asOf: LocalDate, dir: string): Promise<[string, string]> {
  const files: [string, string] = [path.join(dir, 'bulk.ndjson'), path.join(dir, 'api.ndjson')];
  const outs = files.map((f) => createWriteStream(f));
  let n = 0;
  const lines = await zagsTestFeed(pool, {
    events: events + apiEvents,
    seed: 1,
    asOf,
    invalid: 0,
    duplicates: 0,
    outOfOrder: 0,
  });
  for (const [, line] of lines) {
    const out = outs[n++ < events ? 0 : 1]!;
    if (!out.write(`${line}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await Promise.all(outs.map((o) => new Promise<void>((r) => o.end(() => r()))));
  return files;
}

/** Posts the file's lines in NDJSON batches of BATCH; returns events/s and what the API answered. */
async function postThroughApi(file: string, key: string): Promise<{ seconds: number; applied: number }> {
  const server = createServer(
    guardedHandler((req, res) => routeApiRequest(req, res) ?? res.writeHead(404).end()),
  );
  server.on('clientError', answerClientError);
  server.on('connect', refuseConnect);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let applied = 0;
  let batch: string[] = [];
  const post = async () => {
    const res = await fetch(`${base}/api/v1/feeds/zags/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
      body: batch.join('\n'),
    });
    const body = (await res.json()) as { accepted?: number };
    if (!res.ok) throw new Error(`API answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    applied += body.accepted ?? 0;
    batch = [];
  };
  const started = performance.now();
  let rest = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8' })) {
    const parts = (rest + (chunk as string)).split('\n');
    rest = parts.pop()!;
    for (const line of parts) {
      if (!line) continue;
      batch.push(line);
      if (batch.length === BATCH) await post();
    }
  }
  if (rest) batch.push(rest);
  if (batch.length) await post();
  const seconds = (performance.now() - started) / 1000;
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  return { seconds, applied };
}

/** The column each produced table's rows are grouped by birth with (the new person's id). */
const BIRTH_KEY: Record<string, string> = {
  persons: 'id',
  identity_documents: 'person_id',
  coverages: 'person_id',
  representations: 'child_id',
  register_events: 'person_id',
  notifications: 'person_id',
  feed_events: 'person_id',
};
/** Bound parameters per statement stay under PostgreSQL's 65,535. */
const MAX_PARAMS = 60_000;

/**
 * The ceiling with the register's constraints: exactly the rows the bulk import wrote, written again into
 * the REAL tables (every key, index, foreign key, the exclusion constraint and the person_names trigger)
 * by plain multi-row `INSERT … VALUES`, the rows of BATCH births per transaction — what the bulk path
 * would cost with no Node work and no reads. The rows are first taken out of the register (triggers off
 * for that delete only: these are exactly the import's rows and everything they hold up; the space
 * vacuumed for reuse), read back from the bare copies before each transaction (untimed), and only the
 * transactions are timed. The register ends as it was.
 */
async function insertCeiling(
  client: pg.ClientBase,
  before: Map<string, number>,
): Promise<{ seconds: number; byTable: Map<string, number> }> {
  const firstNew = before.get('persons')! + 1;
  for (const t of Object.keys(BIRTH_KEY))
    await client.query(`create index on ${t}_bare (${BIRTH_KEY[t]})`).catch(() => undefined);
  await client.query('begin');
  await client.query('set local session_replication_role = replica');
  for (const t of [...PRODUCED].reverse().map((p) => p.table))
    await client.query(`delete from ${t} where ${BIRTH_KEY[t]} >= $1`, [firstNew]);
  await client.query('delete from person_names where person_id >= $1', [firstNew]);
  await client.query('commit');
  await client.query(`vacuum analyze ${[...PRODUCED.map((p) => p.table), 'person_names'].join(', ')}`);
  await client.query('checkpoint').catch(() => undefined);

  const asText = { getTypeParser: () => (v: string) => v };
  const ids = (
    await client.query<{ id: string }>({ text: 'select id from persons_bare order by id', types: asText })
  ).rows.map((r) => r.id);
  let seconds = 0;
  const byTable = new Map<string, number>();
  for (let at = 0; at < ids.length; at += BATCH) {
    const [from, to] = [ids[at]!, ids[Math.min(at + BATCH, ids.length) - 1]!];
    const statements: { table: string; text: string; values: unknown[] }[] = [];
    for (const { table: t } of PRODUCED) {
      const res = await client.query<unknown[]>({
        text: `select * from ${t}_bare where ${BIRTH_KEY[t]} between $1 and $2 order by 1`,
        values: [from, to],
        rowMode: 'array',
        types: asText,
      });
      const columns = res.fields.map((f) => `"${f.name}"`).join(', ');
      const perStatement = Math.floor(MAX_PARAMS / res.fields.length);
      for (let r = 0; r < res.rows.length; r += perStatement) {
        const rows = res.rows.slice(r, r + perStatement);
        let n = 0;
        const tuples = rows.map((row) => `(${row.map(() => `$${++n}`).join(', ')})`).join(', ');
        statements.push({
          table: t,
          text: `insert into ${t} (${columns}) values ${tuples}`,
          values: rows.flat(),
        });
      }
    }
    const started = performance.now();
    await client.query('begin');
    for (const { table: t, text, values } of statements) {
      const at = performance.now();
      await client.query(text, values);
      byTable.set(t, (byTable.get(t) ?? 0) + (performance.now() - at) / 1000);
    }
    const committing = performance.now();
    await client.query('commit');
    byTable.set('commit', (byTable.get('commit') ?? 0) + (performance.now() - committing) / 1000);
    seconds += (performance.now() - started) / 1000;
  }
  return { seconds, byTable };
}

async function main(): Promise<void> {
  console.log(
    `Feed benchmark: ${int(persons)} persons, ${int(events)} births in bulk, ${int(apiEvents)} through the API`,
  );
  const db = await freshDatabase();
  console.log(`Fresh database: ${db.where}`);
  process.env.DATABASE_URL = db.url;
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  // The server stops at the end; an idle connection learning it first must not end the run with a throw.
  pool.on('error', () => undefined);
  const dir = mkdtempSync(path.join(tmpdir(), 'oms-bench-feeds-'));
  try {
    const asOf = moscowDate(new Date());
    let t = performance.now();
    await seedRegister(pool, { persons, seed: 1, asOf });
    console.log(`  seeded ${int(persons)} persons in ${fixed((performance.now() - t) / 1000, 1)} s`);
    t = performance.now();
    const [bulkFile, apiFile] = await writeFeeds(pool, asOf, dir);
    console.log(
      `  generated ${int(events + apiEvents)} births in ${fixed((performance.now() - t) / 1000, 1)} s`,
    );
    const admin = await pool.connect();
    try {
      await admin.query('vacuum analyze');
      await admin.query('checkpoint').catch(() => undefined);
      const before = await maxIds(admin);

      // 1. The bulk path.
      let lastReport = 0;
      const bulk = await importFeedFile({
        source: 'zags',
        file: bulkFile,
        batchSize: bulkBatch,
        startedBy: 'bench',
        apply: applyBatch,
        mayOverlap,
        maxLineBytes: FEED_LIMITS.lineBytes,
        onProgress: (p) => {
          if (performance.now() - lastReport < 10_000) return;
          lastReport = performance.now();
          console.log(`  bulk: ${int(p.linesDone)} / ${int(events)} lines`);
        },
      });
      // A birth whose mother is named ambiguously (two people of that name and birth date in a large
      // register) is rightly kept pending; anything else not applied is a failure of the run.
      // So is a birth the creation-time check (ADR 0023) finds a strong match for among the register's
      // newborns: it is refused for an operator, as the one-event path refuses it.
      const possibleDuplicates = bulk.rejected.filter((r) =>
        r.issues.some((i) => i.code === 'POSSIBLE_DUPLICATE'),
      ).length;
      if (
        bulk.counts.applied + bulk.counts.pending + possibleDuplicates !== events ||
        bulk.counts.applied < events * 0.99
      )
        throw new Error(
          `The bulk import applied ${bulk.counts.applied} of ${events}: ${JSON.stringify(bulk.counts)}`,
        );
      const applied = bulk.counts.applied;
      const bulkRate = applied / bulk.seconds;
      const personsAfter = await count(admin, 'persons');
      const registerBytes = await totalSize(admin, REGISTER_TABLES);
      const feedBytes = await totalSize(admin, FEED_RECORDS);

      // 2. The baseline: the same rows, bare COPY.
      const bareSeconds = await bareCopy(
        admin,
        PRODUCED.map(({ table: t, since }) => ({ table: t, where: since ? `id > ${before.get(t)}` : null })),
        dir,
      );
      const bareRate = applied / bareSeconds;

      // 3. The ceiling: the same rows by plain multi-row INSERTs into the register's own tables.
      const ceiling = await insertCeiling(admin, before);
      const ceilingSeconds = ceiling.seconds;
      const ceilingRate = applied / ceilingSeconds;

      // 4. The HTTP API.
      let api: { seconds: number; applied: number } | null = null;
      if (apiEvents > 0) {
        const { key } = await createFeedKey({ source: 'zags', label: 'bench' }, systemActor('bench'));
        api = await postThroughApi(apiFile, key);
        if (api.applied < apiEvents * 0.99) throw new Error(`The API applied ${api.applied} of ${apiEvents}`);
      }

      const ratio = bulkRate / bareRate;
      console.log('');
      console.log(
        table([
          ['figure', 'measured', 'goal', ''],
          ['register persons before', int(persons), '', ''],
          ['bulk births', int(events), '', ''],
          ['  applied', int(applied), '', ''],
          ['  pending (mother ambiguous)', int(bulk.counts.pending), '', ''],
          ['  refused as possible duplicates', int(possibleDuplicates), '', ''],
          ['bulk batch, events', int(bulkBatch), '', ''],
          ['bulk time, s', fixed(bulk.seconds, 1), '', ''],
          ['bulk events/s', int(bulkRate), '', ''],
          ['bare COPY of its rows, s', fixed(bareSeconds, 1), '', ''],
          ['bare COPY events/s', int(bareRate), '', ''],
          [
            'ratio bulk/COPY',
            fixed(ratio, 2),
            `≥ ${fixed(GOAL_RATIO, 2)}`,
            ratio >= GOAL_RATIO ? 'ok' : 'MISSED',
          ],
          ['INSERT ceiling: its rows, real tables, 1,000 births/txn, s', fixed(ceilingSeconds, 1), '', ''],
          ...[...ceiling.byTable].map(([t, sec]) => [`  of which ${t}, s`, fixed(sec, 1), '', '']),
          ['INSERT ceiling events/s', int(ceilingRate), '', ''],
          ['ratio INSERT ceiling/COPY', fixed(ceilingRate / bareRate, 2), '', ''],
          ['ratio bulk/INSERT ceiling', fixed(bulkRate / ceilingRate, 2), '', ''],
          ...(api
            ? [
                ['API births (batches of 1,000)', int(apiEvents), '', ''],
                ['API time, s', fixed(api.seconds, 1), '', ''],
                ['API births applied', int(api.applied), '', ''],
                ['API events/s', int(api.applied / api.seconds), '', ''],
              ]
            : []),
          ['persons after the bulk import', int(personsAfter), '', ''],
          ['register bytes/person', int(registerBytes / personsAfter), '', ''],
          ['  + feed records, notifications', mib(feedBytes), '', ''],
        ]),
      );
    } finally {
      admin.release();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await closeDb();
    await pool.end();
    await db.dispose();
  }
}

await main();
