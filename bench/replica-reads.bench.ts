/**
 * Replica reads benchmark (ADR 0026): `npm run bench:replica-reads [-- --persons N] [--duration S]
 * [--connections C] [--crash 0|1]`.
 *
 * On the local pg_auto_failover cluster (ADR 0025; started here, stopped at the end) a register of N
 * generated persons (default 100,000) is seeded on the primary and streamed to the replica. The clinic
 * lookup use case (lookupPolicy, ЕНП + birth date, random existing persons) then runs C at a time for S
 * seconds twice, with the same settings: reads from the primary only (no DATABASE_REPLICA_URLS: one
 * statement reads and logs, ADR 0009), then reads from the replica (the access-log rows group-inserted on
 * the primary). It prints lookups/s, p50/p99, and what the primary did per lookup (transactions).
 *
 * `--crash 1` then measures what a crash of the primary loses of acknowledged access-log rows: rows are
 * inserted as the lookup logs them (the lookup pool, synchronous_commit off) as fast as C writers can;
 * the primary is killed (SIGKILL of the node) and, after the replica's promotion, the acknowledged rows
 * missing on the new primary are counted — in rows and in seconds of that rate.
 */
import pg from 'pg';
import { env } from '../config/env';
import { closeDb, getDb, getLoggedReadPool } from '../db/client';
import { killPrimary, startCluster, stopCluster, waitForPromotion } from '../db/cluster/local-cluster';
import { databaseUrl } from '../db/embedded';
import { closeReadPools, probeReplicas, readRoutingCounts, replicaLag } from '../db/read-pools';
import type { Actor } from '../lib/auth/actor';
import { lookupPolicy } from '../lib/lookup/lookup-policy';
import { parseLookupQuery } from '../lib/lookup/lookup-query';
import { parseBenchFlags } from './lib/args';
import { fixed, int, table } from './lib/format';
import { reusedOrSeededRegister } from './lib/seeded-register';

const CLUSTER = { dir: '.data/cluster-replica-bench', portBase: env().CLUSTER_PORT_BASE + 90 };
const DATABASE = 'oms_bench_replica';
const SEED = 1;

const USAGE = `usage: npm run bench:replica-reads -- [--persons N] [--duration S] [--connections C] [--crash 0|1]
  --persons N      register size (default 100000), seeded on the cluster's primary (kept between runs)
  --duration S     seconds of lookups per mode (default 15)
  --connections C  lookups in flight at once (default 16)
  --crash 1        then kill the primary under access-log writes and count the acknowledged rows lost`;

const given = parseBenchFlags(process.argv.slice(2), {
  persons: { kind: 'whole', min: 1000, max: 10_000_000 },
  duration: { kind: 'whole', min: 1, max: 600 },
  connections: { kind: 'whole', min: 1, max: 256 },
  crash: { kind: 'whole', min: 0, max: 1 },
});
if (typeof given === 'string') {
  console.error(`${given}\n${USAGE}`);
  process.exit(2);
}
const opts = {
  persons: given.persons ?? 100_000,
  duration: given.duration ?? 15,
  connections: given.connections ?? 16,
  crash: given.crash === 1,
};
const log = (line: string) => console.log(line);
const clinic: Actor = { kind: 'clinic', id: 'bench-replica-reads', moCode: '770001' };

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function primaryCommits(): Promise<number> {
  const { rows } = await getDb().$client.query<{ n: string }>(
    'select xact_commit::text as n from pg_stat_database where datname = current_database()',
  );
  return Number(rows[0]!.n);
}

async function runLookups(samples: { enp: string; birth: string }[], label: string) {
  const latencies: number[] = [];
  let found = 0;
  const before = readRoutingCounts();
  const commits0 = await primaryCommits();
  const end = performance.now() + opts.duration * 1000;
  let next = 0;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end) {
        const s = samples[next++ % samples.length]!;
        const t0 = performance.now();
        const outcome = await lookupPolicy(
          parseLookupQuery({ enp: s.enp, birthDate: s.birth }, '2026-11-22' as never),
          {
            actor: clinic,
            channel: 'rest',
          },
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
    perSecond: latencies.length / opts.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    found,
    fromReplica: after.replica.clinic_lookup - before.replica.clinic_lookup,
    primaryCommitsPerLookup: commits / latencies.length,
  };
}

