import { eq, inArray, or, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { duplicateCandidates, persons, registerEvents, staffActions } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { survivingPersonId } from '@/lib/auth/citizen-resolve';
import { mayBeStrongMatch, orderedPair, type DuplicateSubject } from '@/lib/domain/ru/duplicates';
import { lookupPolicy } from '@/lib/lookup/lookup-policy';
import { parseLookupQuery } from '@/lib/lookup/lookup-query';
import { registerPerson } from '@/lib/register/register-person';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';
import { dismissCandidate, mergeDuplicate, undoMerge, type Reviewer } from './merge-persons';
import { creationCandidates, findStrongMatch } from './creation-check';
import { loadSubjects } from './duplicate-subjects';
import { scanDuplicates } from './scan-duplicates';

const admin = { kind: 'staff', id: 'ffoms-dup', role: 'ffoms_admin' } as const;
const tfoms77 = { kind: 'staff', id: 'tfoms77-dup', role: 'tfoms_operator', subjectCode: '77' } as const;
const tfoms50 = { kind: 'staff', id: 'tfoms50-dup', role: 'tfoms_operator', subjectCode: '50' } as const;
const smo = { kind: 'staff', id: 'smo-dup', role: 'smo_operator', insurerCode: '77001' } as const;
const by = (actor: Reviewer['actor']): Reviewer => ({
  actor,
  staffId: null,
  login: actor.id,
  organisation: actor.role === 'tfoms_operator' ? `tfoms:${actor.subjectCode}` : 'ffoms',
  now: new Date('2026-06-01T10:00:00Z'),
});
const staffMeta = (iso: string) => metaAt(iso, admin, 'console');

/** Two records of one woman: the second registered by another office with a typo and no СНИЛС, plus her child. */
async function plantPair(birthDate: string, lastName: string) {
  const a = await registerPerson(
    adultInput({
      person: { lastName, firstName: 'Дарья', patronymic: 'Олеговна', sex: 'F', birthDate },
      coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2026-01-15' },
    }),
    metaAt('2026-01-15T09:00:00Z'),
  );
  const b = await registerPerson(
    adultInput({
      person: {
        lastName: lastName.replace(/ова$/, 'эва'),
        firstName: 'Дарья',
        patronymic: 'Олеговна',
        sex: 'F',
        birthDate,
        snils: null,
      },
      coverage: { insurerCode: '77002', subjectCode: '77', reason: 'new_policy', on: '2026-02-01' },
    }),
    staffMeta('2026-02-01T09:00:00Z'),
  );
  const child = await registerPerson(
    adultInput({
      person: {
        lastName,
        firstName: 'Пётр',
        patronymic: 'Ильич',
        sex: 'M',
        birthDate: '2020-02-02',
        snils: null,
      },
      document: { kind: 3, series: 'IV-МЮ', number: String(100000 + Math.floor(Math.random() * 800000)) },
      coverage: { insurerCode: '77002', subjectCode: '77', reason: 'birth', on: '2026-02-01' },
      attachment: null,
      representative: { personId: b.personId, kind: 'parent' },
    }),
    staffMeta('2026-02-01T09:00:00Z'),
  );
  return { a, b, child };
}

async function candidateOf(x: number, y: number) {
  const [pa, pb] = orderedPair(x, y);
  const [row] = await getDb()
    .select()
    .from(duplicateCandidates)
    .where(sql`${duplicateCandidates.personAId} = ${pa} and ${duplicateCandidates.personBId} = ${pb}`);
  return row;
}

/** Every row of the pair's records, by table, with or without the columns a merge may change. */
async function snapshot(ids: number[], exact: boolean) {
  const list = `{${ids.join(',')}}`;
  const q = async (text: ReturnType<typeof sql>) => (await getDb().execute(text)).rows;
  return {
    documents: await q(
      exact
        ? sql`select * from identity_documents where person_id = any(${list}::bigint[]) order by id`
        : sql`select id, kind, series, number, issue_date, issuer, valid_to from identity_documents where person_id = any(${list}::bigint[]) order by id`,
    ),
    coverages: await q(
      exact
        ? sql`select * from coverages where person_id = any(${list}::bigint[]) order by id`
        : sql`select id, insurer_code, subject_code, status, reason, valid_from, valid_to, recorded_from from coverages where person_id = any(${list}::bigint[]) order by id`,
    ),
    attachments: await q(sql`select * from attachments where person_id = any(${list}::bigint[]) order by id`),
    representations: await q(
      exact
        ? sql`select * from representations where representative_id = any(${list}::bigint[]) or child_id = any(${list}::bigint[]) order by id`
        : sql`select id, kind, valid_from, valid_to from representations where representative_id = any(${list}::bigint[]) or child_id = any(${list}::bigint[]) order by id`,
    ),
    events: await q(
      sql`select md5(string_agg(e::text, '|' order by e.id)) as sum, count(*)::int as n from register_events e
           where person_id = any(${list}::bigint[]) and action not like 'person.merge%'`,
    ),
    persons: exact
      ? await q(
          sql`select id, enp, last_name, first_name, patronymic, sex, birth_date, snils, merged_into_id from persons where id = any(${list}::bigint[]) order by id`,
        )
      : [],
  };
}

const clinic: Actor = { kind: 'clinic', id: 'registrar-dup', moCode: '770001' };

describe('scan, merge and undo', () => {
  it('the scan finds the pair with its reasons; merge loses nothing and the retired ЕНП answers with the survivor; undo restores both exactly', async () => {
    const { a, b, child } = await plantPair('1979-07-07', 'Кравцова');
    const scan = await scanDuplicates({ until: '2027-01-01' });
    expect(scan.candidatesFound).toBeGreaterThanOrEqual(1);
    const candidate = await candidateOf(a.personId, b.personId);
    expect(candidate?.status).toBe('open');
    expect(candidate?.reasons).toEqual(expect.arrayContaining(['same_birth_date', 'similar_name']));
    expect(await candidateOf(a.personId, child.personId)).toBeUndefined();

    const ids = [a.personId, b.personId];
    const before = await snapshot(ids, false);
    const exactBefore = await snapshot(ids, true);
    const merged = await mergeDuplicate(by(tfoms77), { candidateId: candidate!.id, survivorId: a.personId });
    expect([merged.survivorId, merged.retiredId]).toEqual([a.personId, b.personId]);

    // Nothing lost: the same rows (and the same events) across both records, now all on the survivor.
    const after = await snapshot(ids, false);
    expect(after).toEqual(before);
    const onRetired = await getDb().execute<{ n: number }>(
      sql`select (select count(*) from identity_documents where person_id = ${b.personId})
               + (select count(*) from coverages where person_id = ${b.personId})
               + (select count(*) from representations where representative_id = ${b.personId})::int as n`,
    );
    expect(Number(onRetired.rows[0]!.n)).toBe(0);
    // The overlapping period of the retired record moved retracted; the survivor's period stands.
    const believed = await getDb().execute<{ insurer_code: string }>(
      sql`select insurer_code from coverages where person_id = ${a.personId} and recorded_to is null`,
    );
    expect(believed.rows.map((r) => r.insurer_code)).toEqual(['77001']);

    // Lookups by the retired ЕНП answer with the survivor.
    const byRetired = await lookupPolicy(parseLookupQuery({ enp: b.enp }, '2026-06-01' as never), {
      actor: clinic,
      channel: 'clinic_ui',
    });
    expect(byRetired.kind === 'found' && byRetired.answer.enp).toBe(a.enp);
    expect(await survivingPersonId(b.personId)).toBe(a.personId);

    const mergeEvents = await getDb()
      .select({ personId: registerEvents.personId })
      .from(registerEvents)
      .where(eq(registerEvents.action, 'person.merged'));
    expect(mergeEvents.map((e) => e.personId).sort()).toEqual(ids.sort());
    const [audit] = await getDb()
      .select()
      .from(staffActions)
      .where(eq(staffActions.action, 'persons_merged'));
    expect(audit?.targetId).toBe(String(merged.mergeId));

    // Undo: the tfoms operator may not; the administrator restores both exactly.
    expect((await rejection(undoMerge(by(tfoms77), merged.mergeId))).code).toBe('FORBIDDEN');
    await undoMerge(by(admin), merged.mergeId);
    expect(await snapshot(ids, true)).toEqual(exactBefore);
    expect((await candidateOf(a.personId, b.personId))?.status).toBe('open');
    expect((await rejection(undoMerge(by(admin), merged.mergeId))).code).toBe('MERGE_NOT_FOUND');
    const undoEvents = await getDb()
      .select()
      .from(registerEvents)
      .where(eq(registerEvents.action, 'person.merge_undone'));
    expect(undoEvents).toHaveLength(2);
  });

  it('only staff with the scope of both persons may merge', async () => {
    const { a, b } = await plantPair('1981-08-08', 'Зуева');
    await scanDuplicates({ until: '2027-01-01' });
    const candidate = await candidateOf(a.personId, b.personId);
    expect(candidate).toBeDefined();
    for (const actor of [tfoms50, smo]) {
      const error = await rejection(
        mergeDuplicate(by(actor), { candidateId: candidate!.id, survivorId: a.personId }),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    const [row] = await getDb().select().from(persons).where(eq(persons.id, b.personId));
    expect(row!.mergedIntoId).toBeNull();
  });
});

describe('scan by document number', () => {
  it('pairs people born the same day holding the same passport number under another series, whatever their names', async () => {
    const holder = (fio: string, birthDate: string, series: string) => {
      const [lastName, firstName, patronymic] = fio.split(' ') as [string, string, string];
      return registerPerson(
        adultInput({
          person: { lastName, firstName, patronymic, sex: 'F', birthDate, snils: null },
          document: { kind: 14, series, number: '707070' },
        }),
        metaAt('2026-01-15T09:00:00Z'),
      );
    };
    const first = await holder('Тихонова Нина Львовна', '1966-06-06', '45 11');
    const second = await holder('Громова Инна Львовна', '1966-06-06', '45 17');
    // Someone else holding the number under a third series, born another day, is not paired.
    const third = await holder('Абрамова Ольга Петровна', '1967-07-07', '45 18');
    await scanDuplicates({ until: '2027-01-01' });
    const pair = await candidateOf(first.personId, second.personId);
    expect(pair?.reasons).toEqual(expect.arrayContaining(['same_document_number', 'same_birth_date']));
    expect(await candidateOf(first.personId, third.personId)).toBeUndefined();
  });
});

describe('not a duplicate', () => {
  it('is remembered: a later scan leaves the pair decided and nobody can merge it', async () => {
    const { a, b } = await plantPair('1983-09-09', 'Лебедева');
    await scanDuplicates({ until: '2027-01-01' });
    const candidate = await candidateOf(a.personId, b.personId);
    await dismissCandidate(by(tfoms77), candidate!.id);
    const again = await scanDuplicates({ until: '2027-01-01' });
    expect(again.pairsExamined).toBeGreaterThan(0);
    const after = await candidateOf(a.personId, b.personId);
    expect([after?.id, after?.status]).toEqual([candidate!.id, 'not_duplicate']);
    const error = await rejection(
      mergeDuplicate(by(admin), { candidateId: candidate!.id, survivorId: a.personId }),
    );
    expect(error.code).toBe('DUPLICATE_ALREADY_DECIDED');
    const actions = await getDb()
      .select()
      .from(staffActions)
      .where(eq(staffActions.targetId, String(candidate!.id)));
    expect(actions.map((x) => x.action)).toContain('duplicate_dismissed');
  });
});

describe('creation-time check', () => {
  it('a strong match stops automatic creation and names the record; an employee may still create it', async () => {
    // The same woman typed again with «е» for «ё»: a strong match.
    const alla = {
      lastName: 'Ёжикова',
      firstName: 'Алла',
      patronymic: 'Петровна',
      sex: 'F',
      birthDate: '1970-10-10',
      snils: null,
      birthPlace: 'г. Тула',
    } as const;
    const existing = await registerPerson(adultInput({ person: alla }), metaAt('2026-01-15T09:00:00Z'));
    const again = adultInput({ person: { ...alla, lastName: 'Ежикова' } });
    const count = async () =>
      (
        await getDb()
          .select({ id: persons.id })
          .from(persons)
          .where(or(eq(persons.lastName, 'Ежикова'), eq(persons.lastName, 'Ёжикова')))
      ).length;
    const error = await rejection(registerPerson(again, metaAt('2026-01-16T09:00:00Z')));
    expect(error.code).toBe('POSSIBLE_DUPLICATE');
    expect(error.details).toMatchObject({ personId: existing.personId });
    expect(error.details.reasons).toEqual(expect.arrayContaining(['same_name', 'same_birth_date']));
    expect(await count()).toBe(1);
    const made = await registerPerson(again, staffMeta('2026-01-16T09:00:00Z'));
    expect(made.personId).not.toBe(existing.personId);
    expect(await count()).toBe(2);
  });

  it('someone merely born the same day is created automatically', async () => {
    await registerPerson(
      adultInput({
        person: {
          lastName: 'Орлова',
          firstName: 'Вера',
          patronymic: 'Павловна',
          sex: 'F',
          birthDate: '1972-12-12',
          snils: null,
        },
      }),
      metaAt('2026-01-15T09:00:00Z'),
    );
    const other = await registerPerson(
      adultInput({
        person: {
          lastName: 'Фомина',
          firstName: 'Инна',
          patronymic: 'Юрьевна',
          sex: 'F',
          birthDate: '1972-12-12',
          snils: null,
        },
      }),
      metaAt('2026-01-15T09:00:00Z'),
    );
    const rows = await getDb()
      .select()
      .from(persons)
      .where(inArray(persons.id, [other.personId]));
    expect(rows).toHaveLength(1);
  });
});

describe('creation-time check: whom it looks at', () => {
  const day = '2025-07-07';
  const mother = (lastName: string) =>
    registerPerson(
      adultInput({
        person: {
          lastName,
          firstName: 'Анна',
          patronymic: 'Олеговна',
          sex: 'F',
          birthDate: '1995-01-01',
          snils: null,
        },
      }),
      staffMeta('2026-01-10T09:00:00Z'),
    );
  const child = (birthDate: string, motherId: number | null) =>
    registerPerson(
      adultInput({
        person: {
          lastName: 'Лебедев',
          firstName: 'Марк',
          patronymic: 'Ильич',
          sex: 'M',
          birthDate,
          snils: null,
        },
        document: { kind: 3, series: 'IV-МЮ', number: String(100000 + Math.floor(Math.random() * 800000)) },
        coverage: { insurerCode: '77001', subjectCode: '77', reason: 'birth', on: '2026-01-10' },
        attachment: null,
        representative: motherId === null ? null : { personId: motherId, kind: 'parent' },
      }),
      staffMeta('2026-01-10T09:00:00Z'),
    );

  it('of everyone born that day, exactly those mayBeStrongMatch keeps', async () => {
    const m1 = (await mother('Лебедева')).personId;
    const m2 = (await mother('Соколова')).personId;
    const ofM1 = (await child(day, m1)).personId;
    const ofM2 = (await child(day, m2)).personId;
    const unrepresented = (await child(day, null)).personId;
    const ofM1Later = (await child('2025-07-08', m1)).personId;
    const newborn = (representativeIds: number[]): DuplicateSubject => ({
      lastName: 'Лебедев',
      firstName: 'Марк',
      patronymic: 'Ильич',
      sex: 'M',
      birthDate: day,
      snils: null,
      documents: [],
      fromBirthFeed: true,
      representativeIds,
    });
    const asked = [newborn([m1]), newborn([]), newborn([m2, m1]), newborn([9_999_999])];
    const found = await creationCandidates(getDb(), asked);
    expect([...found[0]!]).toEqual(expect.arrayContaining([ofM1, unrepresented]));
    expect(found[0]!.has(ofM2)).toBe(false);
    expect([...found[1]!]).toEqual(expect.arrayContaining([ofM1, ofM2, unrepresented]));
    expect([...found[2]!]).toEqual(expect.arrayContaining([ofM1, ofM2, unrepresented]));
    expect(found[3]!.has(ofM1) || found[3]!.has(ofM2)).toBe(false);
    expect(found.some((ids) => ids.has(ofM1Later))).toBe(false);
    // The statement mirrors the pure rule on every person of the register born that day.
    const bornThatDay = await getDb()
      .select({ id: persons.id })
      .from(persons)
      .where(sql`${persons.birthDate} = ${day} and ${persons.mergedIntoId} is null`);
    const subjects = await loadSubjects(
      getDb(),
      bornThatDay.map((p) => p.id),
    );
    asked.forEach((one, i) => {
      const expected = [...subjects.values()].filter((p) => mayBeStrongMatch(one, p)).map((p) => p.id);
      expect([...found[i]!].sort((x, y) => x - y)).toEqual(expected.sort((x, y) => x - y));
    });
    // A newborn whose mother has no child that day: the namesakes of other mothers are left out, the
    // namesake registered without parents is still a strong match.
    expect(await findStrongMatch(getDb(), newborn([9_999_999]))).toMatchObject({ personId: unrepresented });
  });
});
