import type { LocalDate } from '@/lib/domain/dates';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  coverages,
  feedEvents,
  identityDocuments,
  notifications,
  personFormerNames,
  persons,
  registerEvents,
  representations,
} from '@/db/schema';
import { findPeopleByNameAndBirth } from '@/lib/applications/register-search';
import { coverageOnDate } from '@/lib/register/coverage-queries';
import { registerPerson, type RegisterPersonInput } from '@/lib/register/register-person';
import { changeInsurer } from '@/lib/register/change-insurer';
import { event, birth, docNumber, lines, refOf, uniqueId } from '@/testing/feeds/events';
import { adultInput, metaAt } from '@/testing/register/people';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { applyFeedEvents } from './apply-feed-events';
import type { PersonRef } from './events';
import type { EventOutcome } from './outcome';

const now = new Date('2026-03-02T09:00:00Z');
const at = { now };

async function adult(overrides: Partial<RegisterPersonInput> = {}) {
  const input = adultInput(overrides);
  const r = await registerPerson(input, metaAt('2026-01-20T09:00:00Z'));
  return { ...r, ref: refOf({ ...input.person, enp: r.enp }), input };
}

async function one(
  source: 'zags' | 'mvd' | 'military',
  e: Parameters<typeof lines>[0],
): Promise<EventOutcome> {
  const [outcome] = await applyFeedEvents(source, lines(e), at);
  return outcome!;
}

const believed = (personId: number) =>
  getDb()
    .select()
    .from(coverages)
    .where(and(eq(coverages.personId, personId), isNull(coverages.recordedTo)))
    .orderBy(asc(coverages.validFrom));

const feedEventsOf = (personId: number) =>
  getDb().select().from(registerEvents).where(eq(registerEvents.personId, personId));

describe('ЗАГС birth.registered', () => {
  it('forms the child with an ЕНП, covered through the mother’s insurer, linked to her, and tells her', async () => {
    const mother = await adult({
      coverage: { insurerCode: '50001', subjectCode: '50', reason: 'new_policy', on: '2026-01-15' },
      attachment: { moCode: '500001' },
    });
    const e = birth(mother.ref);
    const outcome = await one('zags', e);
    expect(outcome).toMatchObject({ status: 'applied', eventId: e.eventId, line: 1 });
    if (outcome.status !== 'applied') throw new Error('not applied');
    expect(outcome.enp).toMatch(/^50\d{14}$/);
    const [child] = await getDb().select().from(persons).where(eq(persons.id, outcome.personId));
    expect(child).toMatchObject({
      lastName: 'Смирнов',
      firstName: 'Пётр',
      birthDate: '2026-02-20',
      citizenship: 'RUS',
    });
    expect(await believed(child!.id)).toMatchObject([
      { insurerCode: '50001', subjectCode: '50', status: 'active', reason: 'birth', validFrom: '2026-02-20' },
    ]);
    const [cert] = await getDb()
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, child!.id));
    expect(cert).toMatchObject({
      kind: 3,
      series: 'IV-МЮ',
      number: e.data.certificate.number,
      isCurrent: true,
    });
    const [link] = await getDb().select().from(representations).where(eq(representations.childId, child!.id));
    expect(link).toMatchObject({ representativeId: mother.personId, kind: 'parent' });
    const history = await feedEventsOf(child!.id);
    expect(history.length).toBeGreaterThanOrEqual(3);
    expect(history.every((h) => h.source === 'feed:zags' && h.actorKind === 'feed')).toBe(true);
    const [note] = await getDb()
      .select()
      .from(notifications)
      .where(eq(notifications.recipientSub, `person:${mother.personId}`));
    expect(note!.text).toContain('Выберите страховую компанию ребёнка');
    expect(note!.personId).toBe(child!.id);
    // The portal shows it to whoever signs in as the mother, whatever their account.
    const asMother = {
      kind: 'citizen' as const,
      id: 'esia-mother',
      personId: mother.personId,
      representedPersonIds: [],
      trusted: true,
    };
    expect((await listNotifications({}, asMother)).map((n) => n.id)).toEqual([note!.id]);
    const someoneElse = { ...asMother, id: 'esia-other', personId: mother.personId + 100_000 };
    expect(await listNotifications({}, someoneElse)).toEqual([]);
  });

  it('waits (pending) while the mother is not in the register, and applies when she appears', async () => {
    const input = adultInput({
      person: { ...adultInput().person, lastName: 'Кузнецова', firstName: 'Алла', birthDate: '1990-07-07' },
    });
    const e = birth(refOf({ ...input.person }), { lastName: 'Кузнецов', firstName: 'Игорь' });
    expect(await one('zags', e)).toMatchObject({
      status: 'pending',
      reason: { code: 'FEED_MOTHER_NOT_FOUND' },
    });
    const [kept] = await getDb().select().from(feedEvents).where(eq(feedEvents.eventId, e.eventId));
    expect(kept).toMatchObject({ status: 'pending', reasonCode: 'FEED_MOTHER_NOT_FOUND' });
    expect(kept!.payload).toEqual(e);

    // The mother arrives by МВД citizenship: the waiting birth is retried for her and applied.
    const citizen = event('citizenship.acquired', {
      person: {
        ...input.person,
        sex: 'F',
        lastName: 'Кузнецова',
        firstName: 'Алла',
        patronymic: 'Ивановна',
        birthDate: '1990-07-07',
        birthPlace: null,
        snils: null,
      },
      acquiredOn: '2026-01-10',
      passport: {
        series: '45 20',
        number: docNumber(),
        issueDate: '2026-01-10',
        issuer: 'ГУ МВД России по г. Москве',
      },
      region: '77',
    });
    expect(await one('mvd', citizen)).toMatchObject({ status: 'applied' });
    const [after] = await getDb().select().from(feedEvents).where(eq(feedEvents.eventId, e.eventId));
    expect(after).toMatchObject({ status: 'applied', payload: null, attempts: 2 });
    const kids = await findPeopleByNameAndBirth(getDb(), {
      lastName: 'Кузнецов',
      firstName: 'Игорь',
      patronymic: null,
      birthDate: '2026-02-20',
    });
    expect(kids).toHaveLength(1);
  });

  it('refuses a certificate that belongs to someone else, naming the field', async () => {
    const mother = await adult();
    const first = birth(mother.ref);
    await one('zags', first);
    const other = birth(mother.ref, { firstName: 'Иван' });
    other.data.certificate = first.data.certificate;
    const outcome = await one('zags', other);
    expect(outcome).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.certificate.number', code: 'DOCUMENT_ALREADY_REGISTERED' }],
    });
  });
});

