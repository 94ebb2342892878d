/**
 * Console benchmark: `npm run bench:console [-- --persons N] [--applications N] [--audit-rows N] [--queries N]`.
 *
 * On a register of N generated persons (default 1,000,000) with generated applications (default 100,000,
 * a third waiting) and an access log of generated reads (default 1,000,000 rows of one API key), in an
 * embedded PostgreSQL under .data/bench-console (kept between runs, re-made when the sizes change), it
 * times the console's use cases as the server runs them (the time inside the use case, database round
 * trips and the access-log writes included; no HTTP): register search by ФИО + birth date with a typo, by
 * document, by ЕНП, by СНИЛС (random existing persons), the queue's first page for a region and for the
 * whole country, the person card — median and p99 over `--queries` calls each. Then a separate server
 * process (bench/lib/audit-export-server.ts) streams the audit CSV export of the generated rows over HTTP:
 * rows/s and the server's resident memory before and at its peak (the goal: flat). Finally the bytes per
 * person of the console's new indexes and tables (migrations 0009–0011).
 */
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { closeDb } from '../db/client';
import { REGISTER_TABLES } from '../db/seed/records';
import { freePort, startEmbeddedPostgres } from '../db/embedded';
import { optionsOrExit, parseBenchFlags } from './lib/args';
import { startProcess, stopProcess, waitFor } from './lib/child-process';
import { fixed, int, mib, table } from './lib/format';
import {
  pickConsoleSamples,
  timeCalls,
  timeSearches,
  type ConsoleSample,
  type Timing,
} from './lib/console-searches';
import { registerBytesPerPerson } from './lib/register-size';
import { reusedOrSeededRegister } from './lib/seeded-register';

const DATA_DIR = '.data/bench-console';
const DATABASE = 'oms_bench_console';
const SEED = 1;
const EXPORT_ACTOR = 'bench-export';
const GOALS = { searchP99: 50, queueP99: 100, cardP99: 100 };

const USAGE = `usage: npm run bench:console -- [--persons N] [--applications N] [--audit-rows N] [--queries N]
  --persons N        register size (default 1000000)
  --applications N   generated applications (default 100000; a third waiting for an operator)
  --audit-rows N     generated access-log rows the CSV export streams (default 1000000)
  --queries N        calls per measured use case (default 500)`;

interface Options {
  persons: number;
  applications: number;
  auditRows: number;
  queries: number;
}

function parseOptions(argv: readonly string[]): Options | string {
  const given = parseBenchFlags(argv, {
    persons: { kind: 'whole', min: 1000, max: 200_000_000 },
    applications: { kind: 'whole', min: 0, max: 50_000_000 },
    'audit-rows': { kind: 'whole', min: 1, max: 100_000_000 },
    queries: { kind: 'whole', min: 10, max: 100_000 },
  });
  if (typeof given === 'string') return given;
  return {
    persons: given.persons ?? 1_000_000,
    applications: given.applications ?? 100_000,
    auditRows: given['audit-rows'] ?? 1_000_000,
    queries: given.queries ?? 500,
  };
}

const log = (line: string) => console.log(`[bench:console] ${line}`);

/** Applications spread over the register's persons: a third waiting (some overdue), the rest decided. */
async function generateApplications(client: pg.Client, count: number): Promise<void> {
  await client.query(
    `insert into applications (number, kind, applicant_sub, applicant_person_id, subject_person_id, payload,
       status, subject_code, insurer_code, submitted_at, due_at, decided_at, decided_by, reason_code, reason_text)
     select '2025-' || lpad(g::text, 8, '0'),
            (array['electronic_policy','child_registration','insurer_change','region_change','attachment'])[1 + g % 5]::application_kind,
            'bench-' || g, p.id, p.id,
            jsonb_build_object('identity', jsonb_build_object('lastName', p.last_name, 'firstName', p.first_name)),
            (case when g % 3 = 0 then 'submitted' when g % 3 = 1 then 'done' else 'refused' end)::application_status,
            c.subject_code, c.insurer_code,
            now() - (g % 20) * interval '1 day', now() - (g % 20) * interval '1 day' + interval '2 days',
            case when g % 3 <> 0 then now() - (g % 20) * interval '1 day' + interval '1 day' end,
            case when g % 3 <> 0 then 'staff:bench' end,
            case when g % 3 = 2 then 'REFUSED_OTHER' end,
            case when g % 3 = 0 then 'Нужна проверка оператора' when g % 3 = 2 then 'Отказ' end
       from generate_series(1, $1::int) g
       join persons p on p.id = 1 + (g::bigint * 7919) % (select max(id) from persons)
       join lateral (select subject_code, insurer_code from coverages
                      where person_id = p.id and recorded_to is null order by valid_from desc limit 1) c on true`,
    [count],
  );
}

