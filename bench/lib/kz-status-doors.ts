import pg from 'pg';
import { fixed, int, table } from './format';
import { measure, printGoals, ratioTable, type Measurement, type Target } from './http-load';
import type { TableStorage } from './kz-register';

/**
 * The public ОСМС status check under load (bench:kz-status and its smoke test): the door
 * `GET /api/v1/osms/status?iin=` against the baselines running the same statements
 * (bench/baseline/kz-status-server.ts), driven by autocannon with random existing ИИН of the register.
 */

/** The lookup's goals (issue 4, ADR 0009) applied to the status check: the register's standing read goals. */
const GOAL_RATIO = 0.5;
const GOAL_P99_MS = 25;
const GOAL_CONNECTIONS = 16;
const STATUS_PATH = '/api/v1/osms/status';

export interface StatusLoadOptions {
  duration: number;
  warmup: number;
  connections: number[];
}

/** `count` random ИИН of persons in the register. */
export async function pickIins(url: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ iin: string }>(
      `select iin from persons where iin is not null order by random() limit $1`,
      [count],
    );
    return rows.map((r) => r.iin);
  } finally {
    await client.end();
  }
}

export function statusPath(iin: string): string {
  return `${STATUS_PATH}?iin=${iin}`;
}

/**
 * What the door answered for the samples, by answer code (insured on which ground, or why not): the
 * population's mix as the status rule sees it, and a check that every sample is answered with 200.
 */
export async function answerMix(oursUrl: string, iins: readonly string[]): Promise<Map<string, number>> {
  const mix = new Map<string, number>();
  for (const iin of iins) {
    const response = await fetch(`${oursUrl}${statusPath(iin)}`);
    const body = (await response.json()) as { insured?: boolean; code?: string };
    if (response.status !== 200)
      throw new Error(`the status check answered ${response.status} for ${iin}: ${JSON.stringify(body)}`);
    const key = `${body.insured ? 'insured' : 'not insured'}: ${body.code}`;
    mix.set(key, (mix.get(key) ?? 0) + 1);
  }
  return mix;
}

/** The door and its two baselines, every one at each connection count. */
export async function measureStatusDoors(
  servers: { baseUrl: string; oursUrl: string },
  iins: readonly string[],
  options: StatusLoadOptions,
  log: (line: string) => void,
): Promise<{ results: Measurement[]; targets: Target[] }> {
  const paths = iins.map(statusPath);
  const targets: Target[] = [
    {
      name: 'read-only',
      baseline: null,
      limit: null,
      base: `${servers.baseUrl}/read-only`,
      paths,
      headers: {},
    },
    { name: 'baseline', baseline: null, limit: null, base: servers.baseUrl, paths, headers: {} },
    {
      name: 'status check (REST)',
      baseline: 'baseline',
      limit: 'read-only',
      base: servers.oursUrl,
      paths,
      headers: {},
    },
  ];
  const results: Measurement[] = [];
  for (const connections of options.connections) {
    for (const target of targets) results.push(await measure(target, connections, options, log));
  }
  return { results, targets };
}

export function printStatusReport(
  load: { results: Measurement[]; targets: Target[] },
  options: StatusLoadOptions & { persons: number },
  mix: Map<string, number>,
): void {
  const sampled = [...mix.values()].reduce((a, b) => a + b, 0);
  console.log(`\nAnswers of the status check for ${int(sampled)} random persons (the population's mix)`);
  console.log(
    table([
      ['answer', 'persons', 'share'],
      ...[...mix.entries()]
        .sort((a, b) => b[1] - a[1])
        .map(([answer, n]) => [answer, int(n), `${fixed((100 * n) / sampled, 1)} %`]),
    ]),
  );
  console.log(
    `\nPublic status check, ${int(options.persons)} persons, ${options.duration} s per run ` +
      `(+${options.warmup} s warm-up)\n`,
  );
  console.log(table(ratioTable(load.results, load.targets)));
  printGoals(load.results, load.targets, {
    connections: GOAL_CONNECTIONS,
    ratio: GOAL_RATIO,
    p99Ms: GOAL_P99_MS,
  });
}

/** Bytes per person: the register's tables with their indexes, each and in all, over the persons. */
export function printStorage(storage: readonly TableStorage[]): void {
  const persons = storage.find((s) => s.name === 'persons')!.rows;
  const per = (bytes: number) => (persons > 0 ? int(bytes / persons) : '');
  const rows = storage.map((s) => [
    s.name,
    int(s.rows),
    per(s.table),
    per(s.indexes),
    per(s.total),
    s.rows > 0 ? int(s.total / s.rows) : '',
  ]);
  const register = storage.filter((s) => s.name !== 'person_names');
  const sum = (label: string, list: readonly TableStorage[]) => {
    const bytes = (k: 'table' | 'indexes' | 'total') => per(list.reduce((a, s) => a + s[k], 0));
    return [label, '', bytes('table'), bytes('indexes'), bytes('total'), ''];
  };
  console.log(`\nStorage of the register, ${int(persons)} persons`);
  console.log(
    table([
      ['table', 'rows', 'heap B/person', 'index B/person', 'total B/person', 'B/row'],
      ...rows,
      sum('persons + kz tables', register),
      sum('… and person_names', storage),
    ]),
  );
}