describe('ЗАГС death.registered', () => {
  it('terminates coverage from the date of death; a second death is refused with the reason, not applied twice', async () => {
    const p = await adult();
    const e = event('death.registered', {
      person: p.ref,
      deathDate: '2026-02-10',
      certificate: { series: 'II-МЮ', number: docNumber(), issueDate: '2026-02-11', issuer: 'ЗАГС' },
    });
    expect(await one('zags', e)).toMatchObject({ status: 'applied', personId: p.personId });
    const [row] = await getDb().select().from(persons).where(eq(persons.id, p.personId));
    expect(row!.deathDate).toBe('2026-02-10');
    expect(await believed(p.personId)).toMatchObject([
      { status: 'active', validTo: '2026-02-10' },
      { status: 'terminated', reason: 'death', validFrom: '2026-02-10' },
    ]);
    const again = await one('zags', { ...e, eventId: uniqueId('death') });
    expect(again).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.person', code: 'PERSON_DECEASED' }],
    });
    expect(await believed(p.personId)).toHaveLength(2);
  });

  it('a death learnt after later changes ends coverage from that date retroactively, history kept', async () => {
    const p = await adult();
    await changeInsurer({ personId: p.personId, insurerCode: '77002' }, metaAt('2026-02-20T09:00:00Z'));
    const believedBefore = new Date();
    const e = event('death.registered', {
      person: p.ref,
      deathDate: '2026-02-01',
      certificate: { series: 'II-МЮ', number: docNumber(), issueDate: '2026-02-02', issuer: 'ЗАГС' },
    });
    expect(await one('zags', e)).toMatchObject({ status: 'applied' });
    expect(await believed(p.personId)).toMatchObject([
      { insurerCode: '77001', status: 'active', validFrom: '2026-01-15', validTo: '2026-02-01' },
      { insurerCode: '77001', status: 'terminated', reason: 'death', validFrom: '2026-02-01', validTo: null },
    ]);
    // Record time: what the register believed before is still answerable.
    const before = await coverageOnDate(getDb(), p.personId, '2026-02-25' as LocalDate, believedBefore);
    expect(before).toMatchObject({ insurerCode: '77002', status: 'active' });
  });

  it('an unknown person is kept pending with the reason', async () => {
    const e = event('death.registered', {
      person: { lastName: 'Неизвестный', firstName: 'Пётр', patronymic: null, birthDate: '1950-01-01' },
      deathDate: '2026-02-10',
      certificate: { series: 'II-МЮ', number: docNumber(), issueDate: '2026-02-11', issuer: 'ЗАГС' },
    });
    expect(await one('zags', e)).toMatchObject({
      status: 'pending',
      reason: { code: 'FEED_PERSON_NOT_FOUND' },
    });
  });

  it('an ЕНП of someone else (name or birth date differ) is refused, touching nobody', async () => {
    const p = await adult();
    const e = event('death.registered', {
      person: { ...p.ref, birthDate: '1970-01-01' },
      deathDate: '2026-02-10',
      certificate: { series: 'II-МЮ', number: docNumber(), issueDate: '2026-02-11', issuer: 'ЗАГС' },
    });
    expect(await one('zags', e)).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.person.enp', code: 'FEED_PERSON_MISMATCH' }],
    });
    const [row] = await getDb().select().from(persons).where(eq(persons.id, p.personId));
    expect(row!.deathDate).toBeNull();
  });
});

