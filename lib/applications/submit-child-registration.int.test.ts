import { and, eq, isNull } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { coverages, registerEvents, representations } from '@/db/schema';
import { validateEnp } from '@/lib/domain/ru/enp';
import { getMyPolicy } from '@/lib/portal/get-my-policy';
import { listMyPeople } from '@/lib/portal/list-my-people';
import { registerPerson } from '@/lib/register/register-person';
import { terminatePolicy } from '@/lib/register/terminate-policy';
import { rejection } from '@/testing/expect-error';
import { metaAt } from '@/testing/register/people';
import { checkInsurerChange } from './check-insurer-change';
import { submitChildRegistration, type SubmitChildRegistrationInput } from './submit-child-registration';
import {
  applicationsOf,
  citizen,
  countPersonsWithDocument,
  newCertificate,
  notificationsOf,
  registeredCitizen,
} from '@/testing/applications/citizens';

const now = new Date('2026-03-10T09:00:00Z');

let born = 0;
function childInput(overrides: Partial<SubmitChildRegistrationInput> = {}): SubmitChildRegistrationInput {
  born++;
  const birthDate = `2025-${String(1 + (born % 10)).padStart(2, '0')}-${String(1 + ((born * 7 + process.pid) % 28)).padStart(2, '0')}`;
  return {
    child: { lastName: 'Смирнов', firstName: 'Миша', patronymic: 'Олегович', sex: 'M', birthDate },
    certificate: newCertificate(),
    insurerCode: '77002',
    ...overrides,
  };
}

/** A newborn formed from a ЗАГС record: covered through the mother's insurer, no representative yet. */
async function childFromZags(input: SubmitChildRegistrationInput, insurerCode = '77001', subjectCode = '77') {
  return registerPerson(
    {
      person: { ...input.child, snils: null },
      document: {
        kind: 3,
        series: input.certificate.series,
        number: input.certificate.number,
        issueDate: input.certificate.issueDate,
      },
      coverage: { insurerCode, subjectCode, reason: 'birth', on: input.child.birthDate },
      attachment: null,
    },
    metaAt('2025-11-21T09:00:00Z', { kind: 'feed', id: 'zags-1', source: 'zags' }, 'feed:zags'),
  );
}

