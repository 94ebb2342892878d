import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  accessLog,
  attachments,
  coverages,
  identityDocuments,
  persons,
  registerEvents,
  staffActions,
} from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { LocalDate } from '@/lib/domain/dates';
import { correctAttachment } from './correct-attachment';
import { correctCoverage } from './correct-coverage';
import { correctDocument } from './correct-document';
import { correctPersonData } from './correct-person-data';
import type { CorrectionAuthor } from './correction';
import { coverageOnDate } from './coverage-queries';
import { readPersonCard } from './person-card';
import { registerPerson } from './register-person';
import { searchRegister } from './search-register';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';

const tfoms77 = { kind: 'staff', id: 'tfoms77-fix', role: 'tfoms_operator', subjectCode: '77' } as const;
const author = (now: string, actor: CorrectionAuthor['actor'] = tfoms77): CorrectionAuthor => ({
  actor,
  staffId: null,
  login: actor.id,
  organisation: actor.role === 'tfoms_operator' ? `tfoms:${actor.subjectCode}` : 'ffoms',
  now: new Date(now),
});
const REASON = 'Ошибка при вводе, исправлено по паспорту';

async function newPerson(birthDate = '1990-05-05') {
  const input = adultInput({
    person: { lastName: 'Белова', firstName: 'Алёна', patronymic: 'Игоревна', sex: 'F', birthDate },
    coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2026-01-15' },
  });
  const made = await registerPerson(input, metaAt('2026-01-15T09:00:00Z'));
  return { ...made, input };
}

async function version(personId: number): Promise<number> {
  const [row] = await getDb().select({ v: persons.version }).from(persons).where(eq(persons.id, personId));
  return row!.v;
}

describe('correctPersonData', () => {
  it('changes the name with the reason in the event and the audit trail; the old name stays searchable', async () => {
    const p = await newPerson('1990-05-06');
    const result = await correctPersonData(
      {
        personId: p.personId,
        expectedVersion: await version(p.personId),
        reason: REASON,
        person: { ...p.input.person, lastName: 'Белова-Смирнова' },
      },
      author('2026-03-01T10:00:00Z'),
    );
    expect([result.before, result.after]).toEqual([{ lastName: 'Белова' }, { lastName: 'Белова-Смирнова' }]);
    const [event] = await getDb()
      .select()
      .from(registerEvents)
      .where(and(eq(registerEvents.personId, p.personId), eq(registerEvents.action, 'person.corrected')));
    expect([event!.actorKind, event!.actorId, event!.source, event!.reason]).toEqual([
      'staff',
      'tfoms77-fix',
      'console',
      REASON,
    ]);
    const [action] = await getDb().select().from(staffActions).where(eq(staffActions.personId, p.personId));
    expect([action!.action, action!.login, action!.organisationCode, action!.targetKind]).toEqual([
      'person_corrected',
      'tfoms77-fix',
      'tfoms:77',
      'person',
    ]);

    const search = (fullName: string) =>
      searchRegister(tfoms77, { kind: 'name', fullName, birthDate: '1990-05-06' });
    const byOld = await search('Белова Алена Игоревна');
    expect(byOld.hits.map((h) => [h.personId, h.lastName, h.match])).toEqual([
      [
        p.personId,
        'Белова-Смирнова',
        { kind: 'name', matchedName: 'Белова Алёна Игоревна', former: true, similarity: 1 },
      ],
    ]);
    const byNew = await search('Белова-Смирнова Алёна Игоревна');
    expect(byNew.hits.map((h) => h.match)).toMatchObject([{ kind: 'name', former: false }]);
  });

  it('refuses a stale version with CONFLICT naming who changed the person, and writes nothing', async () => {
    const p = await newPerson();
    const seen = await version(p.personId);
    const first = { personId: p.personId, expectedVersion: seen, reason: REASON };
    await correctPersonData(
      { ...first, person: { ...p.input.person, firstName: 'Алина' } },
      author('2026-03-01T10:00:00Z'),
    );
    const error = await rejection(
      correctPersonData(
        { ...first, person: { ...p.input.person, firstName: 'Алла' } },
        author('2026-03-01T10:01:00Z', { kind: 'staff', id: 'admin-2', role: 'ffoms_admin' }),
      ),
    );
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('tfoms77-fix');
    const [row] = await getDb().select().from(persons).where(eq(persons.id, p.personId));
    expect([row!.firstName, row!.version]).toEqual(['Алина', seen + 1]);
  });

  it('checks permission first, then the version, then every field, the reason included', async () => {
    const p = await newPerson();
    const other: Actor = { kind: 'staff', id: 'tfoms50', role: 'tfoms_operator', subjectCode: '50' };
    const smo: Actor = { kind: 'staff', id: 'smo77001', role: 'smo_operator', insurerCode: '77001' };
    const bad = {
      personId: p.personId,
      expectedVersion: 999,
      reason: '',
      person: { ...p.input.person, sex: 'X' },
    };
    for (const actor of [other, smo]) {
      const e = await rejection(correctPersonData(bad, author('2026-03-01T10:00:00Z', actor)));
      expect(e.code).toBe('FORBIDDEN');
    }
    expect((await rejection(correctPersonData(bad, author('2026-03-01T10:00:00Z')))).code).toBe('CONFLICT');
    const invalid = await rejection(
      correctPersonData(
        { ...bad, expectedVersion: await version(p.personId) },
        author('2026-03-01T10:00:00Z'),
      ),
    );
    expect(invalid.fields.map((f) => [f.field, f.code])).toEqual([
      ['reason', 'CORRECTION_REASON_REQUIRED'],
      ['sex', 'PERSON_SEX_INVALID'],
    ]);
    const same = await rejection(
      correctPersonData(
        {
          personId: p.personId,
          expectedVersion: await version(p.personId),
          reason: REASON,
          person: p.input.person,
        },
        author('2026-03-01T10:00:00Z'),
      ),
    );
    expect(same.code).toBe('CORRECTION_NO_CHANGE');
  });
});

