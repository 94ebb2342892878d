import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env } from '@/config/env';
import { closeDb, getDb } from '@/db/client';
import { clusterLayout } from '@/db/cluster/layout';
import { startCluster, stopCluster, type ClusterInfo } from '@/db/cluster/local-cluster';
import { killNodeProcesses } from '@/db/cluster/processes';
import { accessLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { checkHealth } from '@/lib/health/check-health';
import { lookupPolicy } from '@/lib/lookup/lookup-policy';
import { parseLookupQuery } from '@/lib/lookup/lookup-query';
import { readPersonCard } from '@/lib/register/person-card';
import { registerPerson } from '@/lib/register/register-person';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { adultInput, metaAt } from '@/testing/register/people';
import { chooseRead, closeReadPools, probeReplicas, readRoutingCounts, replicaLag } from '@/db/read-pools';
import { carriedWriteFrom, ownWriteCookie } from '@/lib/ops/own-write-cookie';
import { runInContext, type WorkContext } from '@/lib/ops/request-context';
import { metricsText } from '@/lib/ops/metrics';
import { parseLsn } from '@/db/read-routing';
import { bounded } from '@/testing/cluster/bounded';

/**
 * Replica reads on a real primary and streaming replica: the local pg_auto_failover cluster of ADR 0025
 * (its own directory and ports, so the failover suite's cluster is not this one). `npm run test:cluster`.
 */
const options = { dir: '.data/cluster-replica-reads', portBase: env().CLUSTER_PORT_BASE + 80 };
let info: ClusterInfo;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function onReplica<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: info.replicaUrls[0] });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function primaryLsn(): Promise<string> {
  const { rows } = await getDb().$client.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
  return rows[0]!.lsn;
}

/** Until the replica has replayed everything the primary has now, then measured again. */
async function caughtUp(): Promise<void> {
  const target = parseLsn(await primaryLsn());
  for (let i = 0; i < 200; i++) {
    const [row] = await onReplica<{ lsn: string }>('select pg_last_wal_replay_lsn()::text as lsn');
    if (parseLsn(row!.lsn) >= target) {
      await probeReplicas();
      return;
    }
    await sleep(50);
  }
  throw new Error('the replica did not catch up within 10 s');
}

/** Until the server of `url` refuses connections (its backends may answer a moment after a SIGKILL). */
async function refused(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.end();
    } catch {
      return;
    }
    await sleep(100);
  }
  throw new Error(`${url} still accepts connections`);
}

const pauseReplay = () => onReplica('select pg_wal_replay_pause()');
const resumeReplay = () => onReplica('select pg_wal_replay_resume()');

const admin: Actor = { kind: 'staff', id: 'replica-admin', role: 'ffoms_admin' };
const otherAdmin: Actor = { kind: 'staff', id: 'replica-admin-2', role: 'ffoms_admin' };

async function newPerson() {
  const input = adultInput();
  return registerPerson(input, metaAt('2026-01-15T09:00:00Z'));
}

beforeAll(async () => {
  info = await startCluster(options);
  process.env.DATABASE_URL = info.currentPrimaryUrl;
  process.env.DATABASE_REPLICA_URLS = info.replicaUrls.join(',');
  process.env.DATABASE_REPLICA_PROBE_MS = '100';
  await resumeReplay();
  await caughtUp();
}, 300_000);

afterAll(async () => {
  try {
    await bounded('closing the pools', closeDb(), 20_000);
  } finally {
    await stopCluster(options);
  }
}, 150_000);

