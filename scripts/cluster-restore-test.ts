/**
 * `npm run cluster:restore-test` (issue 15.4, ADR 0025): on the local cluster (started when down), takes a
 * base backup of the primary, writes A, notes the primary's clock, writes B, archives the WAL, restores a
 * copy of the backup to the noted moment on another port and checks that A is there and B is not. Prints
 * the base-backup and restore rates (MB/s) for docs/capacity.md. Exits 1 when a check fails.
 */
import pg from 'pg';
import { archiveCurrentWal, baseBackup, restoreToTime } from '@/db/cluster/backup';
import { clusterLayout } from '@/db/cluster/layout';
import { startCluster } from '@/db/cluster/local-cluster';

const CHECK_DATABASE = 'restore_check';
const log = (line: string) => console.log(line);

async function withClient<T>(url: string, run: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => bytes / 1024 / 1024;

const info = await startCluster({ log });
const layout = clusterLayout();
const primaryPort = Number(new URL(info.currentPrimaryUrl).port);
const admin = info.currentPrimaryUrl.replace(/\/oms_register$/, '/postgres');
const checkUrl = info.currentPrimaryUrl.replace(/\/oms_register$/, `/${CHECK_DATABASE}`);

// A database of its own for the two marks: the restore is checked without touching the register's data.
await withClient(admin, async (c) => {
  const { rowCount } = await c.query('select 1 from pg_database where datname = $1', [CHECK_DATABASE]);
  if (!rowCount) await c.query(`create database ${CHECK_DATABASE}`);
});
await withClient(checkUrl, (c) =>
  c.query(
    'create table if not exists marks (label text not null, written_at timestamptz not null default clock_timestamp())',
  ),
);

log('Base backup of the primary…');
const backup = baseBackup(layout, primaryPort, 'base');
const runId = Date.now().toString(36);
const [markA, markB] = [`A-${runId}`, `B-${runId}`];
const target = await withClient(checkUrl, async (c) => {
  await c.query('insert into marks (label) values ($1)', [markA]);
  await sleep(1_000);
  const { rows } = await c.query<{ t: string }>(
    `select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00' as t`,
  );
  await sleep(1_000);
  await c.query('insert into marks (label) values ($1)', [markB]);
  return rows[0]?.t ?? '';
});
log(`Wrote ${markA}, noted ${target}, wrote ${markB}; archiving the WAL…`);
await archiveCurrentWal(layout, primaryPort);

log(`Restoring the base backup to ${target}…`);
const restored = await restoreToTime(layout, backup.dir, target, layout.monitor.port + 9);
const labels = await withClient(restored.url(CHECK_DATABASE), async (c) => {
  const { rows } = await c.query<{ label: string }>('select label from marks where label = any($1)', [
    [markA, markB],
  ]);
  return rows.map((r) => r.label);
}).finally(() => restored.stop());
const hasA = labels.includes(markA);
const hasB = labels.includes(markB);
log(`Restored copy: A ${hasA ? 'present' : 'MISSING'}, B ${hasB ? 'PRESENT' : 'absent'}.`);
const failed = !hasA || hasB;
log(
  `Base backup: ${mb(backup.bytes).toFixed(1)} MB in ${backup.seconds.toFixed(2)} s = ${(mb(backup.bytes) / backup.seconds).toFixed(1)} MB/s\n` +
    `Restore (copy + WAL replay to the target + promotion): ${mb(restored.bytes).toFixed(1)} MB in ${restored.seconds.toFixed(2)} s = ${(mb(restored.bytes) / restored.seconds).toFixed(1)} MB/s`,
);
if (failed) {
  console.error('Point-in-time restore FAILED: the restored copy is not the state between A and B.');
  process.exit(1);
}
console.log('Point-in-time restore checked: A is there, B is not.');