describe('correctDocument and correctAttachment', () => {
  it('corrects a document number and an attachment, keeping the earlier values in the events', async () => {
    const p = await newPerson();
    const [doc] = await getDb()
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, p.personId));
    await correctDocument(
      {
        personId: p.personId,
        expectedVersion: await version(p.personId),
        reason: REASON,
        documentId: doc!.id,
        document: { series: doc!.series, number: '765432', issueDate: '2010-04-01', issuer: doc!.issuer },
      },
      author('2026-03-02T10:00:00Z'),
    );
    const [att] = await getDb().select().from(attachments).where(eq(attachments.personId, p.personId));
    await correctAttachment(
      {
        personId: p.personId,
        expectedVersion: await version(p.personId),
        reason: REASON,
        attachmentId: att!.id,
        moCode: '770002',
        validFrom: '2026-01-20',
      },
      author('2026-03-02T10:05:00Z'),
    );
    const [docNow] = await getDb().select().from(identityDocuments).where(eq(identityDocuments.id, doc!.id));
    const [attNow] = await getDb().select().from(attachments).where(eq(attachments.id, att!.id));
    expect([docNow!.number, docNow!.issueDate, attNow!.moCode, attNow!.validFrom]).toEqual([
      '765432',
      '2010-04-01',
      '770002',
      '2026-01-20',
    ]);
    const events = await getDb()
      .select({ action: registerEvents.action, data: registerEvents.data })
      .from(registerEvents)
      .where(eq(registerEvents.personId, p.personId))
      .orderBy(registerEvents.id);
    expect(events.slice(-2)).toEqual([
      {
        action: 'document.corrected',
        data: {
          before: { kind: 14, number: doc!.number, issueDate: doc!.issueDate },
          after: { number: '765432', issueDate: '2010-04-01' },
        },
      },
      {
        action: 'attachment.corrected',
        data: {
          before: { moCode: '770001', validFrom: '2026-01-15' },
          after: { moCode: '770002', validFrom: '2026-01-20' },
        },
      },
    ]);
  });

  it('names a clinic of another region and refuses a document of someone else', async () => {
    const p = await newPerson();
    const stranger = await newPerson('1991-01-01');
    const [att] = await getDb().select().from(attachments).where(eq(attachments.personId, p.personId));
    const wrongMo = await rejection(
      correctAttachment(
        {
          personId: p.personId,
          expectedVersion: await version(p.personId),
          reason: REASON,
          attachmentId: att!.id,
          moCode: '500001',
          validFrom: '2026-01-15',
        },
        author('2026-03-02T10:00:00Z'),
      ),
    );
    expect(wrongMo.fields.map((f) => [f.field, f.code])).toEqual([['moCode', 'MO_NOT_IN_REGION']]);
    const [otherDoc] = await getDb()
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, stranger.personId));
    const foreign = await rejection(
      correctDocument(
        {
          personId: p.personId,
          expectedVersion: await version(p.personId),
          reason: REASON,
          documentId: otherDoc!.id,
          document: { number: '111111', series: '45 00' },
        },
        author('2026-03-02T10:00:00Z'),
      ),
    );
    expect(foreign.code).toBe('CORRECTION_TARGET_NOT_FOUND');
  });
});

