import pg from 'pg';
import { closeDb, getDb, getLoggedReadPool } from '../../db/client';
import type { ClusterOptions } from '../../db/cluster/layout';
import { killPrimary, waitForPromotion } from '../../db/cluster/local-cluster';
import { databaseUrl } from '../../db/embedded';

/**
 * A crash of the cluster's primary under access-log writes (bench:replica-reads, bench:scale): rows are
 * inserted as the lookup logs them (the lookup pool, synchronous_commit off) by `connections` writers;
 * the primary is killed (SIGKILL of its node); the app's own pool on the multi-host URL tries a write
 * every 100 ms until one succeeds on the promoted replica; then the acknowledged rows missing there are
 * counted.
 */
export interface FailoverFigures {
  acknowledged: number;
  kept: number;
  lost: number;
  /** Rows per second before the kill, and the loss in seconds of that rate. */
  rate: number;
  lostSeconds: number;
  promoted: string;
  /** From the SIGKILL to the monitor's promotion seen, and to the first write that succeeded. */
  promotedAfter: number;
  firstWriteAfter: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function crashThePrimary(options: {
  cluster: ClusterOptions;
  database: string;
  /** The current primary alone (the writers' target), and every node (the app's DATABASE_URL). */
  primaryUrl: string;
  multiHostUrl: string;
  connections: number;
}): Promise<FailoverFigures> {
  const { cluster, database, primaryUrl, multiHostUrl, connections } = options;
  process.env.DATABASE_URL = primaryUrl;
  const pool = getLoggedReadPool();
  const marker = `crash-${Date.now()}`;
  const acknowledged: number[] = [];
  let stop = false;
  const started = performance.now();
  const writers = Array.from({ length: connections }, async () => {
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
  await sleep(3000);
  const rate = acknowledged.length / ((performance.now() - started) / 1000);
  const { node, killedAt } = await killPrimary(cluster);
  stop = true;
  await Promise.all(writers);
  await closeDb();

  process.env.DATABASE_URL = multiHostUrl;
  const firstWrite = (async () => {
    for (;;) {
      try {
        await getDb().$client.query(
          `insert into access_log (actor_kind, actor_id, channel, purpose, result, details)
           values ('clinic', 'bench-failover', 'rest', 'policy_lookup', 'found', $1)`,
          [`${marker}-after`],
        );
        return Date.now() - killedAt;
      } catch {
        await sleep(100);
      }
    }
  })();
  const promoted = await waitForPromotion(node.name, cluster);
  const promotedAfter = Date.now() - killedAt;
  const firstWriteAfter = await firstWrite;
  await closeDb();

  const survivor = new pg.Client({
    connectionString: databaseUrl(`postgres://postgres@127.0.0.1:${promoted.port}/postgres`, database),
  });
  await survivor.connect();
  const { rows } = await survivor.query<{ id: string }>(
    `select id::text from access_log where details = $1`,
    [marker],
  );
  await survivor.end();
  const kept = new Set(rows.map((r) => Number(r.id)));
  const lost = acknowledged.filter((id) => !kept.has(id)).length;
  return {
    acknowledged: acknowledged.length,
    kept: kept.size,
    lost,
    rate,
    lostSeconds: lost / rate,
    promoted: promoted.name,
    promotedAfter: promotedAfter / 1000,
    firstWriteAfter: firstWriteAfter / 1000,
  };
}
