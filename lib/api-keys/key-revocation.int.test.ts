import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import type { Listener } from '@/db/listener';
import { medicalOrganisations } from '@/db/schema';
import { systemActor } from '@/lib/auth/actor';
import { isAppError } from '@/lib/errors';
import { createApiKey } from './create-api-key';
import { listenForKeyChanges } from './key-invalidation';
import { revokeApiKey } from './revoke-api-key';
import { verifyApiKey, VerifiedKeyCache } from './verify-api-key';

/**
 * Issue 9: revocation and an МО's closure take effect at once in every server process. Two caches with
 * their own LISTEN connections stand for two processes; their TTL is an hour, so only the database's
 * notification can make them forget.
 */
const admin = systemActor('revocation-test');
const HOUR = 3_600_000;
const MO = '770001';
let processes: { cache: VerifiedKeyCache; listener: Listener }[] = [];

beforeAll(async () => {
  processes = [0, 1].map(() => {
    const cache = new VerifiedKeyCache(HOUR);
    return { cache, listener: listenForKeyChanges(process.env.DATABASE_URL!, cache) };
  });
  await Promise.all(processes.map((p) => p.listener.ready));
});

afterAll(async () => {
  await Promise.all(processes.map((p) => p.listener.close()));
});

async function refusal(key: string, cache: VerifiedKeyCache): Promise<string> {
  try {
    await verifyApiKey(`Bearer ${key}`, new Date(), cache);
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'accepted';
}

async function verifiedEverywhere(key: string, prefix: string): Promise<void> {
  for (const { cache } of processes) {
    await expect(verifyApiKey(`Bearer ${key}`, new Date(), cache)).resolves.toMatchObject({ moCode: MO });
    expect(cache.fresh(prefix), 'remembered, so the next request reads no key').toBeDefined();
  }
}

/** Waits until every process has dropped the key; returns how long the slowest took. */
async function forgottenEverywhere(prefix: string, since: number): Promise<number> {
  await vi.waitFor(
    () => {
      for (const { cache } of processes) expect(cache.fresh(prefix)).toBeUndefined();
    },
    { timeout: 1_000, interval: 5 },
  );
  return Date.now() - since;
}

describe('a revoked key', () => {
  it('is refused by every process as soon as the revocation commits', async () => {
    const { key, prefix } = await createApiKey({ moCode: MO }, admin);
    await verifiedEverywhere(key, prefix);
    const t0 = Date.now();
    await revokeApiKey({ prefix }, admin);
    expect(await forgottenEverywhere(prefix, t0)).toBeLessThan(1_000);
    for (const { cache } of processes) expect(await refusal(key, cache)).toBe('UNAUTHENTICATED');
  });

  it('is refused when revoked by plain SQL too (the trigger notifies, not the use case)', async () => {
    const { key, prefix } = await createApiKey({ moCode: MO }, admin);
    await verifiedEverywhere(key, prefix);
    await getDb().execute(
      sql`update api_keys set revoked_at = now(), revoked_by = 'sql' where prefix = ${prefix}`,
    );
    await forgottenEverywhere(prefix, Date.now());
    for (const { cache } of processes) expect(await refusal(key, cache)).toBe('UNAUTHENTICATED');
  });
});

describe('a key of an МО closed in the directory', () => {
  it('is refused (403) by every process at once, and works again when the МО is restored', async () => {
    const { key, prefix } = await createApiKey({ moCode: MO }, admin);
    await verifiedEverywhere(key, prefix);
    const [mo] = await getDb()
      .select({ activeTo: medicalOrganisations.activeTo })
      .from(medicalOrganisations)
      .where(eq(medicalOrganisations.code, MO));
    await getDb()
      .update(medicalOrganisations)
      .set({ activeTo: '2020-12-31' })
      .where(eq(medicalOrganisations.code, MO));
    try {
      await forgottenEverywhere(prefix, Date.now());
      for (const { cache } of processes) expect(await refusal(key, cache)).toBe('FORBIDDEN');
    } finally {
      await getDb()
        .update(medicalOrganisations)
        .set({ activeTo: mo!.activeTo })
        .where(eq(medicalOrganisations.code, MO));
    }
    await forgottenEverywhere(prefix, Date.now());
    for (const { cache } of processes) expect(await refusal(key, cache)).toBe('accepted');
  });
});

describe('when the invalidation channel is lost', () => {
  it('nothing is trusted from memory until it is back, and then keys are read again', async () => {
    const { key, prefix } = await createApiKey({ moCode: MO }, admin);
    await verifiedEverywhere(key, prefix);
    await getDb().execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity
          where application_name = 'oms-register-listen-api_key_changed' and datname = current_database()`,
    );
    await forgottenEverywhere(prefix, Date.now());
    // Back within the reconnect backoff; a key read after that is remembered again.
    await vi.waitFor(
      async () => {
        for (const { cache } of processes) {
          await verifyApiKey(`Bearer ${key}`, new Date(), cache);
          expect(cache.fresh(prefix)).toBeDefined();
        }
      },
      { timeout: 5_000, interval: 50 },
    );
  });
});
