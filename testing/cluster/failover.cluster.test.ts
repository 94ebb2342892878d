import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/config/env';
import { closeDb } from '@/db/client';
import {
  describeCluster,
  killPrimary,
  startCluster,
  stopCluster,
  waitForPromotion,
  type ClusterInfo,
} from '@/db/cluster/local-cluster';
import type { ClusterOptions } from '@/db/cluster/layout';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '@/lib/register/db-errors';
import { bounded } from './bounded';
import { lookupByEnp, startLoad, writeOnePerson, type LoadRecord } from './load';

/**
 * The failover suite (issue 15.2, ADR 0025): the register's use cases run on a local pg_auto_failover
 * cluster through a multi-host DATABASE_URL while a lookup loop and a write loop run; the primary is
 * killed (SIGKILL to its whole process group). Lookups must keep answering (fresh or stale, never "not
 * insured"), writes fail only with REGISTER_UNAVAILABLE until the replica is promoted and then succeed in
 * the same process, and every write acknowledged before the kill is on the new primary.
 * CLUSTER_FAILOVER_ROUNDS (2 in `npm run test:cluster` and `npm test`; 1 when unset): after the first
 * failover the killed node rejoins as a replica and the new primary is killed in turn.
 */
const rounds = Number(process.env.CLUSTER_FAILOVER_ROUNDS ?? '1');
// Away from a developer's `npm run cluster:up` (CLUSTER_PORT_BASE) and in a directory of its own.
const cluster: ClusterOptions = {
  dir: '.data/cluster-test',
  portBase: env().CLUSTER_PORT_BASE + 10,
  log: (line) => console.log(`[cluster] ${line}`),
};
const PEOPLE = 12;
const ACKS_BEFORE_KILL = 8;
const ACKS_AFTER_PROMOTION = 5;

let info: ClusterInfo;
const enps: string[] = [];
let load: ReturnType<typeof startLoad> | null = null;

async function countOnPrimary(ids: number[]): Promise<number> {
  const { currentPrimaryUrl } = await describeCluster(cluster);
  const client = new pg.Client({ connectionString: currentPrimaryUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      'select count(*) as n from persons where id = any($1)',
      [ids],
    );
    return Number(rows[0]?.n);
  } finally {
    await client.end();
  }
}

async function until(what: string, check: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  await stopCluster({ ...cluster, destroy: true });
  const t0 = Date.now();
  info = await startCluster(cluster);
  console.log(`[cluster] up in ${((Date.now() - t0) / 1000).toFixed(1)} s: ${info.primaryUrl}`);
  process.env.DATABASE_URL = info.primaryUrl;
  // People known to the register, each looked up once so that an outage has their last answer.
  for (let i = 0; i < PEOPLE; i++) {
    const personId = await writeOnePerson();
    const outcome = await lookupByEnp(await enpOf(personId));
    expect(outcome.kind).toBe('found');
  }
});

async function enpOf(personId: number): Promise<string> {
  const client = new pg.Client({ connectionString: info.currentPrimaryUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ enp: string }>('select enp from persons where id = $1', [personId]);
    const enp = rows[0]?.enp ?? '';
    enps.push(enp);
    return enp;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  try {
    // A round that failed half-way left its load running: it must not go on against a stopped cluster.
    if (load) await bounded('stopping the load', load.stop(), 30_000);
  } finally {
    // The servers go first (every process gone, bounded): the pools' end then has nothing to wait for.
    await stopCluster({ ...cluster, destroy: true });
    await bounded('closing the pools', closeDb(), 20_000);
    delete process.env.DATABASE_URL;
  }
});

function checkRound(record: LoadRecord, killedAt: number): number {
  // Lookups: every answer is a found policy, insured (stale during the switch) — never "not insured",
  // never "unavailable" (each person's last answer is known).
  expect(record.lookups.length).toBeGreaterThan(0);
  for (const { outcome } of record.lookups) {
    expect(outcome.kind).toBe('found');
    if (outcome.kind === 'found') expect(outcome.answer.insured).toBe(true);
  }
  const staleDuringSwitch = record.lookups.filter(
    (l) => l.outcome.kind === 'found' && l.outcome.answer.stale,
  );
  // Writes: failures only as the catalogue's 503 with Retry-After, and only after the kill.
  expect(record.failures.length).toBeGreaterThan(0);
  for (const failure of record.failures) {
    expect(failure).toMatchObject({
      code: 'REGISTER_UNAVAILABLE',
      retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS,
    });
    expect(failure.at).toBeGreaterThanOrEqual(killedAt);
  }
  const firstAfter = record.acks.find((a) => a.at > killedAt);
  expect(firstAfter).toBeDefined();
  const seconds = ((firstAfter?.at ?? 0) - killedAt) / 1000;
  console.log(
    `[failover] kill → first successful write: ${seconds.toFixed(2)} s; ${record.failures.length} writes refused ` +
      `with 503, ${record.acks.length} acknowledged; ${record.lookups.length} lookups, ${staleDuringSwitch.length} stale`,
  );
  return seconds;
}

describe('failover of the primary under load', () => {
  for (let round = 1; round <= rounds; round++) {
    it(`round ${round}: lookups keep answering, writes fail with 503 only during the switch, nothing acknowledged is lost`, async () => {
      if (round > 1) {
        // The node killed last round rejoins (pg_rewind) as the replica of the new primary.
        info = await startCluster(cluster);
        expect(info.replicaUrls).toHaveLength(1);
      }
      const running = startLoad(enps);
      load = running;
      await until('writes before the kill', () => running.record.acks.length >= ACKS_BEFORE_KILL);
      const { node, killedAt } = await killPrimary(cluster);
      const ackedBeforeKill = running.record.acks.filter((a) => a.at <= killedAt).map((a) => a.personId);
      const promoted = await waitForPromotion(node.name, cluster);
      expect(promoted.name).not.toBe(node.name);
      await until(
        'writes after the promotion',
        () => running.record.acks.filter((a) => a.at > killedAt).length >= ACKS_AFTER_PROMOTION,
      );
      await running.stop();
      load = null;
      checkRound(running.record, killedAt);
      // No acknowledged write lost: every one is on the promoted primary.
      expect(await countOnPrimary(ackedBeforeKill)).toBe(ackedBeforeKill.length);
      const all = running.record.acks.map((a) => a.personId);
      expect(await countOnPrimary(all)).toBe(all.length);
    });
  }
});