describe('submitChildRegistration (journey 2)', () => {
  it('registers a new child: ЕНП, policy with the chosen insurer, the parent as representative; the child is in the cabinet at once', async () => {
    const parent = await registeredCitizen();
    const input = childInput();
    const result = await submitChildRegistration(input, parent.actor, { now });

    expect(result.outcome).toBe('registered');
    expect(result.policy).toBe('issued');
    expect(validateEnp(result.child!.enp).ok).toBe(true);
    expect(result.application).toMatchObject({
      kind: 'child_registration',
      status: 'done',
      subjectPersonId: result.child!.personId,
    });

    const db = getDb();
    const [rep] = await db
      .select()
      .from(representations)
      .where(eq(representations.childId, result.child!.personId));
    expect(rep).toMatchObject({ representativeId: parent.personId, kind: 'parent' });
    const [cov] = await db.select().from(coverages).where(eq(coverages.personId, result.child!.personId));
    expect(cov).toMatchObject({ insurerCode: '77002', subjectCode: '77', status: 'active', reason: 'birth' });

    // The session's list of children is stale (empty); the register is asked instead.
    expect(parent.actor.representedPersonIds).toEqual([]);
    const people = await listMyPeople(parent.actor, { now });
    expect(people.map((p) => [p.personId, p.self])).toEqual([
      [parent.personId, true],
      [result.child!.personId, false],
    ]);
    const policy = await getMyPolicy({ subjectPersonId: result.child!.personId }, parent.actor, { now });
    expect(policy).toMatchObject({ enp: result.child!.enp, self: false });
    expect(policy.insurer?.code).toBe('77002');

    const messages = await notificationsOf(parent.actor.id);
    expect(messages.map((m) => m.text)).toEqual([
      expect.stringContaining('«Полис ОМС для ребёнка» отправлено') as unknown,
      expect.stringContaining('Смирнов Миша Олегович') as unknown,
    ]);
  });

  it('matches a child already formed from a ЗАГС record instead of creating a second person; the first choice of insurer is not a yearly change', async () => {
    const parent = await registeredCitizen();
    const input = childInput({
      child: {
        lastName: 'Кузнецова',
        firstName: 'Алёна',
        patronymic: null,
        sex: 'F',
        birthDate: '2025-10-01',
      },
    });
    const zags = await childFromZags(input);
    const result = await submitChildRegistration(
      { ...input, child: { ...input.child, lastName: 'кузнецова', firstName: 'Алена' } },
      parent.actor,
      { now },
    );

    expect(result.outcome).toBe('matched');
    expect(result.policy).toBe('insurer_chosen');
    expect(result.child).toEqual({ personId: zags.personId, enp: zags.enp });
    expect(await countPersonsWithDocument(3, input.certificate.series, input.certificate.number)).toBe(1);

    const db = getDb();
    const [rep] = await db.select().from(representations).where(eq(representations.childId, zags.personId));
    expect(rep).toMatchObject({
      representativeId: parent.personId,
      validFrom: '2025-10-01',
      validTo: '2043-10-01',
    });
    const [open] = await db
      .select()
      .from(coverages)
      .where(
        and(eq(coverages.personId, zags.personId), isNull(coverages.recordedTo), isNull(coverages.validTo)),
      );
    expect(open).toMatchObject({ insurerCode: '77002' });
    const [event] = await db
      .select()
      .from(registerEvents)
      .where(
        and(
          eq(registerEvents.personId, zags.personId),
          eq(registerEvents.action, 'coverage.insurer_changed'),
        ),
      );
    expect(event!.data).toMatchObject({ basis: 'first_choice' });
    expect(event!.reason).toBe(`Заявление № ${result.application.number}`);

    const check = await checkInsurerChange({ subjectPersonId: zags.personId }, parent.actor, { now });
    expect(check).toMatchObject({ allowed: true, basis: 'annual' });
  });

  it('matching a child whose insurer is already the chosen one keeps the policy', async () => {
    const parent = await registeredCitizen();
    const input = childInput({ insurerCode: '77001' });
    const zags = await childFromZags(input, '77001');
    const result = await submitChildRegistration(input, parent.actor, { now });
    expect(result).toMatchObject({ outcome: 'matched', policy: 'kept', child: { personId: zags.personId } });
  });

  it('matching a child whose policy ended (not by death) issues a new one with the chosen insurer', async () => {
    const parent = await registeredCitizen();
    const input = childInput();
    const zags = await childFromZags(input);
    await terminatePolicy(
      { personId: zags.personId, reason: 'citizenship_ended', on: '2026-01-20' },
      metaAt('2026-01-20T09:00:00Z'),
    );
    const result = await submitChildRegistration(input, parent.actor, { now });
    expect(result).toMatchObject({ outcome: 'matched', policy: 'issued' });
    const [open] = await getDb()
      .select()
      .from(coverages)
      .where(
        and(eq(coverages.personId, zags.personId), isNull(coverages.recordedTo), isNull(coverages.validTo)),
      );
    expect(open).toMatchObject({
      status: 'active',
      insurerCode: '77002',
      validFrom: '2026-03-10',
      reason: 'birth',
    });
  });

  describe('sent to an operator', () => {
    it('the certificate is in the register with another child’s data', async () => {
      const parent = await registeredCitizen();
      const input = childInput();
      await childFromZags(input);
      const result = await submitChildRegistration(
        { ...input, child: { ...input.child, firstName: 'Михаил' } },
        parent.actor,
        { now },
      );
      expect(result.outcome).toBe('queued');
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['DATA_MISMATCH']);
      expect(result.application.status).toBe('submitted');
      expect(result.application.dueAt).toEqual(new Date('2026-03-11T20:59:59.999Z'));
      const [rep] = await getDb()
        .select()
        .from(representations)
        .where(eq(representations.representativeId, parent.personId));
      expect(rep).toBeUndefined();
    });

    it('the child already has another representative', async () => {
      const other = await registeredCitizen();
      const first = childInput();
      const registered = await submitChildRegistration(first, other.actor, { now });
      expect(registered.outcome).toBe('registered');
      const parent = await registeredCitizen();
      const result = await submitChildRegistration(first, parent.actor, { now });
      expect(result.outcome).toBe('queued');
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['OTHER_REPRESENTATIVE']);
      await expect(
        getMyPolicy({ subjectPersonId: registered.child!.personId }, parent.actor, { now }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    });

    it('a child with the same ФИО and birth date but without this certificate is in the register', async () => {
      const parent = await registeredCitizen();
      const first = childInput({
        child: {
          lastName: 'Двойнов',
          firstName: 'Пётр',
          patronymic: null,
          sex: 'M',
          birthDate: '2024-02-29',
        },
      });
      await childFromZags(first);
      const result = await submitChildRegistration(
        { ...first, certificate: newCertificate() },
        parent.actor,
        { now },
      );
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['DUPLICATE_PERSON']);
    });
  });

  it('reports every invalid field at once and records nothing', async () => {
    const parent = await registeredCitizen();
    const error = await rejection(
      submitChildRegistration(
        {
          child: { lastName: 'Smith', firstName: '', sex: 'X', birthDate: '2001-01-01' },
          certificate: { series: 'IIII-МЮ', number: '12345', issueDate: '2000-12-31', zagsName: ' ' },
          insurerCode: '50001',
        },
        parent.actor,
        { now },
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.field).sort()).toEqual([
      'certificate.issueDate',
      'certificate.number',
      'certificate.series',
      'certificate.zagsName',
      'child.birthDate',
      'child.firstName',
      'child.lastName',
      'child.sex',
      'insurerCode',
    ]);
    expect(error.fields.find((f) => f.field === 'insurerCode')!.code).toBe('INSURER_NOT_SERVING_REGION');
    expect(await applicationsOf(parent.actor.id)).toHaveLength(0);
  });

  it('refuses a parent who is not in the register, and an unverified account', async () => {
    const stranger = await rejection(submitChildRegistration(childInput(), citizen(), { now }));
    expect(stranger.code).toBe('PERSON_NOT_FOUND');
    expect(stranger.message).toContain('Сначала оформите свой полис');
    const parent = await registeredCitizen('2026-02-02T09:00:00Z', {}, { trusted: false });
    const unverified = await rejection(submitChildRegistration(childInput(), parent.actor, { now }));
    expect(unverified.code).toBe('FORBIDDEN');
  });

  it('is idempotent per parent and certificate: twice → one application, one child', async () => {
    const parent = await registeredCitizen();
    const input = childInput();
    const first = await submitChildRegistration(input, parent.actor, { now });
    const second = await submitChildRegistration(input, parent.actor, { now });
    expect(second).toMatchObject({ repeated: true, outcome: 'registered', child: first.child });
    expect(second.application.id).toBe(first.application.id);
    expect(await countPersonsWithDocument(3, input.certificate.series, input.certificate.number)).toBe(1);
  });

  it('two simultaneous submissions register one child', async () => {
    const parent = await registeredCitizen();
    const input = childInput();
    const [a, b] = await Promise.all([
      submitChildRegistration(input, parent.actor, { now }),
      submitChildRegistration(input, parent.actor, { now }),
    ]);
    expect(a.application.id).toBe(b.application.id);
    expect(await countPersonsWithDocument(3, input.certificate.series, input.certificate.number)).toBe(1);
    expect(await applicationsOf(parent.actor.id)).toHaveLength(1);
  });
});
