import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { env } from '@/config/env';
import { closeWithDb, getDb, type Database } from './client';
import { releaseWhenLost } from './pool-guard';
import {
  chooseReadTarget,
  lagFromProbe,
  laterLsn,
  LONGEST_STALENESS_SECONDS,
  MAX_STALENESS_SECONDS,
  type ReadPurpose,
  type ReadTarget,
  type ReplicaState,
} from './read-routing';
import * as schema from './schema';

/**
 * The read pools of the streaming replicas (`DATABASE_REPLICA_URLS`, ADR 0026). A use case whose read may
 * be served by a replica asks `readDb(purpose, session)` for its handle; the decision (db/read-routing.ts)
 * takes the replicas' last measured lag, the purpose's staleness limit and the session's own last write.
 * Without replicas it is `getDb()` itself: no query, no timer, nothing measured.
 */

interface Replica {
  /** host:port/database — never the password (it is shown in /api/health). */
  name: string;
  pool: pg.Pool;
  db: Database;
  state: ReplicaState & { lagBytes: number | null; error: string | null };
}

interface Replicas {
  key: string;
  list: Replica[];
  probing: Promise<void> | null;
  turn: number;
  /** The primary's WAL position after each session's last write, while it can still matter. */
  writes: Map<string, { lsn: string; at: number }>;
  served: Record<'primary' | 'replica', Record<ReadPurpose, number>>;
}

const cache = globalThis as unknown as { __omsReplicas?: Replicas };

const MAX_REMEMBERED_SESSIONS = 100_000;

function replicaName(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
}

/** Failures that say "this server cannot answer now", after which the primary answers instead. */
export function isReplicaFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const message = typeof e?.message === 'string' ? e.message : '';
  return (
    code.startsWith('08') ||
    code === '57P01' || // admin shutdown
    code === '57P03' || // cannot connect now (starting up, or being promoted)
    code === '57014' || // statement timeout
    (code === '40001' && /conflict with recovery/i.test(message)) ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(code) ||
    // pg's own words for a lost, closed or silent server (they carry no code).
    /Connection terminated|timeout exceeded when trying to connect|connection timeout|Query read timeout|is not queryable/i.test(
      message,
    )
  );
}

/** How long a replica may take to accept a connection, and to answer a query, before the primary answers. */
export interface ReplicaTimeouts {
  connectMs: number;
  queryMs: number;
}

/**
 * The server ends a replica read after 30 s (statement_timeout); a server that says nothing at all (hung,
 * stopped, its network gone) is left after 35 s by the client itself.
 */
const REPLICA_TIMEOUTS: ReplicaTimeouts = { connectMs: 2_000, queryMs: 35_000 };

/**
 * A replica's pool that gives a query (or a transaction's connection) to the primary when the replica
 * fails to answer — refused, reset, silent — and tells `onFailure`, which marks the replica down until its
 * next probe: a replica is never an error to the user. (A transaction whose replica dies after its first
 * statement fails as on the primary: what it read cannot be re-read elsewhere half-way.)
 */
export function replicaPool(
  url: string,
  primary: pg.Pool,
  onFailure: (error: unknown) => void,
  timeouts: ReplicaTimeouts = REPLICA_TIMEOUTS,
): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: env().DATABASE_POOL_MAX,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    keepAlive: true,
    application_name: 'oms-register-replica-read',
    // A read on a replica may be cancelled by replay (recovery conflict); a hung replica must not hang it.
    options: '-c statement_timeout=30000 -c default_transaction_read_only=on',
  });
  pool.on('error', (err) => console.error('[db] idle replica client error:', err.message));
  releaseWhenLost(pool);
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const primaryQuery = primary.query.bind(primary) as (...args: unknown[]) => Promise<unknown>;
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | undefined;
  Object.assign(pool, {
    query: async (...args: unknown[]) => {
      try {
        return await query(...args);
      } catch (error) {
        if (!isReplicaFailure(error)) throw error;
        onFailure(error);
        return primaryQuery(...args);
      }
    },
    // pg's own `pool.query` calls `connect(callback)`: that form stays as it was (the query falls back above).
    connect: (callback?: unknown) =>
      callback
        ? connect(callback)
        : connect()!.catch((error: unknown) => {
            if (!isReplicaFailure(error)) throw error;
            onFailure(error);
            return primary.connect();
          }),
  });
  return pool;
}

const counts = (): Record<ReadPurpose, number> => ({
  clinic_lookup: 0,
  console_search: 0,
  person_card: 0,
  dashboard: 0,
  portal_page: 0,
});