describe('reads from a streaming replica', () => {
  it('measures the lag in bytes and seconds, and /api/health shows it', async () => {
    // A transaction replayed first: a replica that has replayed none since it started has no replay time,
    // and its lag in seconds is unknown (null — too stale for every read, db/read-routing.test.ts).
    await newPerson();
    await caughtUp();
    const [measured] = await replicaLag();
    expect(measured).toMatchObject({ up: true, lagBytes: 0, lagSeconds: 0, error: null });

    await pauseReplay();
    try {
      await newPerson();
      await sleep(300);
      await probeReplicas();
      const [behind] = await replicaLag();
      expect(behind!.up).toBe(true);
      expect(behind!.lagBytes).toBeGreaterThan(0);
      // The age of the last replayed transaction: at least the pause since it.
      expect(behind!.lagSeconds).toBeGreaterThanOrEqual(0.3);
      const health = await checkHealth();
      expect(health.replicas).toEqual([
        expect.objectContaining({ replica: behind!.replica, up: true, lagBytes: behind!.lagBytes }),
      ]);
      // The metrics read the same measurement (ADR 0028): the lag in bytes as a gauge of that replica.
      const { body } = await metricsText();
      const bytes = new RegExp(`^oms_replica_lag_bytes\\{replica="${behind!.replica}"\\} (\\d+)$`, 'm').exec(
        body,
      );
      expect(Number(bytes?.[1])).toBeGreaterThan(0);
    } finally {
      await resumeReplay();
    }
  });

  it("answers a clinic's lookup from the replica and writes its access-log row to the primary", async () => {
    const { enp } = await newPerson();
    await caughtUp();
    const clinic: Actor = { kind: 'clinic', id: `replica-clinic-${Date.now()}`, moCode: '770001' };
    const before = readRoutingCounts();
    const outcome = await lookupPolicy(parseLookupQuery({ enp }, '2026-11-22' as never), {
      actor: clinic,
      channel: 'rest',
    });
    expect(outcome.kind === 'found' && outcome.answer).toMatchObject({ enp, insured: true, stale: false });
    expect(readRoutingCounts().replica.clinic_lookup).toBe(before.replica.clinic_lookup + 1);
    expect((await metricsText()).body).toMatch(
      new RegExp(
        `^oms_reads_routed\\{server="replica",purpose="clinic_lookup"\\} ${before.replica.clinic_lookup + 1}$`,
        'm',
      ),
    );
    const rows = await getDb()
      .select({ result: accessLog.result, channel: accessLog.channel })
      .from(accessLog)
      .where(and(eq(accessLog.actorId, clinic.id), eq(accessLog.purpose, 'policy_lookup')));
    expect(rows).toEqual([{ result: 'found', channel: 'rest' }]);
  });

  it("shows an operator their own change at once (the primary answers until the replica replayed it), others within the card's limit", async () => {
    const { personId } = await newPerson();
    await caughtUp();
    const card = () => readPersonCard(admin, { personId, purpose: 'data_check' });
    expect((await card()).person.version).toBe(1);

    await pauseReplay();
    try {
      await suspendPolicy({ personId, reason: 'military_service' }, metaAt('2026-02-01T09:00:00Z', admin));
      await probeReplicas();
      expect(chooseRead('person_card', 'staff:replica-admin').decision).toEqual({
        target: 'primary',
        reason: 'own_write_not_replayed',
      });
      expect((await card()).person.version).toBe(2);
      // Another operator may be shown the card as the replica has it: a second behind, within 10 s.
      expect(chooseRead('person_card', 'staff:replica-admin-2').decision).toEqual({
        target: 'replica',
        index: 0,
      });
      const seenByOther = await readPersonCard(otherAdmin, { personId, purpose: 'data_check' });
      expect(seenByOther.person.version).toBe(1);
    } finally {
      await resumeReplay();
    }
    await caughtUp();
    expect(chooseRead('person_card', 'staff:replica-admin').decision).toEqual({
      target: 'replica',
      index: 0,
    });
    expect((await card()).person.version).toBe(2);
  });

  it("shows an operator their change through another app process that never saw it: the request's cookie carries it", async () => {
    const operator: Actor = { kind: 'staff', id: 'replica-admin-4', role: 'ffoms_admin' };
    const { personId } = await newPerson();
    await caughtUp();
    const card = () => readPersonCard(operator, { personId, purpose: 'data_check' });
    await pauseReplay();
    try {
      // Process A: the change is made inside a request, whose context records the position for the cookie.
      const request: WorkContext = { requestId: 'rw-process-a' };
      await runInContext(request, () =>
        suspendPolicy({ personId, reason: 'military_service' }, metaAt('2026-02-01T09:00:00Z', operator)),
      );
      expect(parseLsn(request.ownWrite!) <= parseLsn(await primaryLsn())).toBe(true);
      const cookie = ownWriteCookie(request.ownWrite!, Date.now(), false).split(';', 1)[0];

      // Process B: no memory of the write (its pools are new); the replica has not replayed it.
      await closeReadPools();
      await probeReplicas();
      expect((await card()).person.version).toBe(1); // without the cookie: the replica, a moment behind
      const carried = carriedWriteFrom(cookie, Date.now());
      expect(carried).toBe(request.ownWrite);
      const seen = await runInContext({ requestId: 'rw-process-b', carriedWrite: carried! }, card);
      expect(seen.person.version).toBe(2);
    } finally {
      await resumeReplay();
    }
  });

  it('sends a read to the primary when the replica is further behind than its purpose allows', async () => {
    await caughtUp();
    await pauseReplay();
    try {
      await newPerson();
      // The replica's last replayed transaction ages while replay stands still: past the card's 10 s.
      let lag = 0;
      for (let i = 0; i < 60 && lag <= 11; i++) {
        await sleep(250);
        await probeReplicas();
        lag = (await replicaLag())[0]!.lagSeconds ?? 0;
      }
      expect(lag).toBeGreaterThan(11);
      expect(chooseRead('person_card', 'staff:someone').decision).toEqual({
        target: 'primary',
        reason: 'too_stale',
      });
      expect(chooseRead('dashboard', 'staff:someone').decision).toEqual({ target: 'replica', index: 0 });
    } finally {
      await resumeReplay();
    }
  }, 60_000);

  it('a replica that dies mid-way is skipped: the query it was given is answered by the primary, lookups go on', async () => {
    const { enp } = await newPerson();
    await caughtUp();
    const choice = chooseRead('console_search', 'staff:replica-admin-3');
    expect(choice.replica).not.toBeNull();
    const replicaNode = clusterLayout(options).nodes.find((n) =>
      info.replicaUrls[0]!.includes(`:${n.port}/`),
    )!;
    killNodeProcesses(replicaNode);
    await refused(info.replicaUrls[0]!);
    const { rows } = await choice.db.$client.query<{ recovery: boolean }>(
      'select pg_is_in_recovery() as recovery',
    );
    expect(rows).toEqual([{ recovery: false }]); // the primary answered
    expect(chooseRead('console_search', 'staff:replica-admin-3').decision).toEqual({
      target: 'primary',
      reason: 'replica_down',
    });
    const clinic: Actor = { kind: 'clinic', id: `replica-clinic-down-${Date.now()}`, moCode: '770001' };
    const outcome = await lookupPolicy(parseLookupQuery({ enp }, '2026-11-22' as never), {
      actor: clinic,
      channel: 'clinic_ui',
    });
    expect(outcome.kind === 'found' && outcome.answer).toMatchObject({ enp, stale: false });
    const [lag] = await replicaLag();
    expect(lag!.up).toBe(false);
    // The replica rejoins (its keeper starts it again) and serves again once measured.
    info = await startCluster(options);
    await caughtUp();
    expect(chooseRead('console_search', 'staff:replica-admin-3').decision).toEqual({
      target: 'replica',
      index: 0,
    });
  }, 240_000);
});
