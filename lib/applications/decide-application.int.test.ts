import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  accessLog,
  applications,
  applicationStatusHistory,
  coverages,
  persons,
  registerEvents,
  representations,
  staffActions,
} from '@/db/schema';
import { validateEnp } from '@/lib/domain/ru/enp';
import type { AppError } from '@/lib/errors';
import { registerPerson } from '@/lib/register/register-person';
import { listMyApplications } from '@/lib/portal/list-my-applications';
import { newCertificate, notificationsOf, registeredCitizen } from '@/testing/applications/citizens';
import { rejection } from '@/testing/expect-error';
import {
  createDemoOperators,
  ffoms,
  queuedPolicyApplication,
  smo,
  smo77001,
  tfoms,
  tfoms77,
} from '@/testing/applications/queue';
import { metaAt } from '@/testing/register/people';
import { getApplicationForReview } from './application-review';
import { decideApplication } from './decide-application';
import { submitChildRegistration } from './submit-child-registration';

const submittedAt = new Date('2026-03-10T09:00:00Z'); // due 11.03.2026 23:59 (Moscow)
const now = new Date('2026-03-11T10:00:00Z');
const choice = { subjectCode: '77', insurerCode: '77002' };

beforeAll(async () => {
  await createDemoOperators();
});

async function stateOf(number: string) {
  const db = getDb();
  const [app] = await db.select().from(applications).where(eq(applications.number, number));
  const history = await db
    .select()
    .from(applicationStatusHistory)
    .where(eq(applicationStatusHistory.applicationId, app!.id))
    .orderBy(applicationStatusHistory.id);
  const actions = await db.select().from(staffActions).where(eq(staffActions.targetId, number));
  return { app: app!, history, actions };
}

