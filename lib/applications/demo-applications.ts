import type { CitizenActor } from '@/lib/auth/citizen-actor';
import { computeDueAt } from '@/lib/domain/ru/calendar';
import { moscowDate } from '@/lib/domain/dates';
import { loadCalendar } from './calendar';
import { decideApplication } from './decide-application';
import { submitPolicyApplication } from './submit-policy-application';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Invented applicants (synthetic data): born 1975, passports issued at 20 and never replaced at 45. */
const APPLICANTS = [
  ['Зимина', 'Алла', 'Петровна', 'F'],
  ['Крылов', 'Денис', 'Олегович', 'M'],
  ['Лебедева', 'Инна', 'Сергеевна', 'F'],
  ['Мухин', 'Роман', 'Ильич', 'M'],
  ['Носова', 'Вера', 'Андреевна', 'F'],
  ['Осипов', 'Глеб', 'Юрьевич', 'M'],
  ['Панова', 'Лидия', 'Игоревна', 'F'],
  ['Рябов', 'Семён', 'Павлович', 'M'],
  ['Соколова', 'Ульяна', 'Марковна', 'F'],
  ['Титов', 'Фёдор', 'Антонович', 'M'],
] as const;

interface DemoApplication {
  submittedAt: Date;
  subjectCode: string;
  insurerCode: string;
  decide?: { at: Date; by: 'tfoms77' | 'smo77001' | 'ffoms'; decision: 'issue' | 'refuse' };
}

/** 10:00 in Moscow, `days` calendar days before `now`. */
function morningBefore(now: Date, days: number): Date {
  return new Date(Date.parse(`${moscowDate(new Date(now.getTime() - days * DAY))}T07:00:00Z`));
}

/**
 * Applications of the demo register that wait for an operator, so the console's queue shows its states on
 * a fresh `npm run dev`: overdue ones, one due today (on a working day), fresh ones, and this month's
 * operator decisions in time and late. Made through the portal's use case (each with a doubt the automatic
 * checks raise: the passport was not replaced at 45) and decided through the console's, relative to `now`.
 * Only for an empty demo register (scripts/serve.ts), after the demo staff exist.
 */
export async function seedDemoApplications(now: Date = new Date()): Promise<number> {
  const calendar = await loadCalendar();
  const today = moscowDate(now);
  // A submission whose due time is the end of today, if today is a working day.
  const dueToday = Array.from({ length: 12 }, (_, i) => morningBefore(now, i + 1)).find(
    (at) => computeDueAt(calendar, at).dueDate === today,
  );
  const plan: DemoApplication[] = [
    { submittedAt: morningBefore(now, 16), subjectCode: '77', insurerCode: '77001' },
    { submittedAt: morningBefore(now, 14), subjectCode: '77', insurerCode: '77002' },
    { submittedAt: morningBefore(now, 15), subjectCode: '50', insurerCode: '50001' },
    { submittedAt: morningBefore(now, 13), subjectCode: '78', insurerCode: '78001' },
    ...(dueToday ? [{ submittedAt: dueToday, subjectCode: '77', insurerCode: '77001' }] : []),
    { submittedAt: new Date(now.getTime() - HOUR / 6), subjectCode: '77', insurerCode: '77002' },
    { submittedAt: new Date(now.getTime() - HOUR / 3), subjectCode: '50', insurerCode: '50002' },
    {
      submittedAt: new Date(now.getTime() - 3 * HOUR),
      subjectCode: '77',
      insurerCode: '77001',
      decide: { at: new Date(now.getTime() - 2 * HOUR), by: 'tfoms77', decision: 'issue' },
    },
    {
      submittedAt: new Date(now.getTime() - 2 * HOUR),
      subjectCode: '77',
      insurerCode: '77002',
      decide: { at: new Date(now.getTime() - HOUR), by: 'ffoms', decision: 'refuse' },
    },
    {
      submittedAt: morningBefore(now, 14),
      subjectCode: '77',
      insurerCode: '77001',
      decide: { at: new Date(now.getTime() - HOUR / 2), by: 'smo77001', decision: 'refuse' },
    },
  ];
  let made = 0;
  for (const [i, a] of plan.entries()) {
    const [lastName, firstName, patronymic, sex] = APPLICANTS[i % APPLICANTS.length]!;
    const actor: CitizenActor = {
      kind: 'citizen',
      id: `demo-queue-${i + 1}`,
      personId: null,
      representedPersonIds: [],
      trusted: true,
    };
    const submitted = await submitPolicyApplication(
      {
        identity: {
          lastName,
          firstName,
          patronymic,
          sex,
          birthDate: `1975-0${(i % 9) + 1}-1${i % 10}`,
          snils: null,
          passport: {
            series: '45 96',
            number: String(960_101 + i),
            issueDate: '1995-10-02',
            issuer: 'ОВД «Тверской» г. Москвы',
          },
        },
        subjectCode: a.subjectCode,
        insurerCode: a.insurerCode,
      },
      actor,
      { now: a.submittedAt },
    );
    if (submitted.outcome !== 'queued' || !submitted.application) continue;
    made++;
    if (!a.decide) continue;
    const by = a.decide.by;
    await decideApplication(
      a.decide.decision === 'issue'
        ? { number: submitted.application.number, decision: 'issue' }
        : {
            number: submitted.application.number,
            decision: 'refuse',
            reason: 'REFUSED_DOCUMENT_INVALID',
            comment: 'Паспорт нужно было заменить в 45 лет. Замените паспорт и подайте заявление снова.',
          },
      by === 'ffoms'
        ? { kind: 'staff', id: by, role: 'ffoms_admin' }
        : by === 'tfoms77'
          ? { kind: 'staff', id: by, role: 'tfoms_operator', subjectCode: '77' }
          : { kind: 'staff', id: by, role: 'smo_operator', insurerCode: '77001' },
      { now: a.decide.at },
    );
  }
  return made;
}
