import path from 'node:path';
import { env } from '@/config/env';

/** PostgreSQL 15 from Debian: pg_auto_failover's packages are built for it (ADR 0025). */
export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const PG_AUTOCTL = '/usr/bin/pg_autoctl';
export const CLUSTER_DATABASE = 'oms_register';
/** The app connects as the server's superuser over loopback with `trust`: a development cluster only. */
export const CLUSTER_USER = 'postgres';
export const LOOPBACK = '127.0.0.1';

export interface ClusterOptions {
  /** Where everything lives; `.data/cluster` of the working directory when unset. */
  dir?: string;
  /** The monitor's port; the data nodes take the next ones. CLUSTER_PORT_BASE when unset. */
  portBase?: number;
  /** Data nodes besides the first primary (1 when unset). */
  replicas?: number;
  log?: (line: string) => void;
}

export interface NodeSpec {
  /** pg_auto_failover's node name (`node1`, `node2`, …); `monitor` for the monitor. */
  name: string;
  pgdata: string;
  port: number;
}

export interface ClusterLayout {
  dir: string;
  /** WAL segments copied by every node's `archive_command` (the one archive, whoever is primary). */
  archiveDir: string;
  logDir: string;
  monitor: NodeSpec;
  nodes: NodeSpec[];
  log: (line: string) => void;
}

/** Where the nodes of a local cluster are and which ports they use; nothing is touched. */
export function clusterLayout(options: ClusterOptions = {}): ClusterLayout {
  const dir = path.resolve(options.dir ?? '.data/cluster');
  const base = options.portBase ?? env().CLUSTER_PORT_BASE;
  const count = 1 + (options.replicas ?? 1);
  const node = (name: string, port: number): NodeSpec => ({ name, pgdata: path.join(dir, name), port });
  return {
    dir,
    archiveDir: path.join(dir, 'wal-archive'),
    logDir: path.join(dir, 'logs'),
    monitor: node('monitor', base),
    nodes: Array.from({ length: count }, (_, i) => node(`node${i + 1}`, base + 1 + i)),
    log: options.log ?? (() => undefined),
  };
}

/** A libpq-style URL of one node (the app's user, the register's database). */
export function nodeUrl(port: number, database = CLUSTER_DATABASE): string {
  return `postgres://${CLUSTER_USER}@${LOOPBACK}:${port}/${database}`;
}

/** The primary's multi-host URL: every data node; the app connects to whichever is writable. */
export function multiHostUrl(layout: ClusterLayout, database = CLUSTER_DATABASE): string {
  const hosts = layout.nodes.map((n) => `${LOOPBACK}:${n.port}`).join(',');
  return `postgres://${CLUSTER_USER}@${hosts}/${database}?target_session_attrs=read-write`;
}
