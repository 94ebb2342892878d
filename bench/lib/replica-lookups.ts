import { closeDb, getDb } from '../../db/client';
import { closeReadPools, probeReplicas, readRoutingCounts, replicaLag } from '../../db/read-pools';
import type { Actor } from '../../lib/auth/actor';
import { lookupPolicy } from '../../lib/lookup/lookup-policy';
import { parseLookupQuery } from '../../lib/lookup/lookup-query';
import { fixed, int, table } from './format';

/**
 * The clinic lookup use case run in this process, reads from the primary or from a replica as
 * DATABASE_REPLICA_URLS says (ADR 0026): bench:replica-reads and bench:scale.
 */

const clinic: Actor = { kind: 'clinic', id: 'bench-replica-reads', moCode: '770001' };

export interface LookupSample {
  enp: string;
  birth: string;
}

export interface LookupRun {
  label: string;
  lookups: number;
  perSecond: number;
  p50: number;
  p99: number;
  found: number;
  fromReplica: number;
  primaryCommitsPerLookup: number;
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Random existing persons (ЕНП + birth date) of the register at DATABASE_URL. */
async function pickLookupSamples(count: number): Promise<LookupSample[]> {
  const { rows } = await getDb().$client.query<LookupSample>(
    `select enp, birth_date::text as birth from persons where enp is not null order by random() limit $1`,
    [count],
  );
  return rows;
}

async function primaryCommits(): Promise<number> {
  const { rows } = await getDb().$client.query<{ n: string }>(
    'select xact_commit::text as n from pg_stat_database where datname = current_database()',
  );
  return Number(rows[0]!.n);
}

/** `connections` lookups in flight for `duration` seconds; what the primary committed meanwhile. */
async function runUseCaseLookups(
  samples: LookupSample[],
  label: string,
  { duration, connections }: { duration: number; connections: number },
): Promise<LookupRun> {
  const latencies: number[] = [];
  let found = 0;
  const before = readRoutingCounts();
  const commits0 = await primaryCommits();
  const end = performance.now() + duration * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const s = samples[next++ % samples.length]!;
        const t0 = performance.now();
        const outcome = await lookupPolicy(
          parseLookupQuery({ enp: s.enp, birthDate: s.birth }, '2026-11-22' as never),
          { actor: clinic, channel: 'rest' },
        );
        latencies.push(performance.now() - t0);
        if (outcome.kind === 'found') found++;
      }
    }),
  );
  const commits = (await primaryCommits()) - commits0;
  const after = readRoutingCounts();
  latencies.sort((a, b) => a - b);
  return {
    label,
    lookups: latencies.length,
    perSecond: latencies.length / duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    found,
    fromReplica: after.replica.clinic_lookup - before.replica.clinic_lookup,
    primaryCommitsPerLookup: commits / latencies.length,
  };
}

function lookupRunsTable(runs: LookupRun[]): string {
  return table([
    ['mode', 'lookups/s', 'p50 ms', 'p99 ms', 'found', 'served by replica', 'primary commits / lookup'],
    ...runs.map((r) => [
      r.label,
      int(r.perSecond),
      fixed(r.p50),
      fixed(r.p99),
      `${int(r.found)} / ${int(r.lookups)}`,
      int(r.fromReplica),
      fixed(r.primaryCommitsPerLookup, 3),
    ]),
  ]);
}

/** Said under every primary-vs-replica table: what a one-machine cluster can and cannot show. */
const ONE_MACHINE_CAVEAT =
  'All three servers and this process share one 2-core machine: the figures show the mechanism (the\n' +
  'replica answers the reads, the primary only commits the access-log rows, grouped), not the capacity\n' +
  'a separate replica machine adds.';

/**
 * The lookup use case on the register at DATABASE_URL: first with reads from the primary only, then from
 * the replica at `replicaUrl` (probed every second); prints both under `heading` with the replica's lag.
 */
export async function comparePrimaryAndReplica(
  replicaUrl: string,
  load: { duration: number; connections: number },
  heading: string,
): Promise<void> {
  const samples = await pickLookupSamples(5000);
  delete process.env.DATABASE_REPLICA_URLS;
  const primaryOnly = await runUseCaseLookups(samples, 'primary only', load);
  process.env.DATABASE_REPLICA_URLS = replicaUrl;
  process.env.DATABASE_REPLICA_PROBE_MS = '1000';
  await probeReplicas();
  const replica = await runUseCaseLookups(samples, 'replica reads', load);
  const [lag] = await replicaLag();
  await closeReadPools();
  await closeDb();
  delete process.env.DATABASE_REPLICA_URLS;
  console.log(
    `\nClinic lookups in this process (use case lookupPolicy, ЕНП + birth date), ${heading}, ` +
      `${load.connections} in flight, ${load.duration} s each:`,
  );
  console.log(lookupRunsTable([primaryOnly, replica]));
  console.log(
    `replica lag after the run: ${lag?.lagBytes ?? '?'} bytes, ${lag?.lagSeconds ?? '?'} s.\n${ONE_MACHINE_CAVEAT}`,
  );
}
