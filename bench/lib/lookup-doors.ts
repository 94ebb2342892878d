import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';
import { closeDb } from '../../db/client';
import { freePort } from '../../db/embedded';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { systemActor } from '../../lib/auth/actor';
import { fixed, int, table } from './format';
import { startProcess, startProductionServer, stopProcess, waitFor } from './child-process';

/**
 * The clinic lookup under load (bench:lookup, bench:scale): the production server's REST and FHIR lookups
 * against the same-statement baseline and the read-only limit (bench/baseline/lookup-server.ts), driven by
 * autocannon with random existing persons of the register at `url`.
 */

const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 25;
const GOAL_CONNECTIONS = 16;
const OMS_SYSTEM = 'https://fhir.ru/ig/core/systems/oms';

/** The benchmark stops here when there is no production build to serve. */
export function requireProductionBuild(): void {
  if (!existsSync('.next/BUILD_ID')) {
    console.error('No production build (.next/BUILD_ID): run `npm run build` first, then this benchmark.');
    process.exit(1);
  }
}

export interface LookupLoadOptions {
  persons: number;
  duration: number;
  warmup: number;
  connections: number[];
  samples: number;
  /** The production server's own data directory (its embedded state; the register is at `url`). */
  appDataDir: string;
}

interface Sample {
  kind: number;
  series: string | null;
  number: string;
  birthDate: string;
  enp: string;
}

async function pickSamples(url: string, count: number): Promise<Sample[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Sample>(
      `select d.kind, d.series, d.number, p.birth_date::text as "birthDate", p.enp
         from identity_documents d join persons p on p.id = d.person_id
        where d.kind = 14 and d.is_current and p.merged_into_id is null and p.enp is not null
        order by random() limit $1`,
      [count],
    );
    return rows;
  } finally {
    await client.end();
  }
}

export interface Target {
  name: string;
  /** The like-for-like baseline answering the same query, for the ratio; null for a baseline. */
  baseline: string | null;
  /** The read-only baseline answering the same query (the physical limit); null for a baseline. */
  limit: string | null;
  base: string;
  paths: string[];
  headers: Record<string, string>;
}

export interface Measurement {
  target: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: string;
}

async function drive(target: Target, connections: number, seconds: number): Promise<autocannon.Result> {
  let next = 0;
  const { paths } = target;
  return autocannon({
    url: target.base,
    connections,
    duration: seconds,
    timeout: 10,
    headers: target.headers,
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }),
      },
    ],
  });
}

async function measure(
  target: Target,
  connections: number,
  options: LookupLoadOptions,
  log: (line: string) => void,
): Promise<Measurement> {
  if (options.warmup > 0) await drive(target, connections, options.warmup);
  const r = await drive(target, connections, options.duration);
  const statuses = Object.entries(r.statusCodeStats ?? {})
    .map(([code, s]) => `${code}×${s.count ?? 0}`)
    .join(' ');
  const m: Measurement = {
    target: target.name,
    connections,
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    statuses,
  };
  log(
    `${target.name} @ ${connections}: ${int(m.rps)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ` +
      `non-2xx ${m.non2xx}, errors ${m.errors} (${statuses})`,
  );
  return m;
}

function documentPath(s: Sample): string {
  const q = new URLSearchParams({
    docType: 'passport',
    series: s.series ?? '',
    number: s.number,
    birthDate: s.birthDate,
  });
  return `/api/v1/lookup?${q.toString()}`;
}

function enpPath(s: Sample): string {
  return `/api/v1/lookup?enp=${s.enp}`;
}

function coveragePath(s: Sample): string {
  return `/fhir/Coverage?beneficiary.identifier=${encodeURIComponent(`${OMS_SYSTEM}|${s.enp}`)}`;
}

export interface LookupLoad {
  results: Measurement[];
  targets: Target[];
}

