import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { accessLog, identityDocuments, persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { registerPerson } from './register-person';
import { searchRegister, type SearchQuery } from './search-register';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';

const admin: Actor = { kind: 'staff', id: 'admin-search', role: 'ffoms_admin' };
const tfoms77: Actor = { kind: 'staff', id: 'tfoms77-search', role: 'tfoms_operator', subjectCode: '77' };
const tfoms50: Actor = { kind: 'staff', id: 'tfoms50-search', role: 'tfoms_operator', subjectCode: '50' };
const smo77001: Actor = { kind: 'staff', id: 'smo77001-search', role: 'smo_operator', insurerCode: '77001' };
const smo77002: Actor = { kind: 'staff', id: 'smo77002-search', role: 'smo_operator', insurerCode: '77002' };

const meta = metaAt('2026-03-10T09:00:00Z');
const BIRTH = '1971-06-02';

let petr: { personId: number; enp: string };
let namesake: { personId: number; enp: string };
let stranger: { personId: number };
let passport: { series: string; number: string };

async function person(
  name: { lastName: string; firstName: string; patronymic: string; sex: 'M' | 'F' },
  birthDate = BIRTH,
  coverage = { insurerCode: '77001', subjectCode: '77' },
) {
  const input = adultInput({
    person: { ...name, birthDate },
    coverage: { ...coverage, reason: 'new_policy', on: '2026-01-15' },
    attachment: null,
  });
  const made = await registerPerson(input, meta);
  return { ...made, input };
}

beforeAll(async () => {
  const p = await person({ lastName: 'Ёлкин', firstName: 'Пётр', patronymic: 'Сергеевич', sex: 'M' });
  petr = p;
  passport = { series: p.input.document.series!, number: p.input.document.number };
  // Same birth date, another name: must not pass the similarity threshold.
  stranger = await person({ lastName: 'Кузнецова', firstName: 'Анна', patronymic: 'Петровна', sex: 'F' });
  // Same name, insured by another insurer in another region.
  namesake = await person(
    { lastName: 'Елкин', firstName: 'Петр', patronymic: 'Сергеевич', sex: 'M' },
    BIRTH,
    {
      insurerCode: '50001',
      subjectCode: '50',
    },
  );
});

const ids = (r: { hits: { personId: number }[] }) => r.hits.map((h) => h.personId).sort((a, b) => a - b);
const byName = (fullName: string, birthDate = BIRTH): SearchQuery => ({ kind: 'name', fullName, birthDate });

describe('searchRegister by ФИО and birth date', () => {
  it.each([
    ['exact', 'Ёлкин Пётр Сергеевич'],
    ['another case', 'ЁЛКИН пётр СЕРГЕЕВИЧ'],
    ['е for ё', 'Елкин Петр Сергеевич'],
    ['one typo', 'Елкин Петр Сергевич'],
    ['two typos', 'Ёлкен Пётр Сергевич'],
    ['no patronymic', 'Ёлкин Пётр'],
    ['the date as ISO', 'Ёлкин Пётр Сергеевич'],
  ])('finds both namesakes (%s) and nobody else', async (_, fullName) => {
    const result = await searchRegister(admin, byName(fullName));
    expect(ids(result)).toEqual([petr.personId, namesake.personId].sort((a, b) => a - b));
    for (const hit of result.hits) {
      expect(hit.match).toMatchObject({ kind: 'name', former: false });
      expect(hit.match.kind === 'name' && hit.match.similarity).toBeGreaterThanOrEqual(0.45);
    }
  });

  it('accepts the birth date as ДД.ММ.ГГГГ and ranks the exact spelling first', async () => {
    const result = await searchRegister(admin, byName('Ёлкин Пётр Сергеевич', '02.06.1971'));
    expect(result.hits.map((h) => h.lastName)).toEqual(['Ёлкин', 'Елкин']);
  });

  it('finds nobody under another birth date or another name', async () => {
    expect((await searchRegister(admin, byName('Ёлкин Пётр Сергеевич', '1971-06-03'))).hits).toEqual([]);
    expect((await searchRegister(admin, byName('Смирнов Олег Игоревич'))).hits).toEqual([]);
    const anna = await searchRegister(admin, byName('Кузнецова Анна Петровна'));
    expect(ids(anna)).toEqual([stranger.personId]);
  });

  it('names every invalid field', async () => {
    const error = await rejection(
      searchRegister(admin, { kind: 'name', fullName: ' ', birthDate: '31.02.1971' }),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => [f.field, f.code])).toEqual([
      ['fullName', 'FIELD_REQUIRED'],
      ['birthDate', 'DATE_INVALID'],
    ]);
  });
});