describe('decideApplication: issue', () => {
  it('runs the shared registration step as the operator: person, policy, events, history, audit, notice — one decision', async () => {
    const { actor, application } = await queuedPolicyApplication(submittedAt, choice);
    const decided = await decideApplication({ number: application.number, decision: 'issue' }, tfoms77, {
      now,
    });
    expect(decided.application).toMatchObject({ status: 'done', statusLabel: 'Исполнено', reasonText: null });
    const enp = decided.result!.enp as string;
    expect(validateEnp(enp).ok).toBe(true);

    const db = getDb();
    const personId = decided.application.subjectPersonId!;
    const [person] = await db.select().from(persons).where(eq(persons.id, personId));
    expect(person).toMatchObject({ enp, lastName: 'Васильев', birthDate: '1975-06-01' });
    const [cov] = await db.select().from(coverages).where(eq(coverages.personId, personId));
    expect(cov).toMatchObject({
      insurerCode: '77002',
      subjectCode: '77',
      status: 'active',
      reason: 'new_policy',
    });
    const events = await db.select().from(registerEvents).where(eq(registerEvents.personId, personId));
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const e of events) {
      expect(e).toMatchObject({
        actorKind: 'staff',
        actorId: 'tfoms77',
        source: 'console',
        reason: `Заявление № ${application.number}`,
      });
    }

    const { app, history, actions } = await stateOf(application.number);
    expect(app).toMatchObject({ status: 'done', decidedBy: 'staff:tfoms77', decidedAt: now });
    expect(history.map((h) => [h.status, h.actorKind, h.actorId])).toEqual([
      ['submitted', 'citizen', actor.id],
      ['done', 'staff', 'tfoms77'],
    ]);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({
      login: 'tfoms77',
      organisationCode: 'tfoms:77',
      action: 'application_decided',
      targetKind: 'application',
      personId,
    });
    expect(actions[0]!.staffId).not.toBeNull();
    expect(actions[0]!.details).toMatchObject({ decision: 'issue', status: 'done', inTime: true });

    const messages = await notificationsOf(actor.id);
    expect(messages.at(-1)!.text).toContain('исполнено');
    expect(messages.at(-1)!.text).toContain(enp.slice(0, 4));
  });

  it('a document registered meanwhile: the register refuses, nothing is decided or audited', async () => {
    const { application } = await queuedPolicyApplication(submittedAt, choice);
    const [app] = await getDb()
      .select()
      .from(applications)
      .where(eq(applications.number, application.number));
    const passport = (app!.payload as { passport: { series: string; number: string } }).passport;
    await registerPerson(
      {
        person: { lastName: 'Другой', firstName: 'Пётр', sex: 'M', birthDate: '1980-01-01' },
        document: { kind: 14, series: passport.series, number: passport.number, issueDate: '2000-02-01' },
        coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy' },
      },
      metaAt('2026-03-10T12:00:00Z'),
    );
    const error = await rejection(
      decideApplication({ number: application.number, decision: 'issue' }, ffoms, { now }),
    );
    expect(error.code).toBe('DOCUMENT_ALREADY_REGISTERED');
    const after = await stateOf(application.number);
    expect(after.app.status).toBe('submitted');
    expect(after.history).toHaveLength(1);
    expect(after.actions).toHaveLength(0);
  });

  it('a child registration: the same step registers the child with the parent as representative', async () => {
    const parent = await registeredCitizen('2026-02-02T09:00:00Z');
    // A namesake child (same ФИО and birth date, another certificate) sends the application to an operator.
    const child = {
      lastName: 'Очередная',
      firstName: 'Мария',
      patronymic: null,
      sex: 'F',
      birthDate: '2025-11-01',
    };
    await registerPerson(
      {
        person: { ...child, snils: null },
        document: { kind: 3, ...pick(newCertificate()), issueDate: '2025-11-05' },
        coverage: { insurerCode: '77001', subjectCode: '77', reason: 'birth', on: '2025-11-01' },
      },
      metaAt('2026-01-10T09:00:00Z'),
    );
    const submitted = await submitChildRegistration(
      { child, certificate: newCertificate(), insurerCode: '77001' },
      parent.actor,
      { now: submittedAt },
    );
    expect(submitted.outcome).toBe('queued');
    const decided = await decideApplication(
      { number: submitted.application.number, decision: 'issue' },
      smo77001,
      { now },
    );
    expect(decided.result).toMatchObject({ policy: 'issued', matched: false });
    const childId = decided.application.subjectPersonId!;
    const reps = await getDb().select().from(representations).where(eq(representations.childId, childId));
    expect(reps.map((r) => r.representativeId)).toEqual([parent.personId]);
  });
});

function pick(cert: ReturnType<typeof newCertificate>) {
  return { series: cert.series, number: cert.number };
}

