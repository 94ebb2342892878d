import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accessLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { checkHealth } from '@/lib/health/check-health';
import { lookupPolicy } from '@/lib/lookup/lookup-policy';
import { parseLookupQuery } from '@/lib/lookup/lookup-query';
import { registerPerson } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';
import { closeReadPools, readRoutingCounts, replicaLag } from '@/db/read-pools';

/**
 * Replicas that cannot serve, on the ordinary test database (cheap, in the default suite): a replica that
 * does not answer and a "replica" that is not a standby. Reads go to the primary and nobody sees an error.
 * The real primary + streaming replica are in lib/register/replica-reads.cluster.test.ts (`npm run test:cluster`).
 */
const clinic: Actor = { kind: 'clinic', id: 'registrar-replica-down', moCode: '770001' };

async function lookupOnce() {
  const input = adultInput();
  const { enp } = await registerPerson(input, metaAt('2026-01-15T09:00:00Z'));
  const outcome = await lookupPolicy(parseLookupQuery({ enp }, '2026-11-22' as never), {
    actor: clinic,
    channel: 'clinic_ui',
  });
  return { outcome, enp };
}

async function withReplicas(urls: string, run: () => Promise<void>) {
  process.env.DATABASE_REPLICA_URLS = urls;
  try {
    await run();
  } finally {
    delete process.env.DATABASE_REPLICA_URLS;
  }
}

afterEach(closeReadPools);

describe('replicas that cannot serve a read', () => {
  it('a replica that does not answer is reported down, and the primary answers the lookup and logs it', () =>
    withReplicas('postgres://postgres@127.0.0.1:9/nowhere', async () => {
      const lag = await replicaLag();
      expect(lag).toHaveLength(1);
      expect(lag[0]).toMatchObject({
        replica: '127.0.0.1:9/nowhere',
        up: false,
        lagBytes: null,
        lagSeconds: null,
      });
      expect(lag[0]!.error).toMatch(/ECONNREFUSED|connect/i);

      const before = readRoutingCounts();
      const { outcome } = await lookupOnce();
      expect(outcome.kind).toBe('found');
      const after = readRoutingCounts();
      expect(after.primary.clinic_lookup).toBe(before.primary.clinic_lookup + 1);
      expect(after.replica.clinic_lookup).toBe(before.replica.clinic_lookup);
      const logged = await getDb()
        .select()
        .from(accessLog)
        .where(and(eq(accessLog.actorId, clinic.id), eq(accessLog.purpose, 'policy_lookup')));
      expect(logged.map((r) => r.result)).toEqual(['found']);

      const health = await checkHealth();
      expect(health.status).toBe('ok');
      expect(health.replicas).toEqual([
        expect.objectContaining({ replica: '127.0.0.1:9/nowhere', up: false }),
      ]);
    }));

  it('a server that is not in recovery is no replica: it serves no replica reads', () =>
    withReplicas(process.env.DATABASE_URL!, async () => {
      const [lag] = await replicaLag();
      expect(lag).toMatchObject({ up: false, error: 'not in recovery' });
      const before = readRoutingCounts();
      const { outcome } = await lookupOnce();
      expect(outcome.kind).toBe('found');
      expect(readRoutingCounts().replica.clinic_lookup).toBe(before.replica.clinic_lookup);
    }));

  it('without replicas nothing is measured and /api/health lists none', async () => {
    expect(await replicaLag()).toEqual([]);
    expect((await checkHealth()).replicas).toEqual([]);
  });
});
