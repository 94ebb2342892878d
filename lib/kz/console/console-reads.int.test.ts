import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { osmsStatusOn } from '@/lib/domain/kz';
import { rejection } from '@/testing/expect-error';
import { citizen, d, membership, osmsParameters, paid } from '@/testing/kz/osms';
import { addKzFacts, createKzPerson, TEST_PDF } from '@/testing/kz/register';
import { readKzPersonCard } from './read-kz-person-card';
import { readTemporaryDocument } from './read-temporary-document';
import { searchKzPersons } from './search-kz-persons';

const admin: Actor = { kind: 'staff', id: 'kz-console-admin', role: 'ffoms_admin' };
const citizenActor: Actor = {
  kind: 'citizen',
  id: 'kz-citizen',
  personId: null,
  representedPersonIds: [],
} as unknown as Actor;
const NOW = new Date('2026-06-15T06:00:00Z');

async function accessRows(actorId: string) {
  const { rows } = await getDb().execute<{
    person_id: string | null;
    purpose: string;
    result: string;
    details: string | null;
  }>(
    sql`select person_id::text, purpose, result, details from access_log where actor_id = ${actorId} order by id`,
  );
  return rows;
}

describe('searchKzPersons: the console search of a Kazakh register', () => {
  it('finds a person by ИИН and logs the person shown with the match', async () => {
    const actor: Actor = { ...admin, id: 'kz-search-iin' };
    const person = await createKzPerson(getDb(), { name: { lastName: 'Нурланова', firstName: 'Динара' } });
    const result = await searchKzPersons(actor, { kind: 'iin', iin: person.iin });
    expect(result.hits).toEqual([
      expect.objectContaining({
        personId: person.id,
        iin: person.iin,
        lastName: 'Нурланова',
        match: { kind: 'iin' },
      }),
    ]);
    const log = await accessRows(actor.id);
    expect(log).toEqual([
      expect.objectContaining({ person_id: String(person.id), purpose: 'register_search', result: 'found' }),
    ]);
  });

  it('finds the surviving record by a merged duplicate’s ИИН, as every door does', async () => {
    const duplicate = await createKzPerson(getDb());
    const survivor = await createKzPerson(getDb());
    await getDb().execute(sql`update persons set merged_into_id = ${survivor.id} where id = ${duplicate.id}`);
    const result = await searchKzPersons(admin, { kind: 'iin', iin: duplicate.iin });
    expect(result.hits.map((h) => [h.personId, h.iin])).toEqual([[survivor.id, survivor.iin]]);
  });

  it('finds a person by a misspelt name with the birth date, and nobody born on another day', async () => {
    const actor: Actor = { ...admin, id: 'kz-search-name' };
    const person = await createKzPerson(getDb(), {
      name: { lastName: 'Жумабекова', firstName: 'Сауле', patronymic: 'Маратовна' },
      birthDate: '1979-11-02',
    });
    const byName = await searchKzPersons(actor, {
      kind: 'name',
      fullName: 'Жумабекова Сауле Маратовн',
      birthDate: '02.11.1979',
    });
    expect(byName.hits.map((h) => h.personId)).toEqual([person.id]);
    expect(byName.hits[0]!.match).toMatchObject({ kind: 'name', former: false });
    const otherDay = await searchKzPersons(actor, {
      kind: 'name',
      fullName: 'Жумабекова Сауле Маратовна',
      birthDate: '03.11.1979',
    });
    expect(otherDay.hits).toEqual([]);
    expect((await accessRows(actor.id)).map((r) => r.result)).toEqual(['found', 'not_found']);
  });

  it('shows nobody to a regional operator, who may not read Kazakh persons at large', async () => {
    const operator: Actor = {
      kind: 'staff',
      id: 'kz-search-operator',
      role: 'tfoms_operator',
      subjectCode: '10',
    };
    const person = await createKzPerson(getDb());
    expect((await searchKzPersons(admin, { kind: 'iin', iin: person.iin })).hits).toHaveLength(1);
    expect((await searchKzPersons(operator, { kind: 'iin', iin: person.iin })).hits).toEqual([]);
    expect(await accessRows(operator.id)).toEqual([
      expect.objectContaining({ person_id: null, result: 'not_found' }),
    ]);
  });

  it('names every failed check of an ИИН and refuses anyone but staff before reading', async () => {
    const wrongDigit = await rejection(searchKzPersons(admin, { kind: 'iin', iin: '880315400001' }));
    expect(wrongDigit.code).toBe('VALIDATION_FAILED');
    expect(wrongDigit.fields.map((f) => [f.field, f.code])).toContainEqual(['iin', 'IIN_INVALID_CHECKSUM']);
    const short = await rejection(searchKzPersons(admin, { kind: 'iin', iin: '12345' }));
    expect(short.fields.map((f) => f.code)).toEqual(['IIN_INVALID_FORMAT']);
    const refused = await rejection(searchKzPersons(citizenActor, { kind: 'iin', iin: '12345' }));
    expect(refused.code).toBe('FORBIDDEN');
  });
});