describe('correctCoverage (retroactive) and the card', () => {
  let personId: number;
  const correctedAt = '2026-03-05T12:00:00Z';
  // Record time is the database's clock (not the injectable business clock): instants around the write.
  let beforeCorrection: Date;
  let afterCorrection: Date;

  beforeAll(async () => {
    const p = await newPerson('1992-02-02');
    personId = p.personId;
    const [period] = await getDb().select().from(coverages).where(eq(coverages.personId, personId));
    // The policy was really issued by 77002 from 10 January: corrected on 5 March.
    beforeCorrection = new Date();
    await correctCoverage(
      {
        personId,
        expectedVersion: await version(personId),
        reason: 'Ошибка оператора СМО при вводе, исправлено по заявлению',
        coverageId: period!.id,
        insurerCode: '77002',
        subjectCode: '77',
        validFrom: '2026-01-10',
        validTo: null,
      },
      author(correctedAt),
    );
    afterCorrection = new Date();
  });

  it('answers "coverage on D as known at T" the old way before the correction and the new way after', async () => {
    const db = getDb();
    const on = '2026-01-12' as LocalDate;
    const before = await coverageOnDate(db, personId, on, beforeCorrection);
    const after = await coverageOnDate(db, personId, on, afterCorrection);
    const now = await coverageOnDate(db, personId, on);
    expect([before, after?.insurerCode, now?.insurerCode]).toEqual([null, '77002', '77002']);
    const jan20Before = await coverageOnDate(db, personId, '2026-01-20' as LocalDate, beforeCorrection);
    expect(jan20Before?.insurerCode).toBe('77001');
  });

  it('shows both timelines on the card and logs the opening with its purpose', async () => {
    const viewer: Actor = { kind: 'staff', id: 'tfoms77-card', role: 'tfoms_operator', subjectCode: '77' };
    const card = await readPersonCard(viewer, {
      personId,
      purpose: 'application',
      applicationNumber: '2026-00000042',
      knownAt: beforeCorrection,
    });
    expect(card.coverage.map((c) => [c.insurerCode, c.validFrom])).toEqual([['77002', '2026-01-10']]);
    expect(card.coverageKnownAt?.periods.map((c) => [c.insurerCode, c.validFrom])).toEqual([
      ['77001', '2026-01-15'],
    ]);
    expect(
      card.corrections.map((c) => c.recordedAt >= beforeCorrection && c.recordedAt <= afterCorrection),
    ).toEqual([true]);
    expect(card.events.map((e) => e.action)).toContain('coverage.corrected');
    const [logged] = await getDb().select().from(accessLog).where(eq(accessLog.actorId, viewer.id));
    expect([
      logged!.personId,
      logged!.channel,
      logged!.purpose,
      logged!.organisationCode,
      logged!.details,
    ]).toEqual([personId, 'console', 'card:application', 'tfoms:77', 'заявление 2026-00000042']);
    expect(card.accessLog.map((r) => r.actorId)).toContain(viewer.id);
  });

  it('refuses the card out of scope, before logging anything, and asks for a purpose', async () => {
    const outsider: Actor = {
      kind: 'staff',
      id: 'smo77001-card',
      role: 'smo_operator',
      insurerCode: '77001',
    };
    expect((await rejection(readPersonCard(outsider, { personId, purpose: 'citizen_request' }))).code).toBe(
      'FORBIDDEN',
    );
    const insurer: Actor = { kind: 'staff', id: 'smo77002-card', role: 'smo_operator', insurerCode: '77002' };
    expect((await readPersonCard(insurer, { personId, purpose: 'citizen_request' })).person.id).toBe(
      personId,
    );
    const noPurpose = await rejection(readPersonCard(insurer, { personId, purpose: 'curiosity' as never }));
    expect(noPurpose.fields.map((f) => f.field)).toEqual(['purpose']);
    const noNumber = await rejection(readPersonCard(insurer, { personId, purpose: 'application' }));
    expect(noNumber.fields.map((f) => f.field)).toEqual(['applicationNumber']);
    const logged = await getDb().select().from(accessLog).where(eq(accessLog.personId, personId));
    expect(logged.filter((r) => r.actorId === outsider.id)).toEqual([]);
    expect(logged.filter((r) => r.actorId === insurer.id).map((r) => r.purpose)).toEqual([
      'card:citizen_request',
    ]);
  });

  it('refuses a corrected period that ends before it starts, writing nothing', async () => {
    const p = await newPerson('1993-03-03');
    const [period] = await getDb().select().from(coverages).where(eq(coverages.personId, p.personId));
    const error = await rejection(
      correctCoverage(
        {
          personId: p.personId,
          expectedVersion: await version(p.personId),
          reason: REASON,
          coverageId: period!.id,
          insurerCode: '77001',
          subjectCode: '77',
          validFrom: '2026-02-01',
          validTo: '2026-01-20',
        },
        author('2026-03-02T10:00:00Z'),
      ),
    );
    expect(error.fields.map((f) => [f.field, f.code])).toEqual([['validTo', 'DATE_RANGE_INVALID']]);
  });
});
