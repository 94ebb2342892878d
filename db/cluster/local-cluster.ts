import { appendFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { migrateDatabase } from '../migrate';
import {
  CLUSTER_DATABASE,
  LOOPBACK,
  PG_BIN,
  clusterLayout,
  multiHostUrl,
  nodeUrl,
  type ClusterLayout,
  type ClusterOptions,
  type NodeSpec,
} from './layout';
import { formationState, monitorUrl, queryNode, tuneMonitor, writableNode, type NodeState } from './monitor';
import { ensureClusterPackages } from './packages';
import {
  autoctl,
  clusterProcesses,
  killClusterProcesses,
  killNodeProcesses,
  ownedDirectory,
  postmasterPid,
  runAsPostgres,
  runtimeDir,
  serviceRunning,
  spawnAutoctlService,
} from './processes';

/** What `startCluster` brings up: the URLs to give the app and the tests. */
export interface ClusterInfo {
  layout: ClusterLayout;
  /** Every data node, multi-host: the app's DATABASE_URL (it connects to the writable one). */
  primaryUrl: string;
  /** The node that is primary now, single-host. */
  currentPrimaryUrl: string;
  /** The secondaries now, single-host each (read-only). */
  replicaUrls: string[];
  monitorUrl: string;
  nodes: NodeState[];
}

const START_TIMEOUT_MS = 180_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out waiting for ${what}${cause}.`);
    }
    await sleep(250);
  }
}

const accepting = (port: number) =>
  queryNode(port, 'postgres', 'select 1').then(
    () => true,
    () => null,
  );

/**
 * Every node archives its finished WAL segments to the cluster's one archive (`test ! -f` keeps a segment
 * already there: an archive is never overwritten). Written into postgresql.conf before the first start, so
 * the replicas' base backups carry it and a promoted replica archives from its first segment on.
 */
function archiveSettings(layout: ClusterLayout): string {
  const target = `${layout.archiveDir}/%f`;
  return [
    '',
    '# WAL archive of the local cluster (ADR 0025)',
    'archive_mode = on',
    `archive_command = 'test ! -f ${target} && cp %p ${target}'`,
    'archive_timeout = 60',
    '',
  ].join('\n');
}

function createMonitor(layout: ClusterLayout): void {
  const { pgdata, port } = layout.monitor;
  layout.log(`Creating the monitor on port ${port}…`);
  autoctl(layout, [
    'create',
    'monitor',
    '--pgdata',
    pgdata,
    '--pgport',
    String(port),
    '--pgctl',
    path.join(PG_BIN, 'pg_ctl'),
    '--hostname',
    LOOPBACK,
    '--auth',
    'trust',
    '--no-ssl',
  ]);
  autoctl(layout, ['config', 'set', '--pgdata', pgdata, 'postgresql.listen_addresses', LOOPBACK]);
}

/** The first data node's directory is initialised here so that it has the archive settings from its start. */
function initFirstNode(layout: ClusterLayout, node: NodeSpec): void {
  runAsPostgres(layout, path.join(PG_BIN, 'initdb'), [
    '--pgdata',
    node.pgdata,
    '--username',
    'postgres',
    '--auth',
    'trust',
    '--encoding',
    'UTF8',
    '--locale',
    'C.UTF-8',
  ]);
  appendFileSync(path.join(node.pgdata, 'postgresql.conf'), archiveSettings(layout));
}

function createNodeArgs(layout: ClusterLayout, node: NodeSpec): string[] {
  return [
    'create',
    'postgres',
    '--pgdata',
    node.pgdata,
    '--pgport',
    String(node.port),
    '--pgctl',
    path.join(PG_BIN, 'pg_ctl'),
    '--listen',
    LOOPBACK,
    '--hostname',
    LOOPBACK,
    '--name',
    node.name,
    '--dbname',
    CLUSTER_DATABASE,
    '--monitor',
    `${monitorUrl(layout)}?sslmode=disable`,
    '--auth',
    'trust',
    '--no-ssl',
    '--run',
  ];
}

const nodeCreated = (node: NodeSpec) => existsSync(path.join(node.pgdata, 'PG_VERSION'));

/** Starts a data node's keeper: created on its first start (the first node as primary, others cloned). */
async function startDataNode(layout: ClusterLayout, node: NodeSpec, first: boolean): Promise<void> {
  if (serviceRunning(layout, node)) return;
  const registered = (await formationState(layout)).some((n) => n.name === node.name);
  if (registered && nodeCreated(node)) {
    layout.log(`Starting ${node.name} on port ${node.port}…`);
    spawnAutoctlService(layout, node, ['run', '--pgdata', node.pgdata]);
    return;
  }
  // A directory left by a creation that died half-way is no node: start it again from nothing.
  rmSync(node.pgdata, { recursive: true, force: true });
  if (first && !registered) initFirstNode(layout, node);
  layout.log(`Creating ${node.name} on port ${node.port}…`);
  spawnAutoctlService(layout, node, createNodeArgs(layout, node));
  await waitFor(`${node.name} to register with the monitor`, START_TIMEOUT_MS, async () =>
    (await formationState(layout)).some((n) => n.name === node.name) ? true : null,
  );
}

/**
 * Waits until one node is primary and every other one a secondary. A new replica's base backup starts
 * with a checkpoint that pg_auto_failover requests "spread" (minutes on an idle server): a CHECKPOINT on
 * the primary meanwhile ends that wait at once.
 */
async function waitUntilHealthy(layout: ClusterLayout, timeoutMs: number): Promise<NodeState[]> {
  const since = new Date();
  // A formation of one node (no replica yet) settles as `single`.
  const leader = layout.nodes.length === 1 ? 'single' : 'primary';
  const nodes = await waitFor('the cluster to have a primary and its secondaries', timeoutMs, async () => {
    const nodes = await formationState(layout);
    // Before the check below: a keeper busy with its base backup does not report until the backup is done,
    // so this must not wait for fresh reports (that wait made a start take ~100 s instead of ~20 s).
    const writer = writableNode(nodes);
    if (writer && nodes.some((n) => ['wait_standby', 'catchingup'].includes(n.reported))) {
      await queryNode(writer.port, 'postgres', 'checkpoint').catch(() => undefined);
    }
    // States reported before this wait may be a stopped cluster's last word: every keeper must speak again.
    if (nodes.some((n) => n.reportedAt <= since)) return null;
    const primary = nodes.find((n) => n.reported === leader && n.assigned === leader);
    const settled = nodes.every((n) => n.reported === n.assigned);
    const secondaries = nodes.filter((n) => n.reported === 'secondary').length;
    return primary && settled && secondaries === layout.nodes.length - 1 ? nodes : null;
  });
  // A keeper may report its state before its PostgreSQL accepts connections (a restarted replica does):
  // the URLs handed out must answer, the primary as a primary and every replica as a standby.
  for (const node of nodes) {
    const standby = node.reported === 'secondary';
    await waitFor(`${node.name} to accept connections`, START_TIMEOUT_MS, async () => {
      const [row] = await queryNode<{ r: boolean }>(node.port, 'postgres', 'select pg_is_in_recovery() as r');
      return row?.r === standby ? true : null;
    });
  }
  return nodes;
}

function clusterInfo(layout: ClusterLayout, nodes: NodeState[]): ClusterInfo {
  const primary = writableNode(nodes);
  if (!primary) throw new Error('The cluster has no primary.');
  return {
    layout,
    primaryUrl: multiHostUrl(layout),
    currentPrimaryUrl: nodeUrl(primary.port),
    replicaUrls: nodes.filter((n) => n.reported === 'secondary').map((n) => nodeUrl(n.port)),
    monitorUrl: monitorUrl(layout),
    nodes,
  };
}

/**
 * `npm run cluster:up` (and the tests' start, and a restart after a kill): installs Debian's packages when missing, starts (creating on the first run) the
 * monitor and the data nodes on loopback under `.data/cluster`, waits for a primary with its replicas, and
 * migrates the register on the primary. Nodes already running are left as they are; nodes that are down
 * (a killed primary) are started again and rejoin as secondaries.
 */
export async function startCluster(
  options: ClusterOptions & { startTimeoutMs?: number } = {},
): Promise<ClusterInfo> {
  const layout = clusterLayout(options);
  ensureClusterPackages(layout.log);
  ownedDirectory(layout.dir);
  ownedDirectory(layout.archiveDir);
  ownedDirectory(path.dirname(runtimeDir(layout)));
  ownedDirectory(runtimeDir(layout));
  if (!nodeCreated(layout.monitor)) createMonitor(layout);
  if (!serviceRunning(layout, layout.monitor)) {
    layout.log(`Starting the monitor on port ${layout.monitor.port}…`);
    spawnAutoctlService(layout, layout.monitor, ['run', '--pgdata', layout.monitor.pgdata]);
  }
  await waitFor('the monitor', START_TIMEOUT_MS, () => accepting(layout.monitor.port));
  await tuneMonitor(layout);
  for (const [i, node] of layout.nodes.entries()) {
    await startDataNode(layout, node, i === 0);
    if (i === 0) {
      await waitFor('the first node to take writes', START_TIMEOUT_MS, async () =>
        writableNode(await formationState(layout)),
      );
    }
  }
  // A replica cloned from a big register takes its base backup's time (minutes for millions of persons).
  const nodes = await waitUntilHealthy(layout, options.startTimeoutMs ?? START_TIMEOUT_MS);
  const info = clusterInfo(layout, nodes);
  const pool = new pg.Pool({ connectionString: info.currentPrimaryUrl, max: 2 });
  try {
    await migrateDatabase(pool);
  } finally {
    await pool.end();
  }
  return info;
}

/** The running cluster's URLs and states (throws when its monitor is not running). */
export async function describeCluster(options: ClusterOptions = {}): Promise<ClusterInfo> {
  const layout = clusterLayout(options);
  return clusterInfo(layout, await formationState(layout));
}

const STOP_STEP_MS = 20_000;

async function waitStopped(layout: ClusterLayout, node: NodeSpec): Promise<boolean> {
  return waitFor(`${node.name} to stop`, STOP_STEP_MS, () =>
    Promise.resolve(!serviceRunning(layout, node) && postmasterPid(node) === null ? true : null),
  ).then(
    () => true,
    () => false,
  );
}

/** The orderly stop: every step bounded; a step that runs out leaves its node to the last resort. */
async function stopGracefully(layout: ClusterLayout): Promise<void> {
  for (const group of [[layout.monitor], layout.nodes]) {
    const running = group.filter((node) => serviceRunning(layout, node));
    for (const node of running) {
      layout.log(`Stopping ${node.name}…`);
      autoctl(layout, ['stop', '--pgdata', node.pgdata], false, STOP_STEP_MS);
    }
    for (const node of running) {
      if (!(await waitStopped(layout, node))) layout.log(`${node.name} did not stop in time.`);
    }
  }
  // A postmaster whose keeper was killed keeps running alone: stop it too.
  for (const node of [...layout.nodes, layout.monitor]) {
    if (postmasterPid(node) === null) continue;
    const seconds = String(STOP_STEP_MS / 1000);
    runAsPostgres(
      layout,
      path.join(PG_BIN, 'pg_ctl'),
      ['stop', '--pgdata', node.pgdata, '--mode', 'fast', '--timeout', seconds],
      false,
      STOP_STEP_MS + 5_000,
    );
  }
}

/**
 * `npm run cluster:down` (and every suite's clean-up, failed or not): stops the monitor first — without it
 * nobody fails over, so stopping the primary is not taken for its death — then every data node (fast
 * shutdown: sessions end, nothing committed is lost). Every wait is bounded, and whatever of the cluster
 * still runs after the orderly stop (a keeper that did not listen, a base backup, an orphaned backend) is
 * killed: no process started for this cluster outlives it. The data stays for the next `cluster:up`;
 * `destroy` removes it too.
 */
export async function stopCluster(options: ClusterOptions & { destroy?: boolean } = {}): Promise<void> {
  const layout = clusterLayout(options);
  try {
    if (existsSync(layout.dir)) await stopGracefully(layout);
  } finally {
    const killed = killClusterProcesses(layout);
    if (killed.length > 0) {
      layout.log(
        `Killed ${killed.length} processes of the cluster left after its stop: ${killed.join('; ')}`,
      );
    }
    await waitFor('every process of the cluster to end', 10_000, () =>
      Promise.resolve(clusterProcesses(layout).length === 0 ? true : null),
    );
  }
  if (options.destroy) rmSync(layout.dir, { recursive: true, force: true });
}

/** The node that is primary now (throws during a switch, when none is). */
export async function currentPrimary(options: ClusterOptions = {}): Promise<NodeState> {
  const primary = writableNode(await formationState(clusterLayout(options)));
  if (!primary) throw new Error('No node of the cluster takes writes now.');
  return primary;
}

/** Kills the current primary's whole node with SIGKILL (see killNodeProcesses); returns when and whom. */
export async function killPrimary(
  options: ClusterOptions = {},
): Promise<{ node: NodeState; killedAt: number }> {
  const layout = clusterLayout(options);
  const node = await currentPrimary(options);
  const spec = layout.nodes.find((n) => n.name === node.name);
  if (!spec) throw new Error(`Unknown node ${node.name}.`);
  killNodeProcesses(spec);
  return { node, killedAt: Date.now() };
}

/** Waits until another node than `former` takes writes and answers as a primary; returns it. */
export async function waitForPromotion(
  former: string,
  options: ClusterOptions & { timeoutMs?: number } = {},
): Promise<NodeState> {
  const layout = clusterLayout(options);
  return waitFor('a replica to be promoted', options.timeoutMs ?? 120_000, async () => {
    const primary = writableNode(await formationState(layout));
    if (!primary || primary.name === former) return null;
    const [row] = await queryNode<{ r: boolean }>(
      primary.port,
      'postgres',
      'select pg_is_in_recovery() as r',
    );
    return row?.r === false ? primary : null;
  });
}
