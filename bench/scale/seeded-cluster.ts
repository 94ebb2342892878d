import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { directoryBytes } from '../../db/cluster/backup';
import { clusterLayout, type ClusterOptions } from '../../db/cluster/layout';
import { startCluster, stopCluster, type ClusterInfo } from '../../db/cluster/local-cluster';
import { queryNode } from '../../db/cluster/monitor';
import { databaseUrl } from '../../db/embedded';
import type { SeedSummary } from '../../db/seed/seed-register';
import { fixed, int } from '../lib/format';
import { reusedOrSeededRegister, reusedRegister } from '../lib/seeded-register';

/** What the seed of the scale benchmark's register measured; kept beside the cluster for later runs. */
export interface SeedFigures {
  marker: string;
  persons: number;
  seconds: number;
  loadSeconds: number;
  indexSeconds: number;
  /** The whole database after the seed (directories, migrations… included). */
  databaseBytes: number;
  /** The replica's creation by pg_autoctl (a throttled pg_basebackup of the primary) and its size. */
  cloneSeconds: number;
  cloneBytes: number;
  seededAt: string;
}

export interface SeededCluster {
  info: ClusterInfo;
  /** The register's database on the primary, and on the replica. */
  url: string;
  replicaUrl: string;
  figures: SeedFigures;
}

/** A replica cloned from tens of GB takes its base backup's time. */
const CLONE_TIMEOUT_MS = 3 * 3600_000;

/**
 * Settings of the one-node cluster while it is seeded, undone before the replica is cloned: the WAL of
 * the load is not archived (tens of GB of an archive nobody would restore: the first base backup comes
 * after the seed) and checkpoints are spread (a load that checkpoints every GB writes each page twice).
 */
const SEEDING_SETTINGS = { archive_command: '/bin/true', max_wal_size: '16GB', checkpoint_timeout: '30min' };

async function setSeedingSettings(port: number, on: boolean): Promise<void> {
  for (const [name, value] of Object.entries(SEEDING_SETTINGS)) {
    await queryNode(
      port,
      'postgres',
      on ? `alter system set ${name} = '${value}'` : `alter system reset ${name}`,
    );
  }
  await queryNode(port, 'postgres', 'select pg_reload_conf()');
}

const serverOf = (url: string) => url.replace(/\/[^/]*$/, '/postgres');

function readFigures(file: string): SeedFigures | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SeedFigures) : null;
}

/**
 * The scale benchmark's cluster with its register of `persons`: reused when an earlier run left it (its
 * figures file and the database's marker agree), else made from nothing — one node seeded alone (no
 * replica streaming the load), then the replica cloned from it, which measures a base backup's rate on
 * the big register. The cluster is left running; the caller stops it.
 */
export async function seededCluster(
  options: ClusterOptions & { persons: number; seed: number; database: string; log: (l: string) => void },
): Promise<SeededCluster> {
  const { persons, seed, database, log, ...cluster } = options;
  const layout = clusterLayout(cluster);
  const file = path.join(layout.dir, 'seed-figures.json');
  const marker = `bench-scale persons=${persons} seed=${seed}`;
  const known = readFigures(file);
  const replicaCreated = existsSync(path.join(layout.nodes[1]!.pgdata, 'PG_VERSION'));
  if (known?.marker === marker && replicaCreated) {
    const info = await startCluster({ ...cluster, startTimeoutMs: CLONE_TIMEOUT_MS });
    const admin = new pg.Client({ connectionString: serverOf(info.currentPrimaryUrl) });
    await admin.connect();
    try {
      const url = await reusedRegister(admin, serverOf(info.currentPrimaryUrl), database, marker, log);
      if (url) return withReplica(info, url, database, known);
    } finally {
      await admin.end();
    }
    log('the figures file and the register disagree: making the cluster again');
  }

  log(`a new cluster in ${layout.dir}: one node first, seeded alone`);
  await stopCluster({ ...cluster, destroy: true });
  const single = await startCluster({ ...cluster, replicas: 0 });
  const port = single.nodes[0]!.port;
  await setSeedingSettings(port, true);
  let summary: SeedSummary | null = null;
  const url = await reusedOrSeededRegister(serverOf(single.currentPrimaryUrl), database, {
    persons,
    seed,
    marker,
    log,
    onSeeded: (s) => void (summary = s),
  });
  await setSeedingSettings(port, false);
  await queryNode(port, 'postgres', 'checkpoint');
  const seeded = summary as SeedSummary | null;
  if (!seeded) throw new Error('the register was seeded without figures');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let dbBytes: number;
  try {
    const { rows } = await client.query<{ n: string }>(
      'select pg_database_size(current_database())::text as n',
    );
    dbBytes = Number(rows[0]!.n);
  } finally {
    await client.end();
  }
  log(`database: ${int(dbBytes / seeded.persons)} bytes per person; cloning the replica…`);
  const started = performance.now();
  const info = await startCluster({ ...cluster, startTimeoutMs: CLONE_TIMEOUT_MS });
  const cloneSeconds = (performance.now() - started) / 1000;
  const cloneBytes = directoryBytes(layout.nodes[1]!.pgdata);
  log(`replica cloned in ${fixed(cloneSeconds, 1)} s (${fixed(cloneBytes / 1e6 / cloneSeconds, 1)} MB/s)`);
  const figures: SeedFigures = {
    marker,
    persons: seeded.persons,
    seconds: seeded.seconds,
    loadSeconds: seeded.loadSeconds,
    indexSeconds: seeded.indexSeconds,
    databaseBytes: dbBytes,
    cloneSeconds,
    cloneBytes,
    seededAt: new Date().toISOString(),
  };
  writeFileSync(file, `${JSON.stringify(figures, null, 2)}\n`);
  return withReplica(info, url, database, figures);
}

function withReplica(info: ClusterInfo, url: string, database: string, figures: SeedFigures): SeededCluster {
  const replica = info.replicaUrls[0];
  if (!replica) throw new Error('the cluster has no replica');
  return { info, url, replicaUrl: databaseUrl(serverOf(replica), database), figures };
}
