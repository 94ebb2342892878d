import type pg from 'pg';

/**
 * A client checked out with `pool.connect()` (a transaction's) whose connection is lost goes back to the
 * pool at once, destroyed (and the loss is no uncaught 'error' event); its holder's later `release()`
 * does nothing. Without this a pool leaks it: drizzle's `transaction` sends BEGIN before its try/finally,
 * so a connection that dies between the checkout and BEGIN (a server killed under load: a failover) is
 * never released — the pool is one client short for good, and `pool.end()` (closeDb, a graceful
 * shutdown) waits for it for ever.
 */
export function releaseWhenLost(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (callback?: unknown) => Promise<pg.PoolClient> | undefined;
  Object.assign(pool, {
    // pg's own `pool.query` calls `connect(callback)` and releases on every outcome itself.
    connect: (callback?: unknown) => (callback ? connect(callback) : connect()!.then(guarded)),
  });
}

function guarded(client: pg.PoolClient): pg.PoolClient {
  const release = client.release.bind(client);
  let released = false;
  const once = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    client.removeListener('end', lost);
    client.removeListener('error', lost);
    release(error);
  };
  // A lost connection is told as 'error' (when no query was running) and then 'end'; an 'error' nobody
  // listens to would also be thrown as an uncaught exception.
  const lost = () => once(new Error('Connection lost while checked out'));
  client.release = once;
  const state = client as unknown as { _ended?: boolean; _queryable?: boolean };
  if (state._ended || state._queryable === false) lost();
  else client.once('end', lost).once('error', lost);
  return client;
}