/** Starts both servers on the register at `url`, drives every target at each connection count, stops them. */
export async function measureLookupDoors(
  url: string,
  options: LookupLoadOptions,
  log: (line: string) => void,
): Promise<LookupLoad> {
  const children: ChildProcess[] = [];
  try {
    const samples = await pickSamples(url, options.samples);
    if (samples.length === 0) throw new Error('the register has no current passports to look up');
    log(`${int(samples.length)} random existing passports (+ birth date) to look up`);

    process.env.DATABASE_URL = url;
    const { key } = await createApiKey(
      { moCode: '770001', label: 'bench:lookup' },
      systemActor('bench-lookup'),
    );
    await closeDb();

    const serverEnv = {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      // A production server on DATABASE_URL wants its session key; this run's sessions are throw-away.
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
      // Citizen sign-in is not measured: without a configured ЕСИА, run the development provider.
      ...(process.env.ESIA_ISSUER ? {} : { ESIA_DEV_PROVIDER: 'true' }),
      // The limiter stays in the path (its cost is measured), but must not refuse the load.
      API_RATE_LIMIT_PER_SECOND: '1000000',
      API_RATE_LIMIT_BURST: '1000000',
    } satisfies NodeJS.ProcessEnv;
    const basePort = await freePort();
    const oursPort = await freePort();
    const baseline = startProcess(
      'baseline',
      ['bench/baseline/lookup-server.ts', '--port', String(basePort)],
      serverEnv,
    );
    children.push(baseline);
    const ours = startProductionServer(oursPort, options.appDataDir, serverEnv);
    children.push(ours);
    const baseUrl = `http://127.0.0.1:${basePort}`;
    const readOnlyUrl = `${baseUrl}/read-only`;
    const oursUrl = `http://127.0.0.1:${oursPort}`;
    await waitFor(`${baseUrl}/health`, baseline);
    await waitFor(`${oursUrl}/api/v1/openapi.json`, ours);
    log('both servers answer');

    const auth = { authorization: `Bearer ${key}` };
    const probe = await fetch(`${oursUrl}${documentPath(samples[0]!)}`, { headers: auth });
    if (probe.status !== 200)
      throw new Error(`the REST lookup answered ${probe.status}: ${await probe.text()}`);

    const documents = samples.map(documentPath);
    const enps = samples.map(enpPath);
    const baselines = (query: string, paths: string[]): Target[] => [
      { name: `read-only, ${query}`, baseline: null, limit: null, base: readOnlyUrl, paths, headers: {} },
      { name: `baseline, ${query}`, baseline: null, limit: null, base: baseUrl, paths, headers: {} },
    ];
    const oursFor = (name: string, query: string, paths: string[]): Target => ({
      name,
      baseline: `baseline, ${query}`,
      limit: `read-only, ${query}`,
      base: oursUrl,
      paths,
      headers: auth,
    });
    const targets: Target[] = [
      ...baselines('document', documents),
      oursFor('REST, document', 'document', documents),
      ...baselines('ЕНП', enps),
      oursFor('REST, ЕНП', 'ЕНП', enps),
    ];
    const fhirProbe = await fetch(`${oursUrl}${coveragePath(samples[0]!)}`, { headers: auth });
    if (fhirProbe.status === 200) {
      targets.push(oursFor('FHIR Coverage, ЕНП', 'ЕНП', samples.map(coveragePath)));
    } else {
      log(`FHIR Coverage search answered ${fhirProbe.status}: not measured in this run`);
    }

    const results: Measurement[] = [];
    for (const connections of options.connections) {
      for (const target of targets) results.push(await measure(target, connections, options, log));
    }
    return { results, targets };
  } finally {
    for (const child of children) await stopProcess(child);
  }
}

/** The table of every measurement with its ratios, and the goals judged at 16 connections. */
export function printLookupReport(
  { results, targets }: LookupLoad,
  options: LookupLoadOptions,
  ms: number,
): void {
  const rows = [
    [
      'target',
      'connections',
      'req/s',
      'p50 ms',
      'p99 ms',
      'non-2xx',
      'errors',
      'vs baseline',
      'vs read-only',
    ],
  ];
  const find = (name: string | null, c: number) =>
    results.find((r) => r.target === name && r.connections === c);
  const targetOf = (name: string) => targets.find((t) => t.name === name);
  for (const r of results) {
    const base = find(targetOf(r.target)?.baseline ?? null, r.connections);
    const limit = find(targetOf(r.target)?.limit ?? null, r.connections);
    rows.push([
      r.target,
      String(r.connections),
      int(r.rps),
      String(r.p50),
      String(r.p99),
      int(r.non2xx),
      int(r.errors),
      base ? fixed(r.rps / base.rps) : '',
      limit ? fixed(r.rps / limit.rps) : '',
    ]);
  }
  console.log(
    `\nLookup, ${int(options.persons)} persons, ${options.duration} s per run ` +
      `(+${options.warmup} s warm-up), ${int(ms / 1000)} s in all\n`,
  );
  console.log(table(rows));
  console.log(
    `\nGoals at ${GOAL_CONNECTIONS} connections: ≥ ${GOAL_RATIO} of the like-for-like baseline's throughput, ` +
      `p99 ≤ ${GOAL_P99_MS} ms (the read-only ratio is shown, not judged: no door may skip the log)`,
  );
  for (const t of targets.filter((t) => t.baseline !== null)) {
    const r = find(t.name, GOAL_CONNECTIONS);
    const base = find(t.baseline, GOAL_CONNECTIONS);
    const limit = find(t.limit, GOAL_CONNECTIONS);
    if (!r || !base) {
      console.log(`  ${t.name}: not measured at ${GOAL_CONNECTIONS} connections`);
      continue;
    }
    const ratio = r.rps / base.rps;
    const clean = r.non2xx === 0 && r.errors === 0;
    const ok = ratio >= GOAL_RATIO && r.p99 <= GOAL_P99_MS && clean;
    console.log(
      `  ${t.name}: ratio ${fixed(ratio)} ${ratio >= GOAL_RATIO ? '✓' : '✗'}, p99 ${r.p99} ms ` +
        `${r.p99 <= GOAL_P99_MS ? '✓' : '✗'}${clean ? '' : `, ${r.non2xx} non-2xx / ${r.errors} errors ✗`}` +
        (limit ? `; ${fixed(r.rps / limit.rps)} of the read-only limit` : '') +
        ` → ${ok ? 'met' : 'NOT met'}`,
    );
  }
}