describe('decideApplication: refuse', () => {
  it('records the listed reason and the operator’s words; the citizen is told and sees them in «Мои заявления»', async () => {
    const { actor, application } = await queuedPolicyApplication(submittedAt, choice);
    const late = new Date('2026-03-12T10:00:00Z');
    const decided = await decideApplication(
      {
        number: application.number,
        decision: 'refuse',
        reason: 'REFUSED_DOCUMENT_INVALID',
        comment: '  Паспорт   недействителен после 45 лет:\nзамените его и подайте заявление снова ',
      },
      tfoms77,
      { now: late },
    );
    const text =
      'Документ, удостоверяющий личность, недействителен или указан с ошибкой. Паспорт недействителен после 45 лет: замените его и подайте заявление снова.';
    expect(decided.application).toMatchObject({
      status: 'refused',
      reasonCode: 'REFUSED_DOCUMENT_INVALID',
      reasonText: text,
    });
    const { history, actions } = await stateOf(application.number);
    expect(history.map((h) => [h.status, h.reason])).toEqual([
      ['submitted', expect.stringContaining('Заявление проверит специалист')],
      ['refused', text],
    ]);
    expect(actions[0]!.details).toMatchObject({
      decision: 'refuse',
      reason: 'REFUSED_DOCUMENT_INVALID',
      inTime: false,
    });
    const messages = await notificationsOf(actor.id);
    expect(messages.at(-1)!.text).toBe(
      `По заявлению № ${application.number} «Оформление полиса ОМС» отказано. Причина: ${text}`,
    );
    const mine = await listMyApplications({}, actor, { now: late });
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'refused', reasonText: text });
  });

  it('«Другая причина» needs the operator’s words; every invalid field is named and nothing changes', async () => {
    const { application } = await queuedPolicyApplication(submittedAt, choice);
    const other = await rejection(
      decideApplication({ number: application.number, decision: 'refuse', reason: 'REFUSED_OTHER' }, ffoms, {
        now,
      }),
    );
    expect(other.fields.map((f) => f.field)).toEqual(['comment']);
    const none = await rejection(
      decideApplication(
        { number: application.number, decision: 'refuse', comment: 'x'.repeat(1001) },
        ffoms,
        {
          now,
        },
      ),
    );
    expect(none.fields.map((f) => [f.field, f.code])).toEqual([
      ['reason', 'FIELD_REQUIRED'],
      ['comment', 'VALIDATION_FAILED'],
    ]);
    const unknown = await rejection(
      decideApplication({ number: application.number, decision: 'refuse', reason: 'NOPE' }, ffoms, { now }),
    );
    expect(unknown.fields.map((f) => f.field)).toEqual(['reason']);
    expect((await stateOf(application.number)).app.status).toBe('submitted');
  });
});