/** Acknowledged access-log rows lost when the primary dies (the lookup pool's asynchronous commit). */
async function crashLoss(primaryUrl: string): Promise<void> {
  log('\nCrash: access-log rows written as the lookup writes them, then the primary killed…');
  process.env.DATABASE_URL = primaryUrl;
  const pool = getLoggedReadPool();
  const marker = `crash-${Date.now()}`;
  const acknowledged: number[] = [];
  let stop = false;
  const started = performance.now();
  const writers = Array.from({ length: opts.connections }, async () => {
    while (!stop) {
      try {
        const { rows } = await pool.query<{ id: string }>(
          `insert into access_log (actor_kind, actor_id, channel, purpose, result, details)
           values ('clinic', 'bench-crash', 'rest', 'policy_lookup', 'found', $1) returning id::text`,
          [marker],
        );
        acknowledged.push(Number(rows[0]!.id));
      } catch {
        return; // the primary is gone
      }
    }
  });
  await new Promise((r) => setTimeout(r, 3000));
  const rate = acknowledged.length / ((performance.now() - started) / 1000);
  const { node } = await killPrimary(CLUSTER);
  const killedAt = Date.now();
  stop = true;
  await Promise.all(writers);
  const promoted = await waitForPromotion(node.name, CLUSTER);
  log(`  ${node.name} killed; ${promoted.name} promoted after ${fixed((Date.now() - killedAt) / 1000, 1)} s`);
  const survivor = new pg.Client({
    connectionString: databaseUrl(`postgres://postgres@127.0.0.1:${promoted.port}/postgres`, DATABASE),
  });
  await survivor.connect();
  const { rows } = await survivor.query<{ id: string }>(
    `select id::text from access_log where details = $1`,
    [marker],
  );
  await survivor.end();
  const kept = new Set(rows.map((r) => Number(r.id)));
  const lost = acknowledged.filter((id) => !kept.has(id)).length;
  console.log(
    table([
      [
        'acknowledged rows',
        'on the promoted replica',
        'lost',
        'write rate (rows/s)',
        'lost, in seconds of writes',
      ],
      [int(acknowledged.length), int(kept.size), int(lost), int(rate), fixed(lost / rate, 3)],
    ]),
  );
  await closeDb();
}

const t0 = Date.now();
const info = await startCluster({ ...CLUSTER, log });
log(`cluster up in ${fixed((Date.now() - t0) / 1000, 1)} s: primary ${info.currentPrimaryUrl}`);
const serverUrl = info.currentPrimaryUrl.replace(/\/[^/]*$/, '/postgres');
const url = await reusedOrSeededRegister(serverUrl, DATABASE, {
  persons: opts.persons,
  seed: SEED,
  marker: `replica-reads persons=${opts.persons} seed=${SEED}`,
  log,
});
const replicaUrl = databaseUrl(info.replicaUrls[0]!.replace(/\/[^/]*$/, '/postgres'), DATABASE);
process.env.DATABASE_URL = url;
const { rows: samples } = await getDb().$client.query<{ enp: string; birth: string }>(
  `select enp, birth_date::text as birth from persons where enp is not null order by random() limit 5000`,
);

try {
  delete process.env.DATABASE_REPLICA_URLS;
  const primaryOnly = await runLookups(samples, 'primary only');
  process.env.DATABASE_REPLICA_URLS = replicaUrl;
  process.env.DATABASE_REPLICA_PROBE_MS = '1000';
  await probeReplicas();
  const replica = await runLookups(samples, 'replica reads');
  const [lag] = await replicaLag();
  console.log(
    `\nClinic lookups (use case lookupPolicy, ЕНП + birth date), ${int(opts.persons)} persons, ${opts.connections} in flight, ${opts.duration} s each:`,
  );
  console.log(
    table([
      ['mode', 'lookups/s', 'p50 ms', 'p99 ms', 'found', 'served by replica', 'primary commits / lookup'],
      ...[primaryOnly, replica].map((r) => [
        r.label,
        int(r.perSecond),
        fixed(r.p50),
        fixed(r.p99),
        `${int(r.found)} / ${int(r.lookups)}`,
        int(r.fromReplica),
        fixed(r.primaryCommitsPerLookup, 3),
      ]),
    ]),
  );
  console.log(
    `replica lag after the run: ${lag?.lagBytes ?? '?'} bytes, ${lag?.lagSeconds ?? '?'} s.\n` +
      'All three servers and this process share one 2-core machine: the figures show the mechanism (the\n' +
      'replica answers the reads, the primary only commits the access-log rows, grouped), not the capacity\n' +
      'a separate replica machine adds.',
  );
  await closeReadPools();
  await closeDb();
  if (opts.crash) {
    await crashLoss(url);
    await startCluster({ ...CLUSTER, log }); // the killed node rejoins as a replica
  }
} finally {
  await closeReadPools();
  await closeDb();
  await stopCluster({ ...CLUSTER, log });
}