describe('ЗАГС name.changed', () => {
  it('updates the ФИО and keeps the old one in history, where search finds it', async () => {
    // A birth date of her own: found by name and birth date alone, she must be the only one.
    const p = await adult({ person: { ...adultInput().person, birthDate: '1979-11-23' } });
    const e = event('name.changed', {
      person: p.ref,
      newName: { lastName: 'Иванова', firstName: 'Ольга', patronymic: 'Ивановна' },
      changedOn: '2026-02-14',
      certificate: { series: 'I-МЮ', number: docNumber(), issueDate: '2026-02-14', issuer: 'ЗАГС' },
    });
    expect(await one('zags', e)).toMatchObject({ status: 'applied' });
    const [row] = await getDb().select().from(persons).where(eq(persons.id, p.personId));
    expect(row).toMatchObject({ lastName: 'Иванова', firstName: 'Ольга' });
    const former = await getDb()
      .select()
      .from(personFormerNames)
      .where(eq(personFormerNames.personId, p.personId));
    expect(former).toMatchObject([
      { lastName: 'Смирнова', firstName: 'Ольга', validTo: '2026-02-14', source: 'feed:zags' },
    ]);
    // A later event under the old name still finds her (by name and birth date, no ЕНП).
    const late = event('service.started', { person: { ...p.ref, enp: null }, startedOn: '2026-02-20' });
    expect(await one('military', late)).toMatchObject({ status: 'applied', personId: p.personId });
  });

  it('an older change learnt after a newer one only adds the old name to history', async () => {
    const p = await adult();
    const newer = event('name.changed', {
      person: p.ref,
      newName: { lastName: 'Петрова', firstName: 'Ольга', patronymic: 'Ивановна' },
      changedOn: '2026-02-20',
      certificate: { series: 'I-МЮ', number: docNumber(), issueDate: '2026-02-20', issuer: 'ЗАГС' },
    });
    const older = event('name.changed', {
      person: { ...p.ref, lastName: 'Дёмина' },
      newName: { lastName: 'Смирнова', firstName: 'Ольга', patronymic: 'Ивановна' },
      changedOn: '2026-01-01',
      certificate: { series: 'I-МЮ', number: docNumber(), issueDate: '2026-01-01', issuer: 'ЗАГС' },
    });
    expect(await one('zags', newer)).toMatchObject({ status: 'applied' });
    // The older event names her by an ЕНП and a name she had: the current name stays.
    older.data.person.lastName = 'Смирнова';
    expect(await one('zags', older)).toMatchObject({ status: 'applied' });
    const [row] = await getDb().select().from(persons).where(eq(persons.id, p.personId));
    expect(row!.lastName).toBe('Петрова');
    const former = await getDb()
      .select()
      .from(personFormerNames)
      .where(eq(personFormerNames.personId, p.personId))
      .orderBy(asc(personFormerNames.validTo));
    expect(former.map((f) => [f.lastName, f.validTo])).toEqual([
      ['Смирнова', '2026-01-01'],
      ['Смирнова', '2026-02-20'],
    ]);
  });
});

