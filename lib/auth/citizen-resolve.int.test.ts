import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { persons, representations } from '@/db/schema';
import { registerPerson, type RegisterPersonInput } from '@/lib/register/register-person';
import { adultInput, metaAt } from '@/testing/register/people';
import type { CitizenClaims } from './citizen-claims';
import { citizenContext } from './citizen-actor';
import { citizenActorFromClaims, MAX_MERGE_HOPS, resolveCitizen } from './citizen-resolve';

const meta = metaAt('2026-03-10T09:00:00Z');
const now = new Date('2026-03-10T12:00:00Z');

/** The claims ЕСИА would send for a registered person's account. */
function claimsOf(input: RegisterPersonInput, overrides: Partial<CitizenClaims> = {}): CitizenClaims {
  return {
    sub: `sub-${input.person.snils}`,
    lastName: input.person.lastName,
    firstName: input.person.firstName,
    patronymic: input.person.patronymic ?? null,
    birthDate: input.person.birthDate,
    sex: input.person.sex === 'M' ? 'M' : 'F',
    snils: input.person.snils ?? null,
    passport: { series: input.document.series!.replace(/\s/g, ''), number: input.document.number },
    iin: null,
    trusted: true,
    accountLevel: 'verified',
    ...overrides,
  };
}

async function registered(overrides: Parameters<typeof adultInput>[0] = {}) {
  const input = adultInput(overrides);
  const { personId } = await registerPerson(input, meta);
  return { input, personId };
}

let certificate = 100_000;
async function child(parentId: number, birthDate = '2019-05-01') {
  certificate++;
  const { personId } = await registerPerson(
    adultInput({
      person: { lastName: 'Смирнов', firstName: 'Илья', patronymic: 'Олегович', sex: 'M', birthDate },
      document: {
        kind: 3,
        series: 'IV-МЮ',
        number: String(certificate),
        issueDate: birthDate,
        issuer: 'ЗАГС',
      },
      representative: { personId: parentId, kind: 'parent' },
    }),
    meta,
  );
  return personId;
}

describe('resolveCitizen', () => {
  it('finds the person by СНИЛС', async () => {
    const { input, personId } = await registered();
    expect(await resolveCitizen(claimsOf(input), now)).toEqual({
      personId,
      matchedBy: 'snils',
      representedPersonIds: [],
    });
  });

  it('without a known СНИЛС, by passport series and number together with the birth date', async () => {
    const { input, personId } = await registered();
    expect(await resolveCitizen(claimsOf(input, { snils: null }), now)).toMatchObject({
      personId,
      matchedBy: 'passport',
    });
    // A СНИЛС the register does not know yet falls back to the passport too.
    expect(await resolveCitizen(claimsOf(input, { snils: '11223344595' }), now)).toMatchObject({
      personId,
      matchedBy: 'passport',
    });
  });

  it('does not match a passport with another birth date, nor without one', async () => {
    const { input } = await registered();
    expect(await resolveCitizen(claimsOf(input, { snils: null, birthDate: '1985-03-15' }), now)).toEqual({
      personId: null,
      matchedBy: null,
      representedPersonIds: [],
    });
    expect(
      (await resolveCitizen(claimsOf(input, { snils: null, birthDate: null }), now)).personId,
    ).toBeNull();
  });

  it('matches a standard account (read-only by the permissions), never a simplified one', async () => {
    const { input, personId } = await registered();
    expect(
      (await resolveCitizen(claimsOf(input, { trusted: false, accountLevel: 'standard' }), now)).personId,
    ).toBe(personId);
    expect(
      (await resolveCitizen(claimsOf(input, { trusted: false, accountLevel: 'simplified' }), now)).personId,
    ).toBeNull();
  });

  it('finds nobody for a person not in the register', async () => {
    const input = adultInput();
    expect((await resolveCitizen(claimsOf(input), now)).personId).toBeNull();
  });

  it('lists the children the citizen represents today, not past representations or deceased children', async () => {
    const { input, personId } = await registered();
    const first = await child(personId, '2019-05-01');
    const second = await child(personId, '2021-09-12');
    const ended = await child(personId, '2020-01-20');
    const deceased = await child(personId, '2022-02-02');
    const db = getDb();
    await db.update(representations).set({ validTo: '2026-01-01' }).where(eq(representations.childId, ended));
    await db.update(persons).set({ deathDate: '2025-01-01' }).where(eq(persons.id, deceased));

    const resolved = await resolveCitizen(claimsOf(input), now);
    expect(resolved.representedPersonIds).toEqual([first, second].sort((a, b) => a - b));
    // Another parent sees none of them.
    const other = await registered();
    expect((await resolveCitizen(claimsOf(other.input), now)).representedPersonIds).toEqual([]);
  });

  it('follows a merged duplicate to the record it was merged into', async () => {
    const survivor = await registered();
    const duplicate = await registered();
    await getDb()
      .update(persons)
      .set({ mergedIntoId: survivor.personId })
      .where(eq(persons.id, duplicate.personId));
    expect(await resolveCitizen(claimsOf(duplicate.input), now)).toMatchObject({
      personId: survivor.personId,
      matchedBy: 'snils',
    });
  });

  it('signs nobody in as a deceased person', async () => {
    const { input, personId } = await registered();
    await getDb().update(persons).set({ deathDate: '2026-02-01' }).where(eq(persons.id, personId));
    expect((await resolveCitizen(claimsOf(input), now)).personId).toBeNull();
  });
});