describe('searchRegister by identifiers', () => {
  it('finds by the current passport and by a past one, saying which', async () => {
    const current = await searchRegister(tfoms77, { kind: 'document', documentKind: 14, ...passport });
    expect(current.hits.map((h) => [h.personId, h.match])).toEqual([
      [petr.personId, { kind: 'document', current: true }],
    ]);
    await getDb()
      .update(identityDocuments)
      .set({ isCurrent: false })
      .where(
        and(eq(identityDocuments.personId, petr.personId), eq(identityDocuments.number, passport.number)),
      );
    const past = await searchRegister(tfoms77, { kind: 'document', documentKind: 14, ...passport });
    expect(past.hits.map((h) => h.match)).toEqual([{ kind: 'document', current: false }]);
    await getDb()
      .update(identityDocuments)
      .set({ isCurrent: true })
      .where(
        and(eq(identityDocuments.personId, petr.personId), eq(identityDocuments.number, passport.number)),
      );
  });

  it('finds by ЕНП (typed with spaces) and by СНИЛС', async () => {
    const enp = `${petr.enp.slice(0, 4)} ${petr.enp.slice(4)}`;
    const found = await searchRegister(smo77001, { kind: 'enp', enp });
    expect(found.hits.map((h) => [h.personId, h.match])).toEqual([
      [petr.personId, { kind: 'enp', retiredEnp: null }],
    ]);
    const [row] = await getDb()
      .select({ snils: persons.snils })
      .from(persons)
      .where(eq(persons.id, petr.personId));
    const bySnils = await searchRegister(admin, { kind: 'snils', snils: row!.snils! });
    expect(bySnils.hits.map((h) => [h.personId, h.match.kind])).toEqual([[petr.personId, 'snils']]);
  });

  it('leads a retired ЕНП to the record it was merged into', async () => {
    const duplicate = await person(
      { lastName: 'Ёлкин', firstName: 'Пётр', patronymic: 'Сергеевич', sex: 'M' },
      '1971-06-09',
    );
    await getDb()
      .update(persons)
      .set({ mergedIntoId: petr.personId })
      .where(eq(persons.id, duplicate.personId));
    const result = await searchRegister(admin, { kind: 'enp', enp: duplicate.enp });
    expect(result.hits.map((h) => [h.personId, h.enp, h.match])).toEqual([
      [petr.personId, petr.enp, { kind: 'enp', retiredEnp: duplicate.enp }],
    ]);
    // The merged record itself is no longer a result of its own.
    expect((await searchRegister(admin, byName('Ёлкин Пётр Сергеевич', '1971-06-09'))).hits).toEqual([]);
  });

  it('names the invalid identifier', async () => {
    const enp = await rejection(searchRegister(admin, { kind: 'enp', enp: '7700000000000001' }));
    expect(enp.fields.map((f) => [f.field, f.code])).toEqual([['enp', 'ENP_INVALID_CHECKSUM']]);
    const snils = await rejection(searchRegister(admin, { kind: 'snils', snils: '123' }));
    expect(snils.fields.map((f) => f.field)).toEqual(['snils']);
    const doc = await rejection(
      searchRegister(admin, { kind: 'document', documentKind: 14, series: 'AB', number: '' }),
    );
    expect(doc.fields.map((f) => f.field).sort()).toEqual(['number', 'series']);
  });
});

describe('searchRegister scope and access log', () => {
  it.each([
    ['the federal fund', admin, 'both'],
    ['the region 77 fund', tfoms77, 'petr'],
    ['the region 50 fund', tfoms50, 'namesake'],
    ['the insurer 77001', smo77001, 'petr'],
    ['the insurer 77002', smo77002, 'none'],
  ] as const)('shows %s only persons in its scope', async (_, actor, expected) => {
    const result = await searchRegister(actor, byName('Елкин Петр Сергеевич'));
    const want = {
      both: [petr.personId, namesake.personId].sort((a, b) => a - b),
      petr: [petr.personId],
      namesake: [namesake.personId],
      none: [],
    }[expected];
    expect(ids(result)).toEqual(want);
  });

  it('refuses anyone but console staff before looking at the query', async () => {
    const clinic: Actor = { kind: 'clinic', id: 'reg-1', moCode: '770001' };
    const citizen: Actor = {
      kind: 'citizen',
      id: 'c1',
      personId: petr.personId,
      representedPersonIds: [],
      trusted: true,
    };
    for (const actor of [clinic, citizen]) {
      expect((await rejection(searchRegister(actor, byName('', 'x')))).code).toBe('FORBIDDEN');
    }
  });

  it('writes one access-log row per person shown, with the match, and one for a search that found nobody', async () => {
    const searcher: Actor = {
      kind: 'staff',
      id: 'tfoms77-logged',
      role: 'tfoms_operator',
      subjectCode: '77',
    };
    await searchRegister(searcher, byName('Елкин Петр'));
    await searchRegister(searcher, { kind: 'snils', snils: '112-233-445 95' });
    const rows = await getDb()
      .select()
      .from(accessLog)
      .where(eq(accessLog.actorId, searcher.id))
      .orderBy(accessLog.id);
    expect(rows.map((r) => [r.personId, r.channel, r.purpose, r.result, r.organisationCode])).toEqual([
      [petr.personId, 'console', 'register_search', 'found', 'tfoms:77'],
      [null, 'console', 'register_search', 'not_found', 'tfoms:77'],
    ]);
    expect(JSON.parse(rows[0]!.details!)).toMatchObject({
      by: 'name',
      match: { kind: 'name', former: false },
    });
  });

  it('pages results twenty at a time', async () => {
    for (let i = 0; i < 21; i++) {
      await person(
        { lastName: 'Сидоров', firstName: 'Иван', patronymic: 'Иванович', sex: 'M' },
        '1980-01-01',
      );
    }
    const first = await searchRegister(admin, { ...byName('Сидоров Иван Иванович', '1980-01-01'), page: 1 });
    const second = await searchRegister(admin, { ...byName('Сидоров Иван Иванович', '1980-01-01'), page: 2 });
    expect([first.hits.length, first.hasMore, second.hits.length, second.hasMore]).toEqual([
      20,
      true,
      1,
      false,
    ]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(21);
  });
});
