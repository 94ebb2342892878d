import { describe, expect, it } from 'vitest';
import { childOf } from '@/testing/applications/children';
import { registeredCitizen } from '@/testing/applications/citizens';
import type { LocalDate } from '@/lib/domain/dates';
import { lookupPolicy } from '@/lib/lookup/lookup-policy';
import { rejection } from '@/testing/expect-error';
import { getMyPolicy } from './get-my-policy';
import { whoLookedMeUp } from './who-looked-me-up';

const now = new Date('2026-03-10T09:00:00Z');
const onDate = '2026-03-10' as LocalDate;

describe('who looked up my policy (journey 9)', () => {
  it('lists clinic lookups — when, which МО, how, with what result — and not the funds’ console reads', async () => {
    const { actor, enp, personId } = await registeredCitizen();
    await lookupPolicy(
      { by: 'enp', enp, onDate },
      { actor: { kind: 'clinic', id: 'registrar-7', moCode: '770003' }, channel: 'clinic_ui' },
    );
    await lookupPolicy(
      { by: 'enp', enp, onDate },
      { actor: { kind: 'api_key', id: 'key-12', moCode: '770005' }, channel: 'fhir' },
    );
    await getMyPolicy(
      { subjectPersonId: personId },
      { kind: 'staff', id: 'admin', role: 'ffoms_admin' },
      { now },
    );
    await getMyPolicy({}, actor, { now });

    const result = await whoLookedMeUp({}, actor, { now });
    expect(result.personId).toBe(personId);
    expect(result.entries).toHaveLength(2);
    expect(result.entries[0]).toMatchObject({
      organisation: { code: '770005', name: expect.stringContaining('ГП') as unknown },
      channel: 'fhir',
      channelLabel: 'Информационная система медицинской организации (FHIR)',
      result: 'found',
      resultLabel: 'Сведения о полисе получены',
    });
    expect(result.entries[1]).toMatchObject({ organisation: { code: '770003' }, channel: 'clinic_ui' });
    expect(JSON.stringify(result)).not.toContain('registrar-7');
    expect(JSON.stringify(result)).not.toContain('key-12');
    expect(result.nextCursor).toBeNull();

    const page = await whoLookedMeUp({ limit: 1 }, actor, { now });
    expect(page.entries).toHaveLength(1);
    const next = await whoLookedMeUp({ limit: 1, before: page.nextCursor }, actor, { now });
    expect(next.entries[0]!.organisation?.code).toBe('770003');
    expect(next.nextCursor).toBeNull();
  });

  it('a parent sees the lookups of their child; A cannot see B’s', async () => {
    const parent = await registeredCitizen();
    const child = await childOf(parent.personId);
    await lookupPolicy(
      { by: 'enp', enp: child.enp, onDate },
      { actor: { kind: 'clinic', id: 'r', moCode: '770009' }, channel: 'clinic_ui' },
    );
    const seen = await whoLookedMeUp({ subjectPersonId: child.personId }, parent.actor, { now });
    expect(seen.entries.map((e) => e.organisation?.code)).toEqual(['770009']);
    expect((await whoLookedMeUp({}, parent.actor, { now })).entries).toEqual([]);

    const stranger = await registeredCitizen();
    for (const id of [parent.personId, child.personId]) {
      expect((await rejection(whoLookedMeUp({ subjectPersonId: id }, stranger.actor, { now }))).code).toBe(
        'FORBIDDEN',
      );
    }
  });
});