describe('МВД events', () => {
  const passport = () => ({
    series: '45 21',
    number: docNumber(),
    issueDate: '2026-02-01',
    issuer: 'ГУ МВД России по г. Москве',
  });

  it('citizenship.acquired forms a new citizen with ЕНП and an open-ended policy', async () => {
    const e = event('citizenship.acquired', {
      person: {
        lastName: 'Ахмедов',
        firstName: 'Рустам',
        patronymic: null,
        sex: 'M',
        birthDate: '1992-05-05',
        birthPlace: null,
        snils: null,
      },
      acquiredOn: '2026-02-01',
      passport: passport(),
      region: '77',
    });
    const outcome = await one('mvd', e);
    expect(outcome).toMatchObject({ status: 'applied' });
    if (outcome.status !== 'applied') throw new Error('not applied');
    expect(await believed(outcome.personId)).toMatchObject([
      {
        subjectCode: '77',
        status: 'active',
        reason: 'citizenship_acquired',
        validFrom: '2026-02-01',
        validTo: null,
      },
    ]);
  });

  it('residence permit → bounded coverage; citizenship later converts the same record, ЕНП kept', async () => {
    // One person in both events: the permit's foreigner who later becomes a citizen.
    const aliev = {
      lastName: 'Алиев',
      firstName: 'Тимур',
      patronymic: null,
      sex: 'M',
      birthDate: '1988-08-08',
      birthPlace: null,
      snils: null,
    } as const;
    const permit = event('residence-permit.issued', {
      person: { ...aliev, citizenship: 'UZB', enp: null },
      permit: {
        kind: 'residence_permit',
        series: '82',
        number: docNumber(),
        issueDate: '2025-06-01',
        issuer: 'УВМ ГУ МВД',
        validTo: '2030-05-31',
      },
      region: '77',
    });
    const first = await one('mvd', permit);
    if (first.status !== 'applied') throw new Error(JSON.stringify(first));
    expect(await believed(first.personId)).toMatchObject([
      { reason: 'residence_permit', validFrom: '2025-06-01', validTo: '2030-06-01' },
    ]);
    const citizen = event('citizenship.acquired', {
      person: { ...aliev, enp: first.enp },
      acquiredOn: '2026-02-01',
      passport: passport(),
      region: '77',
    });
    const second = await one('mvd', citizen);
    expect(second).toMatchObject({ status: 'applied', personId: first.personId, enp: first.enp });
    const [row] = await getDb().select().from(persons).where(eq(persons.id, first.personId));
    expect(row!.citizenship).toBe('RUS');
    expect(await believed(first.personId)).toMatchObject([
      { reason: 'residence_permit', validTo: '2026-02-01' },
      { reason: 'citizenship_acquired', validFrom: '2026-02-01', validTo: null },
    ]);
  });

  it('a permit annulled terminates coverage from that date and keeps the permit as invalid', async () => {
    const number = docNumber();
    const person = {
      lastName: 'Каримов',
      firstName: 'Азиз',
      patronymic: null,
      sex: 'M' as const,
      birthDate: '1991-01-01',
      birthPlace: null,
      snils: null,
    };
    const issued = await one(
      'mvd',
      event('residence-permit.issued', {
        person: { ...person, citizenship: 'TJK', enp: null },
        permit: {
          kind: 'temporary_permit',
          series: null,
          number,
          issueDate: '2025-09-01',
          issuer: 'УВМ',
          validTo: '2028-08-31',
        },
        region: '77',
      }),
    );
    if (issued.status !== 'applied') throw new Error(JSON.stringify(issued));
    const annulled = await one(
      'mvd',
      event('residence-permit.annulled', {
        person: { ...refOf(person), enp: issued.enp },
        permit: { kind: 'temporary_permit', series: null, number },
        annulledOn: '2026-02-15',
      }),
    );
    expect(annulled).toMatchObject({ status: 'applied' });
    expect(await believed(issued.personId)).toMatchObject([
      { status: 'active', validTo: '2026-02-15' },
      { status: 'terminated', reason: 'temporary_permit_annulled', validFrom: '2026-02-15' },
    ]);
    const [doc] = await getDb()
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, issued.personId));
    expect(doc).toMatchObject({ kind: 23, isCurrent: false });
  });

  it('passport.replaced keeps the old passport as invalid and makes the new one current', async () => {
    const p = await adult();
    const old = p.input.document;
    const e = event('passport.replaced', {
      person: p.ref,
      oldPassport: { series: old.series!, number: old.number },
      passport: passport(),
    });
    expect(await one('mvd', e)).toMatchObject({ status: 'applied' });
    const docs = await getDb()
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, p.personId))
      .orderBy(asc(identityDocuments.id));
    expect(docs.map((d) => [d.number, d.isCurrent])).toEqual([
      [old.number, false],
      [e.data.passport.number, true],
    ]);
  });

  it('passport.replaced naming a passport the person never had waits for it (pending)', async () => {
    const p = await adult();
    const e = event('passport.replaced', {
      person: p.ref,
      oldPassport: { series: '45 99', number: docNumber() },
      passport: passport(),
    });
    expect(await one('mvd', e)).toMatchObject({
      status: 'pending',
      reason: { code: 'FEED_DOCUMENT_NOT_FOUND' },
    });
  });

  it('passport.issued adds a current passport', async () => {
    const p = await adult({
      document: { kind: 3, series: 'IV-МЮ', number: docNumber(), issueDate: '1985-04-01', issuer: 'ЗАГС' },
    });
    const e = event('passport.issued', { person: p.ref, passport: passport() });
    expect(await one('mvd', e)).toMatchObject({ status: 'applied' });
    const docs = await getDb()
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, p.personId));
    expect(
      docs
        .filter((d) => d.isCurrent)
        .map((d) => d.kind)
        .sort(),
    ).toEqual([14, 3]);
  });
});

