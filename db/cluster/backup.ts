import { appendFileSync, cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOOPBACK, PG_BIN, nodeUrl, type ClusterLayout } from './layout';
import { queryNode } from './monitor';
import { ownTree, ownedDirectory, runAsPostgres } from './processes';

/**
 * Base backups and point-in-time restore of the local cluster (ADR 0025): a base backup is a copy of the
 * primary's data directory taken by `pg_basebackup`; with the WAL archive it restores to any later moment.
 */

export interface Measured {
  dir: string;
  bytes: number;
  seconds: number;
}

export function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : entry.isFile() ? statSync(full).size : 0;
  }
  return total;
}

/** `pg_basebackup` of the node on `port` into `<cluster>/backups/<name>` (fast checkpoint, WAL streamed). */
export function baseBackup(layout: ClusterLayout, port: number, name: string): Measured {
  const backups = path.join(layout.dir, 'backups');
  ownedDirectory(backups);
  const dir = path.join(backups, name);
  rmSync(dir, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  runAsPostgres(layout, path.join(PG_BIN, 'pg_basebackup'), [
    '--dbname',
    `host=${LOOPBACK} port=${port} user=postgres`,
    '--pgdata',
    dir,
    '--checkpoint=fast',
    '--wal-method=stream',
    '--no-sync',
  ]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { dir, bytes: directoryBytes(dir), seconds };
}

/** Waits until the archive holds the WAL segment in use now on the node, so that it can be replayed. */
export async function archiveCurrentWal(layout: ClusterLayout, port: number): Promise<string> {
  const [row] = await queryNode<{ segment: string }>(
    port,
    'postgres',
    'select pg_walfile_name(pg_switch_wal()) as segment',
  );
  const segment = row?.segment ?? '';
  const deadline = Date.now() + 60_000;
  while (!existsSync(path.join(layout.archiveDir, segment))) {
    if (Date.now() > deadline) throw new Error(`WAL segment ${segment} was not archived within a minute.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return segment;
}

export interface RestoredServer extends Measured {
  url: (database: string) => string;
  stop: () => void;
}

/**
 * Restores a copy of a base backup on `port` and replays the archive up to `targetTime` (exclusive of
 * transactions committed after it), then opens it for writes. Measured from the copy's start to the
 * server's promotion. The copy archives nothing and waits for no standby (the cluster's settings it
 * inherits are overridden in postgresql.auto.conf, read last).
 */
export async function restoreToTime(
  layout: ClusterLayout,
  backupDir: string,
  targetTime: string,
  port: number,
): Promise<RestoredServer> {
  const dir = path.join(layout.dir, 'restore');
  // Written by the postgres user: beside the cluster's data, which it owns.
  const log = path.join(layout.dir, 'restore.log');
  rmSync(dir, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  cpSync(backupDir, dir, { recursive: true });
  writeFileSync(path.join(dir, 'recovery.signal'), '');
  appendFileSync(
    path.join(dir, 'postgresql.auto.conf'),
    [
      '',
      '# point-in-time restore (npm run cluster:restore-test)',
      `port = ${port}`,
      `listen_addresses = '${LOOPBACK}'`,
      `restore_command = 'cp ${layout.archiveDir}/%f %p'`,
      `recovery_target_time = '${targetTime}'`,
      "recovery_target_action = 'promote'",
      'archive_mode = off',
      "synchronous_standby_names = ''",
      "primary_conninfo = ''",
      "primary_slot_name = ''",
      '',
    ].join('\n'),
  );
  ownTree(dir);
  const bytes = directoryBytes(dir);
  const pgCtl = path.join(PG_BIN, 'pg_ctl');
  runAsPostgres(layout, pgCtl, ['start', '--pgdata', dir, '--wait', '--timeout', '300', '--log', log]);
  const stop = () => void runAsPostgres(layout, pgCtl, ['stop', '--pgdata', dir, '--mode', 'fast'], false);
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      const [row] = await queryNode<{ r: boolean }>(port, 'postgres', 'select pg_is_in_recovery() as r');
      if (row?.r === false) break;
      if (Date.now() > deadline) throw new Error(`The restored copy did not finish recovery (see ${log}).`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    stop();
    throw error;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { dir, bytes, seconds, url: (database) => nodeUrl(port, database), stop };
}
