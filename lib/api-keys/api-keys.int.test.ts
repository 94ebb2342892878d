import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { apiKeys, medicalOrganisations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { systemActor } from '@/lib/auth/actor';
import { rejection } from '@/testing/expect-error';
import { createApiKey } from './create-api-key';
import { hashApiKey } from './key-format';
import { listApiKeys } from './list-api-keys';
import { revokeApiKey } from './revoke-api-key';
import { verifyApiKey } from './verify-api-key';

const admin = systemActor('test-admin');
const setActivity = (code: string, activeFrom: string, activeTo: string | null) =>
  getDb()
    .update(medicalOrganisations)
    .set({ activeFrom, activeTo })
    .where(eq(medicalOrganisations.code, code));

describe('API keys', () => {
  it('stores only the hash, and lists prefixes — never keys or hashes', async () => {
    const created = await createApiKey({ moCode: '770001', label: 'МИС' }, admin);
    expect(created.key).toMatch(new RegExp(`^oms_${created.prefix}_[A-Za-z0-9_-]{43}$`));
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.prefix, created.prefix));
    expect(row!.secretHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(13));
    expect(row!.createdBy).toBe('system:test-admin');

    const listed = await listApiKeys({ moCode: '770001' }, admin);
    const mine = listed.find((k) => k.prefix === created.prefix);
    expect(mine).toMatchObject({ label: 'МИС', revokedAt: null });
    expect(Object.keys(mine!).sort()).toEqual([
      'createdAt',
      'createdBy',
      'label',
      'prefix',
      'revokedAt',
      'revokedBy',
    ]);

    await revokeApiKey({ prefix: created.prefix }, admin);
    const after = await listApiKeys({ moCode: '770001' }, admin);
    expect(after.find((k) => k.prefix === created.prefix)).toMatchObject({
      revokedAt: expect.any(Date) as unknown,
      revokedBy: 'system:test-admin',
    });
  });

  it('verifies a key to an МО actor; refuses revoked keys (401) and keys of an МО not working today (403)', async () => {
    const created = await createApiKey({ moCode: '770003' }, admin);
    expect(await verifyApiKey(`Bearer ${created.key}`)).toEqual({
      kind: 'api_key',
      id: created.prefix,
      moCode: '770003',
    });
    expect((await rejection(verifyApiKey(`bearer  ${created.key}x`))).code).toBe('UNAUTHENTICATED');

    // The МО's activity, judged on the request's date (Moscow), inclusive of its last day.
    await setActivity('770003', '2000-01-01', '2026-06-30');
    const fresh = await createApiKey({ moCode: '770004' }, admin); // not cached yet
    await setActivity('770004', '2000-01-01', '2026-06-30');
    expect((await verifyApiKey(`Bearer ${fresh.key}`, new Date('2026-06-30T20:59:00Z'))).moCode).toBe(
      '770004',
    );
    const closed = await rejection(verifyApiKey(`Bearer ${fresh.key}`, new Date('2026-06-30T21:00:00Z')));
    expect(closed).toMatchObject({ code: 'FORBIDDEN', status: 403, details: { reasonCode: 'MO_INACTIVE' } });
    expect(closed.message).toMatch(/прекратила деятельность/);

    await setActivity('770004', '2030-01-01', null);
    const other = await createApiKey({ moCode: '770006' }, admin);
    await setActivity('770006', '2030-01-01', null);
    const early = await rejection(verifyApiKey(`Bearer ${other.key}`, new Date('2029-12-31T20:59:00Z')));
    expect(early).toMatchObject({ code: 'FORBIDDEN' });
    expect(early.message).toMatch(/ещё не начала/);
    // Its first day in Moscow begins at 21:00 UTC the evening before.
    expect((await verifyApiKey(`Bearer ${other.key}`, new Date('2029-12-31T21:00:00Z'))).moCode).toBe(
      '770006',
    );

    await revokeApiKey({ prefix: created.prefix }, admin);
    expect((await rejection(verifyApiKey(`Bearer ${created.key}`))).code).toBe('UNAUTHENTICATED');
  });

  it('is managed by the region’s fund or the federal fund, and only for a working МО', async () => {
    const otherRegion: Actor = { kind: 'staff', id: 'op-50', role: 'tfoms_operator', subjectCode: '50' };
    const sameRegion: Actor = { kind: 'staff', id: 'op-77', role: 'tfoms_operator', subjectCode: '77' };
    expect((await rejection(createApiKey({ moCode: '770002' }, otherRegion))).code).toBe('FORBIDDEN');
    expect((await rejection(listApiKeys({ moCode: '770002' }, otherRegion))).code).toBe('FORBIDDEN');
    const created = await createApiKey({ moCode: '770002' }, sameRegion);
    expect((await rejection(revokeApiKey({ prefix: created.prefix }, otherRegion))).code).toBe('FORBIDDEN');
    const clinic: Actor = { kind: 'api_key', id: created.prefix, moCode: '770002' };
    expect((await rejection(createApiKey({ moCode: '770002' }, clinic))).code).toBe('FORBIDDEN');

    expect((await rejection(createApiKey({ moCode: '999999' }, admin))).fields).toEqual([
      expect.objectContaining({ field: 'moCode', code: 'MO_UNKNOWN' }),
    ]);
    await setActivity('770007', '2000-01-01', '2020-12-31');
    const refused = await rejection(createApiKey({ moCode: '770007' }, admin));
    expect(refused.fields[0]?.message).toMatch(/не работает/);
    expect((await rejection(revokeApiKey({ prefix: 'ffffffff' }, admin))).code).toBe('NOT_FOUND');
  });
});
