import { existsSync } from 'node:fs';
import pg from 'pg';
import { closeDb } from '../../db/client';
import { createApiKey } from '../../lib/api-keys/create-api-key';
import { systemActor } from '../../lib/auth/actor';
import { int, table } from './format';
import { startDoorServers } from './child-process';
import { measure, printGoals, ratioTable, type Measurement, type Target } from './http-load';

export type { Measurement, Target } from './http-load';

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
  let stop = async () => {};
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

    const servers = await startDoorServers(
      url,
      {
        appDataDir: options.appDataDir,
        baselineScript: 'bench/baseline/lookup-server.ts',
        // The limiter stays in the path (its cost is measured), but must not refuse the load.
        env: { API_RATE_LIMIT_PER_SECOND: '1000000', API_RATE_LIMIT_BURST: '1000000' },
      },
      log,
    );
    stop = servers.stop;
    const { baseUrl, oursUrl } = servers;
    const readOnlyUrl = `${baseUrl}/read-only`;

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
    await stop();
  }
}

/** The table of every measurement with its ratios, and the goals judged at 16 connections. */
export function printLookupReport(
  { results, targets }: LookupLoad,
  options: LookupLoadOptions,
  ms: number,
): void {
  console.log(
    `\nLookup, ${int(options.persons)} persons, ${options.duration} s per run ` +
      `(+${options.warmup} s warm-up), ${int(ms / 1000)} s in all\n`,
  );
  console.log(table(ratioTable(results, targets)));
  printGoals(results, targets, { connections: GOAL_CONNECTIONS, ratio: GOAL_RATIO, p99Ms: GOAL_P99_MS });
}