describe('one resolution for the pages and the use cases', () => {
  const bare = (personId: number | null) =>
    ({
      kind: 'citizen',
      id: `bare-${Math.random()}`,
      personId,
      representedPersonIds: [],
      trusted: true,
    }) as const;

  it('a use case resolves a bare actor by the same rule: merges followed, children read from the register', async () => {
    const survivor = await registered();
    const middle = await registered();
    const first = await registered();
    const kid = await child(survivor.personId);
    const db = getDb();
    await db.update(persons).set({ mergedIntoId: survivor.personId }).where(eq(persons.id, middle.personId));
    await db.update(persons).set({ mergedIntoId: middle.personId }).where(eq(persons.id, first.personId));
    const ctx = await citizenContext(bare(first.personId), now);
    expect(ctx).toMatchObject({ selfId: survivor.personId, childIds: [kid] });
    expect(ctx.actor).toMatchObject({ personId: survivor.personId, representedPersonIds: [kid] });
  });

  it(`a merge chain longer than ${MAX_MERGE_HOPS} hops matches nobody, at sign-in and in a use case alike`, async () => {
    const chain = [];
    for (let i = 0; i <= MAX_MERGE_HOPS + 1; i++) chain.push(await registered());
    for (let i = 0; i < chain.length - 1; i++) {
      await getDb()
        .update(persons)
        .set({ mergedIntoId: chain[i + 1]!.personId })
        .where(eq(persons.id, chain[i]!.personId));
    }
    expect((await resolveCitizen(claimsOf(chain[0]!.input), now)).personId).toBeNull();
    expect((await citizenContext(bare(chain[0]!.personId), now)).selfId).toBeNull();
    // One hop fewer is still followed.
    expect((await citizenContext(bare(chain[1]!.personId), now)).selfId).toBe(chain.at(-1)!.personId);
  });

  it('a deceased citizen acts for nobody in a use case either', async () => {
    const { personId } = await registered();
    await getDb().update(persons).set({ deathDate: '2026-02-01' }).where(eq(persons.id, personId));
    expect(await citizenContext(bare(personId), now)).toMatchObject({ selfId: null, childIds: [] });
  });

  it('the request’s own actor is resolved once: a use case takes it as it is', async () => {
    const { input, personId } = await registered();
    const { actor } = await citizenActorFromClaims(claimsOf(input), now);
    expect(actor.personId).toBe(personId);
    // Merged away after the request resolved it: the request keeps its answer, a new request sees the change.
    const survivor = await registered();
    await getDb().update(persons).set({ mergedIntoId: survivor.personId }).where(eq(persons.id, personId));
    expect((await citizenContext(actor, now)).actor).toBe(actor);
    expect((await citizenActorFromClaims(claimsOf(input), now)).actor.personId).toBe(survivor.personId);
  });
});
