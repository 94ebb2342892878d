import pg from 'pg';
import { databaseHostUrls } from '@/config/database-url';

/**
 * Finding the primary among a cluster's nodes (ADR 0025). node-postgres connects to one host and knows
 * nothing of libpq's multi-host URLs nor `target_session_attrs=read-write`; a multi-host `DATABASE_URL`
 * gets a client class that, on every new connection, goes to the node last found writable — probing the
 * nodes again (`pg_is_in_recovery()`) after a connection failed or a node refused a write as read-only.
 * Pools therefore follow a failover without a restart: the connections to the dead primary fail (the
 * request answers REGISTER_UNAVAILABLE), the next ones open on the promoted replica.
 */

const PROBE_TIMEOUT_MS = 2_000;
/** PostgreSQL's `read_only_sql_transaction`: a write reached a node in recovery (a demoted primary). */
const READ_ONLY = '25006';

class UnreachablePrimaryError extends Error {
  /** `08001` (sqlclient_unable_to_establish_sqlconnection): the catalogue maps it to REGISTER_UNAVAILABLE. */
  readonly code = '08001';
  constructor(hosts: number, cause: unknown) {
    super(`None of the ${hosts} database hosts is a writable primary.`, { cause });
    this.name = 'UnreachablePrimaryError';
  }
}

async function isWritable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const { rows } = await client.query<{ r: boolean }>('select pg_is_in_recovery() as r');
    return rows[0]?.r === false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Which of the URLs is the primary now; asked once at a time, remembered until told it is stale. */
export class PrimaryResolver {
  private current: { host: string; port: number } | null = null;
  private pending: Promise<{ host: string; port: number }> | null = null;
  /** How many times the primary was looked for (tests watch a failover being followed). */
  resolutions = 0;

  constructor(readonly urls: readonly string[]) {}

  primary(): Promise<{ host: string; port: number }> {
    if (this.current) return Promise.resolve(this.current);
    this.pending ??= this.probe().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Forget the primary: the next connection probes the nodes again. */
  stale(): void {
    this.current = null;
  }

  private async probe(): Promise<{ host: string; port: number }> {
    this.resolutions += 1;
    // Every node at once: a dead host costs one connect timeout, not one per host before it.
    const results = await Promise.allSettled(this.urls.map(isWritable));
    const index = results.findIndex((r) => r.status === 'fulfilled' && r.value);
    if (index < 0) {
      const failure = results.find((r) => r.status === 'rejected');
      throw new UnreachablePrimaryError(this.urls.length, failure?.reason);
    }
    const url = new URL(this.urls[index] ?? '');
    this.current = { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 5432) };
    return this.current;
  }
}

type Callback = (err: Error | null, client?: pg.Client) => void;

/**
 * A pg.Client that connects to the resolver's primary and tells it when that node failed it. Its two
 * methods are wrapped per instance (pg's overloads of `connect` and `query` defeat a typed override).
 */
function primaryClientClass(resolver: PrimaryResolver): typeof pg.Client {
  return class PrimaryClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      // A connection lost under a query or while idle: that node may be gone.
      this.on('error', () => resolver.stale());
      const connect = super.connect.bind(this) as () => Promise<unknown>;
      const query = super.query.bind(this) as (...args: unknown[]) => unknown;
      const connecting = async () => {
        const { host, port } = await resolver.primary();
        this.host = host;
        this.port = port;
        try {
          await connect();
        } catch (error) {
          resolver.stale();
          throw error;
        }
        return this;
      };
      const noticed = (error: unknown) => {
        if ((error as { code?: string } | null)?.code === READ_ONLY) resolver.stale();
      };
      Object.assign(this, {
        connect: (callback?: Callback) => {
          const done = connecting();
          if (!callback) return done;
          done.then(
            (client) => callback(null, client),
            (error: Error) => callback(error),
          );
          return undefined;
        },
        query: (...args: unknown[]) => {
          const last = args.length - 1;
          const callback = args[last];
          if (typeof callback === 'function') {
            args[last] = (error: unknown, result: unknown) => {
              if (error) noticed(error);
              (callback as (e: unknown, r: unknown) => void)(error, result);
            };
          }
          const result = query(...args);
          if (result instanceof Promise) result.catch(noticed);
          return result;
        },
      });
    }
  };
}

const resolvers = globalThis as unknown as { __omsPrimaryResolvers?: Map<string, PrimaryResolver> };

/** The resolver of a multi-host URL (one per process and URL), or null for a single host. */
export function primaryResolver(url: string): PrimaryResolver | null {
  const urls = databaseHostUrls(url);
  if (urls.length < 2) return null;
  const map = (resolvers.__omsPrimaryResolvers ??= new Map<string, PrimaryResolver>());
  let resolver = map.get(url);
  if (!resolver) {
    resolver = new PrimaryResolver(urls);
    map.set(url, resolver);
  }
  return resolver;
}

/**
 * What a pool or a client of DATABASE_URL is created with: the URL itself for a single host (nothing
 * changes, nothing is probed), or the first host's URL with the primary-following client class.
 */
export function connectionOptions(url: string): { connectionString: string; Client?: typeof pg.Client } {
  const resolver = primaryResolver(url);
  if (!resolver) return { connectionString: url };
  return { connectionString: resolver.urls[0] ?? url, Client: primaryClientClass(resolver) };
}

/** A single-host URL of the primary now (for tools that take a URL: migration, the job queue's start). */
export async function primaryUrl(url: string): Promise<string> {
  const resolver = primaryResolver(url);
  if (!resolver) return url;
  const { host, port } = await resolver.primary();
  const single = new URL(resolver.urls[0] ?? url);
  single.hostname = host;
  single.port = String(port);
  return single.toString();
}
