import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applicationStatusHistory, coverages, persons, registerEvents } from '@/db/schema';
import type { CitizenClaims } from '@/lib/auth/citizen-claims';
import { validateEnp } from '@/lib/domain/ru/enp';
import { getMyPolicy } from '@/lib/portal/get-my-policy';
import { rejection } from '@/testing/expect-error';
import { submitPolicyApplication } from './submit-policy-application';
import {
  applicationsOf,
  citizen,
  countPersonsWithPassport,
  newIdentity,
  newPassport,
  notificationsOf,
  registeredCitizen,
} from '@/testing/applications/citizens';

const now = new Date('2026-03-10T09:00:00Z'); // Tuesday, 12:00 in Moscow
const choice = { subjectCode: '77', insurerCode: '77002' };

describe('submitPolicyApplication (journey 1)', () => {
  it('issues the policy at once when every check passes: ЕНП, person, application done with history and notifications', async () => {
    const actor = citizen();
    const identity = newIdentity();
    const result = await submitPolicyApplication({ identity, ...choice }, actor, { now });

    expect(result.outcome).toBe('issued');
    expect(result.repeated).toBe(false);
    expect(validateEnp(result.enp!).ok).toBe(true);
    expect(result.enp!.slice(0, 2)).toBe('77');
    expect(result.application).toMatchObject({
      kind: 'electronic_policy',
      status: 'done',
      statusLabel: 'Исполнено',
    });
    expect(result.application!.number).toMatch(/^2026-\d{8}$/);
    expect(result.application!.dueAt).toEqual(new Date('2026-03-11T20:59:59.999Z'));

    const db = getDb();
    const [person] = await db.select().from(persons).where(eq(persons.id, result.personId!));
    expect(person).toMatchObject({
      enp: result.enp,
      lastName: 'Васильев',
      birthDate: identity.birthDate,
      sex: 'M',
    });
    const [cov] = await db.select().from(coverages).where(eq(coverages.personId, result.personId!));
    expect(cov).toMatchObject({
      insurerCode: '77002',
      subjectCode: '77',
      status: 'active',
      validFrom: '2026-03-10',
    });
    const events = await db
      .select()
      .from(registerEvents)
      .where(eq(registerEvents.personId, result.personId!));
    expect(
      events.every((e) => e.actorKind === 'system' && e.actorId === 'portal:auto' && e.source === 'portal'),
    ).toBe(true);
    expect(events[0]!.reason).toBe(`Заявление № ${result.application!.number}`);

    const history = await db
      .select()
      .from(applicationStatusHistory)
      .where(eq(applicationStatusHistory.applicationId, result.application!.id))
      .orderBy(applicationStatusHistory.id);
    expect(history.map((h) => h.status)).toEqual(['submitted', 'done']);
    const messages = await notificationsOf(actor.id);
    expect(messages).toHaveLength(2);
    expect(messages[0]!.text).toContain('отправлено');
    expect(messages[1]!.text).toContain('исполнено');
    expect(messages[1]!.text).toContain(result.enp!.slice(0, 4));

    // The account now reaches its policy even though the session was started before the record existed.
    const policy = await getMyPolicy({}, actor, { now });
    expect(policy).toMatchObject({ enp: result.enp, self: true });
    expect(policy.status.code).toBe('ACTIVE');
  });

  it('returns the ЕНП at once, without an application, when the citizen is already in the register', async () => {
    const { actor, enp, personId } = await registeredCitizen();
    const result = await submitPolicyApplication({ identity: newIdentity(), ...choice }, actor, { now });
    expect(result).toMatchObject({ outcome: 'existing', enp, personId, application: null });
    expect(await applicationsOf(actor.id)).toHaveLength(0);
  });

  it('recognises the citizen by passport and birth date when the session has not matched them yet', async () => {
    const { input, enp } = await registeredCitizen();
    const actor = citizen();
    const identity = newIdentity({
      lastName: input.person.lastName,
      firstName: input.person.firstName,
      birthDate: input.person.birthDate,
      sex: input.person.sex,
      snils: null,
      passport: { series: input.document.series!, number: input.document.number },
    });
    const result = await submitPolicyApplication({ identity, ...choice }, actor, { now });
    expect(result).toMatchObject({ outcome: 'existing', enp, application: null });
  });

  it('refuses an unverified account and says how to get verified', async () => {
    const actor = citizen({ trusted: false });
    const error = await rejection(
      submitPolicyApplication({ identity: newIdentity(), ...choice }, actor, { now }),
    );
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toContain('подтверждённой учётной записью');
    expect(await applicationsOf(actor.id)).toHaveLength(0);
  });

  it('refuses staff and other actors', async () => {
    const error = await rejection(
      submitPolicyApplication(
        { identity: newIdentity(), ...choice },
        { kind: 'staff', id: 'x', role: 'ffoms_admin' },
        { now },
      ),
    );
    expect(error.code).toBe('FORBIDDEN');
  });

  it('reports unknown choices and a missing passport per field, recording nothing', async () => {
    const actor = citizen();
    const error = await rejection(
      submitPolicyApplication(
        { identity: newIdentity({ passport: null }), subjectCode: '00', insurerCode: '7700' },
        actor,
        { now },
      ),
    );
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((f) => f.field).sort()).toEqual([
      'identity.passport',
      'insurerCode',
      'subjectCode',
    ]);
    expect(error.fields.find((f) => f.field === 'subjectCode')!.message).toBe('Выберите регион из списка.');
    expect(await applicationsOf(actor.id)).toHaveLength(0);
  });

  it('takes the session’s claims as they are (CitizenClaims); missing birth date and sex are field errors', async () => {
    const identity = newIdentity();
    const claims: CitizenClaims = {
      sub: 'esia-1',
      lastName: identity.lastName,
      firstName: identity.firstName,
      patronymic: identity.patronymic ?? null,
      birthDate: identity.birthDate,
      sex: 'M',
      snils: identity.snils ?? null,
      passport: { series: identity.passport!.series.replace(' ', ''), number: identity.passport!.number },
      iin: null,
      trusted: true,
      accountLevel: 'verified',
    };
    const ok = await submitPolicyApplication({ identity: claims, ...choice }, citizen(), { now });
    expect(ok.outcome).toBe('issued');
    const error = await rejection(
      submitPolicyApplication({ identity: { ...claims, birthDate: null, sex: null }, ...choice }, citizen(), {
        now,
      }),
    );
    expect(error.fields.map((f) => f.field)).toEqual(['identity.birthDate', 'identity.sex']);
  });

  it('is idempotent: submitting twice gives the same application, one person and one ЕНП', async () => {
    const actor = citizen();
    const identity = newIdentity();
    const first = await submitPolicyApplication({ identity, ...choice }, actor, { now });
    const second = await submitPolicyApplication({ identity, ...choice }, citizen({ id: actor.id }), { now });
    expect(second.repeated).toBe(true);
    expect(second.application!.id).toBe(first.application!.id);
    expect(second.enp).toBe(first.enp);
    expect(second.outcome).toBe('issued');
    expect(await countPersonsWithPassport(identity.passport!)).toBe(1);
    expect(await applicationsOf(actor.id)).toHaveLength(1);
  });

  it('two simultaneous submissions create one application, one person and one ЕНП', async () => {
    const actor = citizen();
    const identity = newIdentity();
    const results = await Promise.all([
      submitPolicyApplication({ identity, ...choice }, actor, { now }),
      submitPolicyApplication({ identity, ...choice }, actor, { now }),
    ]);
    expect(results[0].application!.number).toBe(results[1].application!.number);
    expect(results.filter((r) => r.repeated)).toHaveLength(1);
    expect(await countPersonsWithPassport(identity.passport!)).toBe(1);
    const apps = await applicationsOf(actor.id);
    expect(apps).toHaveLength(1);
    expect(apps[0]!.status).toBe('done');
  });

  it('another account with the same passport and birth date cannot see the first account’s application', async () => {
    const identity = newIdentity({ lastName: 'Соколов' });
    const first = citizen();
    await submitPolicyApplication(
      { identity: { ...identity, passport: { ...identity.passport!, issueDate: '2000-01-01' } }, ...choice },
      first,
      {
        now,
      },
    );
    const error = await rejection(
      submitPolicyApplication(
        {
          identity: { ...identity, passport: { ...identity.passport!, issueDate: '2000-01-01' } },
          ...choice,
        },
        citizen(),
        {
          now,
        },
      ),
    );
    expect(error.code).toBe('CONFLICT');
  });

  describe('checks that send the application to an operator', () => {
    async function queued(identityOverrides: Parameters<typeof newIdentity>[0], c = choice) {
      const actor = citizen();
      const result = await submitPolicyApplication(
        { identity: newIdentity(identityOverrides), ...c },
        actor,
        { now },
      );
      expect(result.outcome).toBe('queued');
      expect(result.enp).toBeNull();
      expect(result.application).toMatchObject({ status: 'submitted', overdue: false });
      expect(result.application!.dueAt).toEqual(new Date('2026-03-11T20:59:59.999Z'));
      expect(result.application!.reasonText).toMatch(/^Заявление проверит специалист: /);
      const messages = await notificationsOf(actor.id);
      expect(messages).toHaveLength(1);
      expect(messages[0]!.text).toContain('Срок рассмотрения — до 11.03.2026, 23:59');
      return result;
    }

    it('same passport with another birth date in the register', async () => {
      const { input } = await registeredCitizen();
      const before = await countPersonsWithPassport({
        series: input.document.series!,
        number: input.document.number,
      });
      const result = await queued({
        passport: { series: input.document.series!, number: input.document.number },
      });
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['DUPLICATE_DOCUMENT']);
      expect(result.application!.reasonCode).toBe('DUPLICATE_DOCUMENT');
      expect(
        await countPersonsWithPassport({ series: input.document.series!, number: input.document.number }),
      ).toBe(before);
    });

    it('same СНИЛС held by someone else', async () => {
      const { input } = await registeredCitizen();
      const result = await queued({ snils: input.person.snils });
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['DUPLICATE_SNILS']);
    });

    it('same ФИО and birth date with other documents', async () => {
      const { input } = await registeredCitizen('2026-02-02T09:00:00Z', {
        person: {
          lastName: 'Дубликатова',
          firstName: 'Ёлка',
          patronymic: 'Ивановна',
          sex: 'F',
          birthDate: '1979-05-05',
        },
      });
      expect(input.person.lastName).toBe('Дубликатова');
      const result = await queued({
        lastName: 'ДУБЛИКАТОВА',
        firstName: 'Елка',
        patronymic: 'Ивановна',
        sex: 'F',
        birthDate: '1979-05-05',
        passport: newPassport({ series: '45 24', issueDate: '2024-06-01' }),
      });
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['DUPLICATE_PERSON']);
    });

    it('a passport that had to be replaced at 45', async () => {
      const result = await queued({
        birthDate: '1975-06-01',
        passport: newPassport({ series: '45 01', issueDate: '1995-07-01' }),
      });
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['DOCUMENT_EXPIRED']);
      expect(result.reviewReasons[0]!.text).toContain('45 лет');
    });

    it('a passport number of the wrong shape', async () => {
      const result = await queued({ passport: { series: '45 1', number: '12345' } });
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['DOCUMENT_INVALID']);
    });

    it('an insurer that does not serve the chosen region', async () => {
      const result = await queued({}, { subjectCode: '77', insurerCode: '50001' });
      expect(result.reviewReasons.map((r) => r.code)).toEqual(['INSURER_NOT_SERVING_REGION']);
    });
  });

  describe('due time by the production calendar', () => {
    it.each([
      {
        when: 'Friday afternoon before the 8 March holidays → end of Tuesday 10.03',
        now: '2026-03-06T12:00:00Z',
        number: /^2026-/,
        due: '2026-03-10T20:59:59.999Z',
      },
      {
        when: '31 December → end of the first working day after the New Year holidays (12.01)',
        now: '2025-12-31T10:00:00Z',
        number: /^2025-/,
        due: '2026-01-12T20:59:59.999Z',
      },
      {
        when: 'Friday 23:30 Moscow time → end of Monday',
        now: '2026-04-17T20:30:00Z',
        number: /^2026-/,
        due: '2026-04-20T20:59:59.999Z',
      },
    ])('$when', async ({ now: at, number, due }) => {
      const result = await submitPolicyApplication(
        { identity: newIdentity({ snils: null }), subjectCode: '77', insurerCode: '50001' },
        citizen(),
        { now: new Date(at) },
      );
      expect(result.application!.number).toMatch(number);
      expect(result.application!.dueAt).toEqual(new Date(due));
    });
  });
});