function replicas(): Replicas {
  const { DATABASE_URL, DATABASE_REPLICA_URLS } = env();
  const key = `${DATABASE_URL}\n${DATABASE_REPLICA_URLS.join('\n')}`;
  if (cache.__omsReplicas?.key === key) return cache.__omsReplicas;
  const old = cache.__omsReplicas;
  if (old) void Promise.all(old.list.map((r) => r.pool.end()));
  const primary = DATABASE_REPLICA_URLS.length > 0 ? getDb().$client : null;
  const list = DATABASE_REPLICA_URLS.map((url): Replica => {
    const replica: Replica = {
      name: replicaName(url),
      pool: null as unknown as pg.Pool,
      db: null as unknown as Database,
      state: { up: false, checkedAt: 0, replayLsn: null, lagSeconds: null, lagBytes: null, error: null },
    };
    replica.pool = replicaPool(url, primary!, (error) => {
      replica.state = { ...replica.state, up: false, checkedAt: Date.now(), error: String(error) };
    });
    replica.db = drizzle({ client: replica.pool, schema, casing: 'snake_case' });
    return replica;
  });
  if (list.length > 0) closeWithDb(closeReadPools);
  cache.__omsReplicas = {
    key,
    list,
    probing: null,
    turn: 0,
    writes: old?.writes ?? new Map<string, { lsn: string; at: number }>(),
    served: { primary: counts(), replica: counts() },
  };
  return cache.__omsReplicas;
}

const PROBE_TIMEOUT_MS = 2_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('probe timeout'), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function primaryLsn(): Promise<string | null> {
  try {
    const { rows } = await withTimeout(
      getDb().$client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn'),
      PROBE_TIMEOUT_MS,
    );
    return rows[0]?.lsn ?? null;
  } catch {
    return null; // the primary is down (or mid-failover): the replicas' own replay age is all there is
  }
}

interface ProbeRow {
  recovery: boolean;
  replay_lsn: string | null;
  replay_age: number | null;
}

