import pg from 'pg';
import { LOOPBACK, nodeUrl, type ClusterLayout } from './layout';

/** One data node as the pg_auto_failover monitor sees it. */
export interface NodeState {
  name: string;
  port: number;
  /** The state the node's keeper last reported, and the one the monitor assigned it. */
  reported: string;
  assigned: string;
  /** When the node's keeper last reported to the monitor. */
  reportedAt: Date;
}

/** States in which a node takes writes: `wait_primary` is a primary without a synchronous standby. */
export const WRITABLE_STATES = ['single', 'primary', 'wait_primary'] as const;

export function monitorUrl(layout: ClusterLayout): string {
  return nodeUrl(layout.monitor.port, 'pg_auto_failover');
}

/** Runs one query on a node (short connect timeout: nodes come and go here). */
export async function queryNode<R extends pg.QueryResultRow>(
  port: number,
  database: string,
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({
    host: LOOPBACK,
    port,
    user: 'postgres',
    database,
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Every data node of the formation with its states, by node id. */
export async function formationState(layout: ClusterLayout): Promise<NodeState[]> {
  return queryNode<NodeState>(
    layout.monitor.port,
    'pg_auto_failover',
    `select nodename as name, nodeport as port, reportedstate::text as reported, goalstate::text as assigned,
            reporttime as "reportedAt"
       from pgautofailover.node where formationid = 'default' order by nodeid`,
  );
}

/** The node that takes writes now (reported and assigned writable), or null during a switch. */
export function writableNode(nodes: readonly NodeState[]): NodeState | null {
  const writable = (s: string) => (WRITABLE_STATES as readonly string[]).includes(s);
  return nodes.find((n) => writable(n.reported) && writable(n.assigned)) ?? null;
}

/**
 * Fast failure detection for a local cluster: the monitor's defaults (a 5 s health check, 20 s before a
 * node is unhealthy, 30 s for the old primary to demote itself) make a failover take about a minute;
 * these make it a few seconds on loopback. In production the defaults' caution is right (ADR 0025).
 */
export const LOCAL_MONITOR_SETTINGS: Record<string, number> = {
  'pgautofailover.health_check_period': 1_000,
  'pgautofailover.health_check_timeout': 1_000,
  'pgautofailover.health_check_max_retries': 1,
  'pgautofailover.health_check_retry_delay': 500,
  'pgautofailover.node_considered_unhealthy_timeout': 3_000,
  'pgautofailover.primary_demote_timeout': 3_000,
};

export async function tuneMonitor(layout: ClusterLayout): Promise<void> {
  const statements = Object.entries(LOCAL_MONITOR_SETTINGS).map(
    ([name, value]) => `alter system set ${name} = ${value}`,
  );
  for (const sql of [...statements, 'select pg_reload_conf()']) {
    await queryNode(layout.monitor.port, 'postgres', sql);
  }
}