/** Reads of one API key, a second apart, about random persons: what the CSV export streams. */
async function generateAuditRows(client: pg.Client, count: number): Promise<void> {
  await client.query(
    `insert into access_log (at, actor_kind, actor_id, organisation_code, person_id, channel, purpose, result)
     select timestamptz '2026-01-01T00:00:00Z' + g * interval '1 second', 'api_key', $2, '770001',
            1 + (g::bigint * 104729) % (select max(id) from persons), 'rest', 'policy_lookup', 'found'
       from generate_series(1, $1::int) g`,
    [count, EXPORT_ACTOR],
  );
}

async function prepare(serverUrl: string, o: Options): Promise<string> {
  const marker = `bench-console persons=${o.persons} applications=${o.applications} audit=${o.auditRows} seed=${SEED}`;
  return reusedOrSeededRegister(serverUrl, DATABASE, {
    persons: o.persons,
    seed: SEED,
    marker,
    log,
    fill: async (client) => {
      let t = performance.now();
      await generateApplications(client, o.applications);
      log(`${int(o.applications)} applications in ${fixed((performance.now() - t) / 1000, 1)} s`);
      t = performance.now();
      await generateAuditRows(client, o.auditRows);
      log(`${int(o.auditRows)} access-log rows in ${fixed((performance.now() - t) / 1000, 1)} s`);
    },
  });
}

async function measureUseCases(samples: ConsoleSample[], o: Options): Promise<Timing[]> {
  // Imported here: they read DATABASE_URL when first used.
  const { readPersonCard } = await import('../lib/register/person-card');
  const { queueFirstPage } = await import('../lib/applications/application-queue');
  const ffoms = { kind: 'staff', id: 'bench-console', role: 'ffoms_admin' } as const;
  const tfoms77 = { kind: 'staff', id: 'bench-tfoms77', role: 'tfoms_operator', subjectCode: '77' } as const;
  const s = (i: number) => samples[i % samples.length]!;
  const n = o.queries;
  return [
    ...(await timeSearches(samples, n, GOALS.searchP99, log)),
    await timeCalls('queue: first page, region 77', n, GOALS.queueP99, log, async () => {
      const page = await queueFirstPage(tfoms77);
      return page.items.length > 0 ? 'items' : 'empty';
    }),
    await timeCalls('queue: first page, whole country', n, GOALS.queueP99, log, async () => {
      const page = await queueFirstPage(ffoms);
      return page.items.length > 0 ? 'items' : 'empty';
    }),
    await timeCalls('person card', n, GOALS.cardP99, log, async (i) => {
      const card = await readPersonCard(ffoms, { personId: s(i).id, purpose: 'supervision' });
      return card.coverage.length > 0 ? 'with coverage' : 'no coverage';
    }),
  ];
}

interface ExportFigures {
  label: string;
  rows: number;
  seconds: number;
  bytes: number;
  rssBefore: number;
  rssPeak: number;
}

/** Downloads one export from the server and reads the server's memory before and at its peak. */
async function exportOnce(base: string, label: string, query: string): Promise<ExportFigures> {
  const before = (await (await fetch(`${base}/rss?reset`)).json()) as { rss: number };
  const started = performance.now();
  const response = await fetch(`${base}/export?${query}`);
  let bytes = 0;
  let lines = 0;
  const reader = response.body!.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    bytes += r.value.length;
    for (const byte of r.value) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  const after = (await (await fetch(`${base}/rss`)).json()) as { peak: number };
  const figures = { label, rows: lines - 1, seconds, bytes, rssBefore: before.rss, rssPeak: after.peak };
  log(
    `export ${label}: ${int(figures.rows)} rows in ${fixed(seconds, 1)} s, RSS ${mib(figures.rssBefore)} → peak ${mib(figures.rssPeak)}`,
  );
  return figures;
}

