import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  attachments,
  coverages,
  identityDocuments,
  persons,
  registerEvents,
  representations,
} from '@/db/schema';
import { validateEnp } from '@/lib/domain/ru/enp';
import { registerPerson } from './register-person';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';

const meta = metaAt('2026-03-10T09:00:00Z');

async function rowCounts() {
  const db = getDb();
  const [p] = await db.select({ n: count() }).from(persons);
  const [d] = await db.select({ n: count() }).from(identityDocuments);
  const [c] = await db.select({ n: count() }).from(coverages);
  const [e] = await db.select({ n: count() }).from(registerEvents);
  return { persons: p!.n, documents: d!.n, coverages: c!.n, events: e!.n };
}

describe('registerPerson', () => {
  it('forms a person with a valid ЕНП of the region, document, coverage, attachment and events', async () => {
    const result = await registerPerson(
      adultInput({
        coverage: { insurerCode: '50001', subjectCode: '50', reason: 'new_policy', on: '2026-02-01' },
        attachment: { moCode: '500001' },
      }),
      meta,
    );
    expect(validateEnp(result.enp).ok).toBe(true);
    expect(result.enp.slice(0, 2)).toBe('50');

    const db = getDb();
    const [person] = await db.select().from(persons).where(eq(persons.id, result.personId));
    expect(person).toMatchObject({
      enp: result.enp,
      lastName: 'Смирнова',
      sex: 'F',
      birthDate: '1985-03-14',
      category: 1,
    });
    const [doc] = await db
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, result.personId));
    expect(doc).toMatchObject({ kind: 14, isCurrent: true });
    expect(doc!.series).toMatch(/^45\d{2}$/); // "45 10" normalised to "4510"
    const [cov] = await db.select().from(coverages).where(eq(coverages.personId, result.personId));
    expect(cov).toMatchObject({
      insurerCode: '50001',
      subjectCode: '50',
      status: 'active',
      validFrom: '2026-02-01',
      validTo: null,
      recordedTo: null,
    });
    const [att] = await db.select().from(attachments).where(eq(attachments.personId, result.personId));
    expect(att).toMatchObject({ moCode: '500001', validFrom: '2026-02-01' });
    const events = await db
      .select()
      .from(registerEvents)
      .where(eq(registerEvents.personId, result.personId))
      .orderBy(registerEvents.id);
    expect(events.map((e) => e.action)).toEqual([
      'person.registered',
      'document.added',
      'coverage.issued',
      'attachment.created',
    ]);
    expect(events.every((e) => e.actorKind === 'system' && e.actorId === 'test' && e.source === 'test')).toBe(
      true,
    );
  });

  it('assigns distinct ЕНП to every person', async () => {
    const a = await registerPerson(adultInput(), meta);
    const b = await registerPerson(adultInput(), meta);
    expect(a.enp).not.toBe(b.enp);
  });

  it('names every invalid field and writes nothing', async () => {
    const before = await rowCounts();
    const input = adultInput();
    input.person = {
      ...input.person,
      lastName: 'Smith',
      sex: 'X',
      birthDate: '31.02.1990',
      snils: '112-233-445 96',
    };
    input.document = { ...input.document, series: '45', number: '12' };
    input.coverage = { ...input.coverage, insurerCode: '50001' }; // serves 50, not 77
    const error = await rejection(registerPerson(input, meta));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.field).sort()).toEqual(
      [
        'coverage.insurerCode',
        'document.number',
        'document.series',
        'person.birthDate',
        'person.lastName',
        'person.sex',
        'person.snils',
      ].sort(),
    );
    expect(error.fields.find((f) => f.field === 'person.snils')?.code).toBe('SNILS_INVALID_CHECKSUM');
    expect(error.fields.every((f) => /[а-яё]/i.test(f.message))).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a document already registered to someone else and leaves no trace', async () => {
    const first = adultInput();
    await registerPerson(first, meta);
    const before = await rowCounts();
    const second = adultInput({
      document: { ...first.document, series: first.document.series!.replace(' ', '') },
    });
    const error = await rejection(registerPerson(second, meta));
    expect(error.code).toBe('DOCUMENT_ALREADY_REGISTERED');
    expect(error.fields[0]?.field).toBe('document.number');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses a СНИЛС already registered', async () => {
    const first = adultInput();
    await registerPerson(first, meta);
    const error = await rejection(
      registerPerson(adultInput({ person: { ...adultInput().person, snils: first.person.snils } }), meta),
    );
    expect(error.code).toBe('SNILS_ALREADY_REGISTERED');
  });

  it('refuses an attachment to a clinic of another region or a hospital', async () => {
    const other = await rejection(registerPerson(adultInput({ attachment: { moCode: '500001' } }), meta));
    expect(other.fields).toEqual([
      expect.objectContaining({ field: 'attachment.moCode', code: 'MO_NOT_IN_REGION' }),
    ]);
    const hospital = await rejection(registerPerson(adultInput({ attachment: { moCode: '770011' } }), meta));
    expect(hospital.fields).toEqual([
      expect.objectContaining({ field: 'attachment.moCode', code: 'MO_NOT_PRIMARY_CARE' }),
    ]);
  });

  it('links a child to the parent and counts the child as non-working', async () => {
    const parent = await registerPerson(adultInput(), meta);
    const child = await registerPerson(
      adultInput({
        person: {
          lastName: 'Смирнов',
          firstName: 'Артём',
          patronymic: 'Олегович',
          sex: 'M',
          birthDate: '2025-12-30',
          snils: null,
        },
        document: { kind: 3, series: 'iv-мю', number: '654321', issueDate: '2026-01-10' },
        coverage: { insurerCode: '77001', subjectCode: '77', reason: 'birth', on: '2025-12-30' },
        attachment: { moCode: '770009' },
        representative: { personId: parent.personId, kind: 'parent' },
      }),
      meta,
    );
    const db = getDb();
    const [rep] = await db.select().from(representations).where(eq(representations.childId, child.personId));
    expect(rep).toMatchObject({ representativeId: parent.personId, kind: 'parent', validFrom: '2025-12-30' });
    const [person] = await db.select().from(persons).where(eq(persons.id, child.personId));
    expect(person?.category).toBe(2);
    const [doc] = await db
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, child.personId));
    expect(doc?.series).toBe('IV-МЮ');
  });

  it('refuses a coverage start before the birth date', async () => {
    const input = adultInput({
      coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2015-01-01' },
    });
    input.person.birthDate = '2015-05-05';
    const error = await rejection(registerPerson(input, meta));
    expect(error.fields.map((f) => f.field)).toEqual(['coverage.on']);
  });

  it('is allowed to an insurer operator only for their own insurer', async () => {
    const operator = { kind: 'staff', id: 'op1', role: 'smo_operator', insurerCode: '77002' } as const;
    const denied = await rejection(registerPerson(adultInput(), metaAt('2026-03-10T09:00:00Z', operator)));
    expect(denied.code).toBe('FORBIDDEN');
    const ok = await registerPerson(
      adultInput({
        coverage: { insurerCode: '77002', subjectCode: '77', reason: 'new_policy', on: '2026-03-01' },
      }),
      metaAt('2026-03-10T09:00:00Z', operator),
    );
    expect(ok.personId).toBeGreaterThan(0);
  });
});