describe('readKzPersonCard: the ОСМС card of the fund’s console', () => {
  it('shows the status today, its 24-month history from the rule, every payment (retracted marked) and logs the opening', async () => {
    const actor: Actor = { ...admin, id: 'kz-card-reader' };
    const facts = citizen({
      contributions: [
        paid('employer', '2026-04', '2026-04-20', 14_000),
        paid('employer', '2026-05', '2026-05-20', 14_000),
      ],
      memberships: [membership('FULL_TIME_STUDENT', '2022-09-01', '2025-06-30')],
    });
    const person = await createKzPerson(getDb(), { facts });
    await addKzFacts(getDb(), person.id, {
      contributions: [paid('self', '2026-06', '2026-06-01', 4250)],
      iin: person.iin,
    });
    await getDb().execute(
      sql`update kz_contributions set retracted_at = now() where person_id = ${person.id} and payer_kind = 'self'`,
    );

    const card = await readKzPersonCard(actor, { personId: person.id, purpose: 'citizen_request', now: NOW });
    expect(card.today).toBe('2026-06-15');
    expect(card.status).toEqual(osmsStatusOn(osmsParameters, facts, d('2026-06-15')));
    expect(card.status).toMatchObject({ insured: true, code: 'EMPLOYER_CONTRIBUTIONS' });
    const monthStarts = card.timeline.filter((e) => e.monthStart).map((e) => e.on);
    expect(monthStarts).toHaveLength(24);
    expect(monthStarts[0]).toBe('2024-07-01');
    expect(monthStarts.at(-1)).toBe('2026-06-01');
    for (const e of card.timeline) expect(e.status).toEqual(osmsStatusOn(osmsParameters, facts, e.on));
    // the student's grace period ended 30.09.2025; the employer's money of April arrived on 20.04.2026
    expect(card.timeline.filter((e) => e.changed).map((e) => [e.on, e.status.code])).toEqual([
      ['2025-07-01', 'GRACE_AFTER_CATEGORY'],
      ['2025-10-01', 'GRACE_ENDED'],
      ['2026-04-20', 'EMPLOYER_CONTRIBUTIONS'],
    ]);
    expect(card.ledger.map((r) => [r.month, r.payerKind, r.amount, r.retractedAt !== null])).toEqual([
      ['2026-06', 'self', '4250.00', true],
      ['2026-05', 'employer', '14000.00', false],
      ['2026-04', 'employer', '14000.00', false],
    ]);
    expect(card.read.contributions).toHaveLength(2);
    expect(card.read.memberships.map((m) => m.category)).toEqual(['FULL_TIME_STUDENT']);
    expect(card.knownAt).toBeNull();
    expect(await accessRows(actor.id)).toEqual([
      expect.objectContaining({
        person_id: String(person.id),
        purpose: 'card:citizen_request',
        result: 'found',
      }),
    ]);
  });

  it('shows the status as known at an earlier instant: a category whose data arrived later is not in it', async () => {
    const actor: Actor = { ...admin, id: 'kz-card-known-at' };
    const person = await createKzPerson(getDb(), { recordedAt: new Date('2026-01-10T00:00:00Z') });
    await addKzFacts(
      getDb(),
      person.id,
      { memberships: [membership('DISABILITY', '2026-03-01', null, '2026-05-02')] },
      new Date('2026-05-02T05:00:00Z'),
    );
    const card = await readKzPersonCard(actor, {
      personId: person.id,
      purpose: 'supervision',
      knownAt: new Date('2026-04-30T19:00:00Z'),
      now: NOW,
    });
    expect(card.status).toMatchObject({ insured: true, code: 'STATE_CATEGORY' });
    expect(card.knownAt!.status).toMatchObject({ insured: false, code: 'NO_CONTRIBUTIONS' });
    expect(card.knownAt!.timeline.some((e) => e.status.insured)).toBe(false);
    expect(card.timeline.filter((e) => e.changed).map((e) => [e.on, e.status.code])).toEqual([
      ['2026-05-02', 'STATE_CATEGORY'],
    ]);
    expect((await accessRows(actor.id)).map((r) => r.purpose)).toEqual([
      'card:supervision',
      'card:supervision',
    ]);
  });

  it('refuses a citizen, an unknown person and a purpose not on the list — and reads nothing', async () => {
    const actor: Actor = { ...admin, id: 'kz-card-refusals' };
    expect(
      (await rejection(readKzPersonCard(citizenActor, { personId: 1, purpose: 'citizen_request' }))).code,
    ).toBe('FORBIDDEN');
    expect(
      (await rejection(readKzPersonCard(actor, { personId: 999_999_999, purpose: 'citizen_request' }))).code,
    ).toBe('PERSON_NOT_FOUND');
    const purpose = await rejection(
      readKzPersonCard(actor, { personId: 1, purpose: 'application' as unknown as 'citizen_request' }),
    );
    expect(purpose.fields.map((f) => f.field)).toEqual(['purpose']);
    expect(await accessRows(actor.id)).toEqual([]);
  });
});