describe('military service', () => {
  /** Service from 01.02 to 25.02, each event stamped when it happened. */
  const serviceOf = (person: PersonRef) => ({
    ended: event('service.ended', { person, endedOn: '2026-02-25' }, '2026-02-25T12:00:00+03:00'),
    started: event('service.started', { person, startedOn: '2026-02-01' }, '2026-02-01T12:00:00+03:00'),
  });

  it('service.started suspends (military service); service.ended renews', async () => {
    const p = await adult();
    expect(
      await one('military', event('service.started', { person: p.ref, startedOn: '2026-02-01' })),
    ).toMatchObject({ status: 'applied' });
    expect(await believed(p.personId)).toMatchObject([
      { status: 'active', validTo: '2026-02-01' },
      { status: 'suspended', reason: 'military_service', validFrom: '2026-02-01' },
    ]);
    expect(
      await one('military', event('service.ended', { person: p.ref, endedOn: '2026-02-25' })),
    ).toMatchObject({ status: 'applied' });
    expect((await believed(p.personId)).at(-1)).toMatchObject({
      status: 'active',
      reason: 'renewal',
      validFrom: '2026-02-25',
    });
  });

  it('out of order across posts: an end before its start waits, and applies once the start arrives', async () => {
    const p = await adult();
    const { ended, started } = serviceOf(p.ref);
    expect(await one('military', ended)).toMatchObject({
      status: 'pending',
      reason: { code: 'COVERAGE_NOT_SUSPENDED' },
    });
    expect(await one('military', started)).toMatchObject({ status: 'applied' });
    expect((await believed(p.personId)).map((c) => [c.status, c.validFrom])).toEqual([
      ['active', '2026-01-15'],
      ['suspended', '2026-02-01'],
      ['active', '2026-02-25'],
    ]);
  });

  it('out of order in one post: applied by occurredAt, answered in the request’s order', async () => {
    const p = await adult();
    const { ended, started } = serviceOf(p.ref);
    const outcomes = await applyFeedEvents('military', lines(ended, started), at);
    expect(outcomes.map((o) => [o.line, o.eventId, o.status])).toEqual([
      [1, ended.eventId, 'applied'],
      [2, started.eventId, 'applied'],
    ]);
  });
});