describe('decideApplication: permission and race', () => {
  it('refuses staff outside the application’s region or insurer, and anyone not staff, before reading it', async () => {
    const { application } = await queuedPolicyApplication(submittedAt, choice);
    for (const actor of [
      smo77001, // the application is for 77002
      tfoms('50'),
      { kind: 'citizen', id: 'c', personId: null, representedPersonIds: [], trusted: true } as const,
      { kind: 'clinic', id: 'registrator', moCode: '770001' } as const,
    ]) {
      const error = await rejection(
        decideApplication({ number: application.number, decision: 'issue' }, actor, { now }),
      );
      expect(error.code).toBe('FORBIDDEN');
    }
    expect(
      (await rejection(decideApplication({ number: '2026-99999999', decision: 'issue' }, ffoms, { now })))
        .code,
    ).toBe('APPLICATION_NOT_FOUND');
    const { app, history, actions } = await stateOf(application.number);
    expect(app.status).toBe('submitted');
    expect(history).toHaveLength(1);
    expect(actions).toHaveLength(0);
  });

  it('two operators at once: exactly one decision wins, the other is told who decided and when', async () => {
    const { application } = await queuedPolicyApplication(submittedAt, choice);
    const results = await Promise.allSettled([
      decideApplication({ number: application.number, decision: 'issue' }, tfoms77, { now }),
      decideApplication(
        { number: application.number, decision: 'refuse', reason: 'REFUSED_DATA_MISMATCH' },
        ffoms,
        { now },
      ),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const { app, history, actions } = await stateOf(application.number);
    expect(history).toHaveLength(2);
    expect(actions).toHaveLength(1);
    const winner =
      app.decidedBy === 'staff:tfoms77'
        ? 'Сидоров Алексей Николаевич (tfoms77)'
        : 'Орлова Наталья Андреевна (ffoms)';
    const loser = lost[0]!.reason as AppError;
    expect(loser.code).toBe('APPLICATION_ALREADY_DECIDED');
    expect(loser.message).toBe(
      `Заявление № ${application.number} уже рассмотрено: «${app.status === 'done' ? 'Исполнено' : 'Отказ'}», решение принял(а) ${winner} 11.03.2026, 13:00 (мск).`,
    );
    // A person was registered only if the issue won.
    const registered = await getDb()
      .select()
      .from(registerEvents)
      .where(eq(registerEvents.reason, `Заявление № ${application.number}`));
    expect(registered.length > 0).toBe(app.status === 'done');
  });
});

describe('getApplicationForReview', () => {
  it('shows the data, every automatic check, the history and the persons concerned; logs the read', async () => {
    const other = await registeredCitizen('2026-02-02T09:00:00Z');
    const { application } = await queuedPolicyApplication(submittedAt, choice, {
      lastName: 'Проверкина',
      firstName: 'Ольга',
      patronymic: null,
      sex: 'F',
      snils: other.input.person.snils,
    });
    const review = await getApplicationForReview(application.number, tfoms77, { now });
    expect(review.checks.map((c) => [c.label, c.outcome])).toEqual([
      ['Данные учётной записи (ФИО, пол, дата рождения, СНИЛС)', 'passed'],
      ['Формат документа', 'passed'],
      ['Срок действия паспорта', 'doubt'],
      ['Документ не принадлежит другому человеку в регистре', 'passed'],
      ['СНИЛС не принадлежит другому человеку в регистре', 'doubt'],
      ['В регистре нет другого человека с такими же ФИО и датой рождения', 'not_run'],
      ['Страховая компания работает в регионе', 'passed'],
    ]);
    expect(review.checks[2]!.text).toContain('45 лет');
    expect(review.persons).toEqual([
      {
        personId: other.personId,
        role: 'Найден проверкой «СНИЛС не принадлежит другому человеку в регистре»',
        name: `${other.input.person.lastName} ${other.input.person.firstName} ${other.input.person.patronymic}`,
        birthDate: other.input.person.birthDate,
        enp: other.enp,
      },
    ]);
    expect(review.data.map((d) => d.title)).toEqual([
      'Данные учётной записи',
      'Паспорт гражданина РФ',
      'Выбор заявителя',
    ]);
    expect(review.data[0]!.rows).toContainEqual({ label: 'Дата рождения', value: '01.06.1975' });
    expect(review.data[0]!.rows).toContainEqual({ label: 'Пол', value: 'женский' });
    expect(review.history).toEqual([
      expect.objectContaining({ status: 'submitted', statusLabel: 'Отправлено', by: 'заявитель' }),
    ]);
    expect(review).toMatchObject({ canDecide: true, issuable: true, decidedBy: null });
    expect(review.timeLeft).toEqual({ overdue: false, text: 'осталось 10 ч 59 мин' });
    const logged = await getDb().select().from(accessLog).where(eq(accessLog.personId, other.personId));
    expect(logged).toEqual([
      expect.objectContaining({
        actorId: 'tfoms77',
        channel: 'console',
        purpose: 'application_review',
      }),
    ]);
    expect(logged[0]!.details).toContain(application.number);
    // Another insurer's operator is refused, and nothing is logged for them.
    expect((await rejection(getApplicationForReview(application.number, smo77001, { now }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await getDb().select().from(accessLog).where(eq(accessLog.actorId, 'smo77001'))).toEqual([]);

    // The СНИЛС is someone else's: the register refuses to issue; the operator refuses the application.
    const issue = await rejection(
      decideApplication({ number: application.number, decision: 'issue' }, ffoms, { now }),
    );
    expect(issue.code).toBe('SNILS_ALREADY_REGISTERED');
    await decideApplication(
      { number: application.number, decision: 'refuse', reason: 'REFUSED_DATA_MISMATCH' },
      ffoms,
      { now },
    );
    const decided = await getApplicationForReview(application.number, smo('77002'), { now });
    expect(decided).toMatchObject({
      canDecide: false,
      decidedBy: 'Орлова Наталья Андреевна (ffoms)',
      timeLeft: null,
    });
    expect(decided.history.map((h) => [h.statusLabel, h.by, h.reason])).toEqual([
      ['Отправлено', 'заявитель', expect.stringContaining('Заявление проверит специалист')],
      ['Отказ', 'Орлова Наталья Андреевна (ffoms)', 'Данные заявления не совпадают с данными документов.'],
    ]);
  });
});