describe('readTemporaryDocument: the document behind a temporary status', () => {
  it('gives staff the stored bytes of the person’s own status and logs the download', async () => {
    const actor: Actor = { ...admin, id: 'kz-document-reader' };
    const person = await createKzPerson(getDb(), {
      facts: {
        temporaryStatuses: [
          { category: 'CHILDREN', uploadedOn: d('2026-06-01'), uploadedBy: 'clinic', revokedOn: null },
        ],
      },
    });
    const other = await createKzPerson(getDb());
    const card = await readKzPersonCard(actor, {
      personId: person.id,
      purpose: 'temporary_status',
      now: NOW,
    });
    const [status] = card.read.temporaryStatuses;
    expect(status!.lastDay).toBe('2026-06-30');
    const doc = await readTemporaryDocument(actor, { personId: person.id, temporaryStatusId: status!.id });
    expect(doc).toEqual({ name: 'spravka.pdf', type: 'application/pdf', bytes: TEST_PDF });
    const log = await accessRows(actor.id);
    expect(log.at(-1)).toMatchObject({ person_id: String(person.id), purpose: 'temporary_status_document' });

    const elsewhere = await rejection(
      readTemporaryDocument(actor, { personId: other.id, temporaryStatusId: status!.id }),
    );
    expect(elsewhere.code).toBe('KZ_TEMPORARY_STATUS_NOT_FOUND');
    const citizen = await rejection(
      readTemporaryDocument(citizenActor, { personId: person.id, temporaryStatusId: status!.id }),
    );
    expect(citizen.code).toBe('FORBIDDEN');
    expect((await accessRows(actor.id)).length).toBe(log.length);
  });
});