async function probe(replica: Replica, primary: Promise<string | null>): Promise<void> {
  try {
    // Straight to the replica's own pool methods: a probe must not fall back to the primary.
    const connecting = (pg.Pool.prototype.connect as (this: pg.Pool) => Promise<pg.PoolClient>).call(
      replica.pool,
    );
    const client = await withTimeout(connecting, PROBE_TIMEOUT_MS).catch((error: unknown) => {
      // A connection that arrives after the probe gave up goes back, not leaked.
      void connecting.then(
        (late) => late.release(true),
        () => undefined,
      );
      throw error;
    });
    let row: ProbeRow | undefined;
    try {
      ({
        rows: [row],
      } = await withTimeout(
        client.query<ProbeRow>(
          `select pg_is_in_recovery() as recovery, pg_last_wal_replay_lsn()::text as replay_lsn,
                  extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp())::float8 as replay_age`,
        ),
        PROBE_TIMEOUT_MS,
      ));
    } finally {
      client.release();
    }
    const checkedAt = Date.now();
    if (!row?.recovery) {
      // Promoted (or misconfigured): not a replica of DATABASE_URL any more, so it serves no replica reads.
      replica.state = { ...replica.state, up: false, checkedAt, error: 'not in recovery' };
      return;
    }
    const lag = lagFromProbe({
      primaryLsn: await primary,
      replayLsn: row.replay_lsn,
      replayAgeSeconds: row.replay_age,
    });
    replica.state = { up: true, checkedAt, replayLsn: row.replay_lsn, ...lag, error: null };
  } catch (error) {
    replica.state = {
      ...replica.state,
      up: false,
      checkedAt: Date.now(),
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

/** Measures every replica now (one probe at a time per process; callers share it). */
export function probeReplicas(): Promise<void> {
  const r = replicas();
  if (r.list.length === 0) return Promise.resolve();
  r.probing ??= (async () => {
    const primary = primaryLsn();
    await Promise.all(r.list.map((replica) => probe(replica, primary)));
  })().finally(() => {
    r.probing = null;
  });
  return r.probing;
}

/** Starts a probe in the background when the last one is older than the interval; never waits for it. */
function refreshInBackground(r: Replicas, now: number): void {
  const oldest = Math.min(...r.list.map((x) => x.state.checkedAt));
  if (r.probing || now - oldest < env().DATABASE_REPLICA_PROBE_MS) return;
  void probeReplicas();
}

function rememberedWrite(r: Replicas, session: string | null, now: number): string | null {
  if (session === null) return null;
  const write = r.writes.get(session);
  if (!write) return null;
  if (now - write.at > LONGEST_STALENESS_SECONDS * 1000) {
    r.writes.delete(session);
    return null;
  }
  return write.lsn;
}

export interface ReadChoice {
  db: Database;
  /** The replica's name, or null when the primary answers. */
  replica: string | null;
  decision: ReadTarget;
}

export interface ReadOptions {
  now?: number;
  /**
   * The primary's position after the caller's last write as the caller itself carried it (the request's
   * cookie, ADR 0026): honoured like this process's own memory, so a write made through another process
   * is read back too. Validated by the caller's layer; null when none.
   */
  carriedWrite?: string | null;
}

/**
 * The handle for a read of `purpose` made for `session` (the actor: `kind:id`; null when the read cannot
 * follow a write of the caller's own). The replica's handle falls back to the primary by itself if the
 * replica fails during the read.
 */
export function chooseRead(
  purpose: ReadPurpose,
  session: string | null,
  { now = Date.now(), carriedWrite = null }: ReadOptions = {},
): ReadChoice {
  const r = replicas();
  if (r.list.length === 0)
    return { db: getDb(), replica: null, decision: { target: 'primary', reason: 'no_replicas' } };
  refreshInBackground(r, now);
  const decision = chooseReadTarget({
    replicas: r.list.map((x) => x.state),
    maxStalenessSeconds: MAX_STALENESS_SECONDS[purpose],
    mustHaveReplayed: laterLsn(rememberedWrite(r, session, now), carriedWrite),
    now,
    turn: r.turn++,
  });
  r.served[decision.target][purpose]++;
  if (decision.target === 'primary') return { db: getDb(), replica: null, decision };
  const replica = r.list[decision.index]!;
  return { db: replica.db, replica: replica.name, decision };
}

/**
 * A replica that answered its last probe, whatever its lag: for a read that the primary could not serve
 * (it is down). Null when none is up — or none is configured.
 */
export function replicaDuringOutage(): Database | null {
  const r = replicas();
  const up = r.list.filter((x) => x.state.up);
  return up.length === 0 ? null : up[r.turn++ % up.length]!.db;
}

/** `chooseRead(…).db`: for use cases that need only the handle. */
export function readDb(purpose: ReadPurpose, session: string | null, options?: ReadOptions): Database {
  return chooseRead(purpose, session, options).db;
}

/**
 * After a write of `session` committed on the primary: remember the primary's WAL position, so the
 * session's next reads go to a replica only once it has replayed that far (read-your-writes). Costs one
 * query on the primary when replicas are configured, nothing otherwise. Never fails the write it follows.
 * Returns the position remembered (for the caller to carry too), or null without replicas.
 */
export async function rememberWrite(session: string): Promise<string | null> {
  const r = replicas();
  if (r.list.length === 0) return null;
  const lsn = await primaryLsn();
  // Without the position (the primary just went away) the session reads from the primary until it expires.
  const remembered = lsn ?? 'FFFFFFFF/FFFFFFFF';
  if (r.writes.size >= MAX_REMEMBERED_SESSIONS) {
    const oldest = r.writes.keys().next();
    if (!oldest.done) r.writes.delete(oldest.value);
  }
  r.writes.delete(session); // re-inserted last: the map stays in order of the writes
  r.writes.set(session, { lsn: remembered, at: Date.now() });
  return remembered;
}

export interface ReplicaLag {
  replica: string;
  up: boolean;
  lagBytes: number | null;
  lagSeconds: number | null;
  replayLsn: string | null;
  checkedAt: string | null;
  error: string | null;
}

/**
 * Each replica's lag, measured now unless measured within the probe interval (for /api/health and the
 * metrics). Empty without replicas.
 */
export async function replicaLag(): Promise<ReplicaLag[]> {
  const r = replicas();
  if (r.list.length === 0) return [];
  const oldest = Math.min(...r.list.map((x) => x.state.checkedAt));
  if (Date.now() - oldest >= env().DATABASE_REPLICA_PROBE_MS) await probeReplicas();
  return r.list.map((x) => ({
    replica: x.name,
    up: x.state.up,
    lagBytes: x.state.lagBytes,
    lagSeconds: x.state.lagSeconds,
    replayLsn: x.state.replayLsn,
    checkedAt: x.state.checkedAt ? new Date(x.state.checkedAt).toISOString() : null,
    error: x.state.error,
  }));
}

/** How many reads of each purpose this process sent to the primary and to replicas (metrics, tests). */
export function readRoutingCounts(): Replicas['served'] {
  const r = replicas();
  return { primary: { ...r.served.primary }, replica: { ...r.served.replica } };
}

/** The replica pools made so far (none before the first replica read), for the pool metrics. */
export function replicaPools(): { name: string; pool: pg.Pool }[] {
  return (cache.__omsReplicas?.list ?? []).map((r) => ({ name: `replica ${r.name}`, pool: r.pool }));
}

/** Closes the replica pools (with closeDb; the launcher's shutdown). */
export async function closeReadPools(): Promise<void> {
  const r = cache.__omsReplicas;
  delete cache.__omsReplicas;
  await Promise.all((r?.list ?? []).map((x) => x.pool.end()));
}