/**
 * The export of one day of the generated reads (~75,600 rows) and then of all of them: if memory grew
 * with the rows, the second peak would be ~13 times the first's growth; flat means about the same.
 */
async function measureExport(url: string): Promise<ExportFigures[]> {
  const port = await freePort();
  const server = startProcess('export-server', ['bench/lib/audit-export-server.ts', '--port', String(port)], {
    ...process.env,
    DATABASE_URL: url,
    NODE_ENV: 'production',
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/rss`, server);
    // One small export first, so the code paths are loaded before the baselines are taken.
    await (await fetch(`${base}/export?who=nobody`)).text();
    return [
      await exportOnce(base, 'one day', `who=${EXPORT_ACTOR}&to=01.01.2026`),
      await exportOnce(base, 'everything', `who=${EXPORT_ACTOR}`),
    ];
  } finally {
    await stopProcess(server);
  }
}

/** Indexes and tables the console's migrations (0009–0011, 0017) create, and their size per person. */
async function consoleStorage(url: string, persons: number): Promise<[string, number][]> {
  const names: string[] = [];
  for (const file of readdirSync('db/migrations').filter((f) => /^00(09|10|11|17)_.*\.sql$/.test(f))) {
    const text = readFileSync(`db/migrations/${file}`, 'utf8');
    for (const m of text.matchAll(
      /CREATE (?:UNIQUE )?(?:INDEX|TABLE)(?: IF NOT EXISTS)? "?([a-z_0-9]+)"?/gi,
    )) {
      names.push(m[1]!);
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; bytes: string }>(
      `select c.relname as name, pg_total_relation_size(c.oid)::text as bytes
         from pg_class c where c.relname = any($1::text[]) and c.relkind in ('i', 'r')`,
      [names],
    );
    return rows
      .map((r) => [r.name, Number(r.bytes) / persons] as [string, number])
      .sort((a, b) => b[1] - a[1]);
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const o = optionsOrExit(parseOptions(process.argv.slice(2)), USAGE);
  const database = await startEmbeddedPostgres({ dataDir: DATA_DIR });
  try {
    const url = await prepare(database.url, o);
    process.env.DATABASE_URL = url;
    const samples = await pickConsoleSamples(url, Math.min(o.queries, 5000));
    log(`${int(samples.length)} random persons to search for and open`);
    const timings = await measureUseCases(samples, o);
    await closeDb();
    const exported = await measureExport(url);
    const storage = await consoleStorage(url, o.persons);

    console.log(`\nbench:console — ${int(o.persons)} persons, ${int(o.applications)} applications`);
    console.log(
      table([
        ['use case (server time)', 'calls', 'median ms', 'p99 ms', 'goal p99', 'met', 'outcomes'],
        ...timings.map((t) => [
          t.name,
          int(t.calls),
          fixed(t.median, 1),
          fixed(t.p99, 1),
          t.goal === null ? '—' : `≤ ${t.goal}`,
          t.goal === null ? '—' : t.p99 <= t.goal ? 'yes' : 'NO',
          t.note,
        ]),
      ]),
    );
    console.log('\naudit CSV export (a server process streaming to an HTTP client)');
    console.log(
      table([
        ['export', 'rows', 'MiB', 'seconds', 'rows/s', 'RSS before', 'RSS peak', 'growth'],
        ...exported.map((e) => [
          e.label,
          int(e.rows),
          fixed(e.bytes / 1024 / 1024, 1),
          fixed(e.seconds, 1),
          int(e.rows / e.seconds),
          mib(e.rssBefore),
          mib(e.rssPeak),
          mib(e.rssPeak - e.rssBefore),
        ]),
      ]),
    );
    const total = storage.reduce((sum, [, b]) => sum + b, 0);
    console.log(
      `\nconsole storage (migrations 0009–0011, 0017), bytes per person: ${fixed(total, 1)} in all`,
    );
    console.log(table([['relation', 'bytes/person'], ...storage.map(([n, b]) => [n, fixed(b, 1)])]));
    const register = await registerBytesPerPerson(url, o.persons);
    console.log(
      `\nthe whole register (${REGISTER_TABLES.join(', ')} and person_names, with every index): ` +
        `${fixed(register, 0)} bytes per person (goal < 1,536)`,
    );
  } finally {
    await closeDb().catch(() => undefined);
    await database.stop();
  }
}

await main();
