import { addDays, type LocalDate } from '@/lib/domain/dates';
import {
  syntheticIin,
  yearParameters,
  type InsuredGround,
  type NotInsuredReason,
  type OsmsParameters,
} from '@/lib/domain/kz';
import { addMonthsToMonth, monthOf } from '@/lib/domain/kz/months';
import {
  EMPLOYERS,
  LOCAL_BODY_PAYER,
  budgetPayments,
  citizenFacts,
  dayBack,
  employerPayments,
  member,
  monthBack,
  monthlySelfPayments,
  selfPayment,
  temporary,
  type DemoFacts,
} from './demo-facts';

/**
 * The named demo people of the Kazakh register (issue 14): one of every kind of ОСМС status, their facts
 * dated back from the seeding day so each has its status whenever the register is seeded (from 2026 on).
 * `kind` is what the status rule gives them on the seeding day — a test derives it from the facts, the
 * seeder never stores it. Everything is invented: none of these people exist.
 */
export interface KzDemoPerson {
  /** A short stable key for tests. */
  key: string;
  iin: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  sex: 'M' | 'F';
  birthDate: string;
  /** ISO alpha-3: KAZ for citizens. */
  citizenship: string;
  /** The status code on the seeding day. */
  kind: InsuredGround | NotInsuredReason;
  /** What the person shows, in Russian (the README and the eGov development provider's page). */
  note: string;
  /** The demo eGov account's subject, for the adults who can sign in to the cabinet. */
  accountSub: string | null;
}

type Spec = Omit<KzDemoPerson, 'iin'> & {
  facts: (asOf: LocalDate, params: OsmsParameters, iin: string) => DemoFacts;
};

const SPECS: readonly Spec[] = [
  {
    key: 'employee',
    lastName: 'Ахметова',
    firstName: 'Айгерим',
    patronymic: 'Серикқызы',
    sex: 'F',
    birthDate: '1990-05-14',
    citizenship: 'KAZ',
    kind: 'EMPLOYER_CONTRIBUTIONS',
    note: 'Работает: взносы платит работодатель (2 % зарплаты). Мать Ахметова Алихана.',
    accountSub: '7700100001',
    facts: (asOf, params) =>
      citizenFacts({
        contributions: employerPayments(
          params,
          EMPLOYERS[0]!,
          450_000,
          monthBack(asOf, 36),
          monthBack(asOf, 1),
          asOf,
        ),
      }),
  },
  {
    key: 'employee-capped',
    lastName: 'Нурланов',
    firstName: 'Ерлан',
    patronymic: 'Бахытович',
    sex: 'M',
    birthDate: '1978-11-02',
    citizenship: 'KAZ',
    kind: 'EMPLOYER_CONTRIBUTIONS',
    note: 'Высокая зарплата: взнос работодателя ограничен предельной базой года.',
    accountSub: '7700100002',
    facts: (asOf, params) =>
      citizenFacts({
        contributions: employerPayments(
          params,
          EMPLOYERS[1]!,
          2_600_000,
          monthBack(asOf, 24),
          monthBack(asOf, 1),
          asOf,
        ),
      }),
  },
  {
    key: 'child',
    lastName: 'Ахметов',
    firstName: 'Алихан',
    patronymic: 'Русланович',
    sex: 'M',
    birthDate: '2019-08-23',
    citizenship: 'KAZ',
    kind: 'STATE_CATEGORY',
    note: 'Ребёнок: взносы платит государство.',
    accountSub: null,
    facts: (asOf) =>
      citizenFacts({
        memberships: [member('CHILDREN', '2019-08-23' as LocalDate, null)],
        contributions: budgetPayments(monthBack(asOf, 12), monthBack(asOf, 0), asOf),
      }),
  },
  {
    key: 'pensioner',
    lastName: 'Ким',
    firstName: 'Галина',
    patronymic: 'Петровна',
    sex: 'F',
    birthDate: '1958-03-30',
    citizenship: 'KAZ',
    kind: 'STATE_CATEGORY',
    note: 'Пенсионер: льготная категория.',
    accountSub: '7700100003',
    facts: (asOf) =>
      citizenFacts({
        memberships: [member('PENSIONER', '2018-03-30' as LocalDate, null)],
        contributions: budgetPayments(monthBack(asOf, 12), monthBack(asOf, 0), asOf),
      }),
  },
  {
    key: 'student',
    lastName: 'Сейткали',
    firstName: 'Данияр',
    patronymic: 'Маратұлы',
    sex: 'M',
    birthDate: '2005-02-11',
    citizenship: 'KAZ',
    kind: 'STATE_CATEGORY',
    note: 'Студент очной формы обучения.',
    accountSub: '7700100004',
    facts: () =>
      citizenFacts({ memberships: [member('FULL_TIME_STUDENT', '2023-09-01' as LocalDate, null)] }),
  },
  {
    key: 'disabled',
    lastName: 'Оспанова',
    firstName: 'Гульнара',
    patronymic: 'Каиркеновна',
    sex: 'F',
    birthDate: '1983-07-19',
    citizenship: 'KAZ',
    kind: 'STATE_CATEGORY',
    note: 'Лицо с инвалидностью.',
    accountSub: null,
    facts: () => citizenFacts({ memberships: [member('DISABILITY', '2021-04-01' as LocalDate, null)] }),
  },
  {
    key: 'unemployed',
    lastName: 'Жумабеков',
    firstName: 'Асхат',
    patronymic: 'Нурланович',
    sex: 'M',
    birthDate: '1994-12-05',
    citizenship: 'KAZ',
    kind: 'LOCAL_BODY_CATEGORY',
    note: 'Зарегистрированный безработный: взносы платит акимат.',
    accountSub: null,
    facts: (asOf) =>
      citizenFacts({
        memberships: [member('REGISTERED_UNEMPLOYED', dayBack(asOf, 4), null)],
        contributions: budgetPayments(
          monthBack(asOf, 4),
          monthBack(asOf, 0),
          asOf,
          LOCAL_BODY_PAYER,
          'local-body',
        ),
      }),
  },
  {
    key: 'self-payer',
    lastName: 'Бекова',
    firstName: 'Мадина',
    patronymic: 'Ержановна',
    sex: 'F',
    birthDate: '1988-09-09',
    citizenship: 'KAZ',
    kind: 'SELF_CONTRIBUTIONS',
    note: 'Платит взносы сама каждый месяц, без пропусков.',
    accountSub: '7700100005',
    facts: (asOf, params, iin) =>
      citizenFacts({
        contributions: monthlySelfPayments(params, iin, monthBack(asOf, 24), monthBack(asOf, 0), asOf),
      }),
  },
  {
    key: 'self-payer-gaps',
    lastName: 'Тулегенов',
    firstName: 'Марат',
    patronymic: 'Серикович',
    sex: 'M',
    birthDate: '1985-01-27',
    citizenship: 'KAZ',
    kind: 'DEBT_IN_PAST_MONTHS',
    note: 'Платит сам, но пропустил два месяца: статуса нет, пока не оплатит их.',
    accountSub: '7700100006',
    facts: (asOf, params, iin) =>
      citizenFacts({
        contributions: monthlySelfPayments(params, iin, monthBack(asOf, 14), monthBack(asOf, 0), asOf, [
          monthBack(asOf, 3),
          monthBack(asOf, 2),
        ]),
      }),
  },
  {
    key: 'advance-payer',
    lastName: 'Исмаилова',
    firstName: 'Жанар',
    patronymic: 'Болатовна',
    sex: 'F',
    birthDate: '1992-06-17',
    citizenship: 'KAZ',
    kind: 'ADVANCE_PAYMENTS',
    note: 'Оплатила 12 месяцев вперёд — отдельным платежом за каждый месяц; прошлый долг не нужен.',
    accountSub: '7700100007',
    facts: (asOf, params, iin) =>
      citizenFacts({
        contributions: Array.from({ length: params.rules.advanceMonths }, (_, i) =>
          selfPayment(params, iin, addMonthsToMonth(monthBack(asOf, 1), i), dayBack(asOf, 1)),
        ),
      }),
  },
  {
    key: 'lump-sum',
    lastName: 'Абдрахманов',
    firstName: 'Тимур',
    patronymic: 'Кайратович',
    sex: 'M',
    birthDate: '1991-10-30',
    citizenship: 'KAZ',
    kind: 'LUMP_SUM_NOT_ADVANCE',
    note: 'Заплатил за 12 месяцев одним платежом: такой платёж статуса не даёт.',
    accountSub: '7700100008',
    facts: (asOf, params, iin) => {
      const monthly = yearParameters(params, Number(asOf.slice(0, 4)))!.selfPayerMonthly;
      return citizenFacts({
        contributions: [
          {
            kind: 'lump-sum',
            firstMonth: monthBack(asOf, 1),
            months: params.rules.advanceMonths,
            paidOn: dayBack(asOf, 1),
            amount: monthly * params.rules.advanceMonths,
            payerId: iin,
            payerName: null,
          },
        ],
      });
    },
  },
  {
    key: 'grace-3',
    lastName: 'Сарсенбаева',
    firstName: 'Камила',
    patronymic: 'Ерболовна',
    sex: 'F',
    birthDate: '2001-04-08',
    citizenship: 'KAZ',
    kind: 'GRACE_AFTER_CATEGORY',
    note: 'Окончила вуз два месяца назад: право на помощь сохраняется 3 месяца.',
    accountSub: '7700100009',
    facts: (asOf) =>
      citizenFacts({
        memberships: [member('FULL_TIME_STUDENT', '2019-09-01' as LocalDate, dayBack(asOf, 2))],
      }),
  },
  {
    key: 'grace-6',
    lastName: 'Муканова',
    firstName: 'Айжан',
    patronymic: 'Талгатовна',
    sex: 'F',
    birthDate: '1987-12-12',
    citizenship: 'KAZ',
    kind: 'GRACE_AFTER_CATEGORY',
    note: 'Отпуск по уходу за ребёнком закончился 4 месяца назад; взносы шли больше 5 лет подряд — право сохраняется 6 месяцев.',
    accountSub: '7700100010',
    facts: (asOf, params) => {
      const leftOn = dayBack(asOf, 4);
      return citizenFacts({
        memberships: [member('CHILDCARE_LEAVE', dayBack(asOf, 40), leftOn)],
        contributions: [
          ...employerPayments(params, EMPLOYERS[2]!, 380_000, monthBack(asOf, 72), monthBack(asOf, 41), asOf),
          ...budgetPayments(monthBack(asOf, 40), monthOf(leftOn), asOf),
        ],
      });
    },
  },
  {
    key: 'temporary',
    lastName: 'Ибраева',
    firstName: 'Роза',
    patronymic: 'Амангельдиевна',
    sex: 'F',
    birthDate: '1961-02-14',
    citizenship: 'KAZ',
    kind: 'TEMPORARY_DOCUMENT',
    note: 'Недавно вышла на пенсию, данные ещё не поступили: временный статус по справке, загруженной в поликлинике.',
    accountSub: '7700100011',
    facts: (asOf, params) =>
      citizenFacts({
        contributions: employerPayments(
          params,
          EMPLOYERS[3]!,
          210_000,
          monthBack(asOf, 30),
          monthBack(asOf, 5),
          asOf,
        ),
        temporaryStatuses: [temporary('PENSIONER', addDays(asOf, -10), 'clinic')],
      }),
  },
  {
    key: 'temporary-ended',
    lastName: 'Касымов',
    firstName: 'Берик',
    patronymic: 'Жаксылыкович',
    sex: 'M',
    birthDate: '1963-05-05',
    citizenship: 'KAZ',
    kind: 'TEMPORARY_ENDED',
    note: 'Временный статус закончился, а данные о категории так и не поступили.',
    accountSub: null,
    facts: (asOf) =>
      citizenFacts({ temporaryStatuses: [temporary('DISABILITY', addDays(asOf, -50), 'person')] }),
  },
  {
    key: 'grace-ended',
    lastName: 'Әлиев',
    firstName: 'Нұрсұлтан',
    patronymic: 'Ерланұлы',
    sex: 'M',
    birthDate: '2000-01-15',
    citizenship: 'KAZ',
    kind: 'GRACE_ENDED',
    note: 'Окончил вуз 9 месяцев назад и не работает: льготный срок истёк.',
    accountSub: null,
    facts: (asOf) =>
      citizenFacts({
        memberships: [member('FULL_TIME_STUDENT', '2018-09-01' as LocalDate, dayBack(asOf, 9))],
      }),
  },
  {
    key: 'foreigner',
    lastName: 'Рахимов',
    firstName: 'Шерзод',
    patronymic: 'Улугбекович',
    sex: 'M',
    birthDate: '1989-03-03',
    citizenship: 'UZB',
    kind: 'EMPLOYER_CONTRIBUTIONS',
    note: 'Гражданин Узбекистана, работает по договору ЕАЭС: участвует в ОСМС.',
    accountSub: '7700100012',
    facts: (asOf, params) => ({
      ...citizenFacts({
        contributions: employerPayments(
          params,
          EMPLOYERS[0]!,
          320_000,
          monthBack(asOf, 12),
          monthBack(asOf, 1),
          asOf,
        ),
      }),
      residence: {
        kind: 'foreign',
        permits: [{ basis: 'treaty', from: dayBack(asOf, 14), to: dayBack(asOf, -10) }],
      },
    }),
  },
  {
    key: 'foreigner-permit-ended',
    lastName: 'Петров',
    firstName: 'Сергей',
    patronymic: 'Иванович',
    sex: 'M',
    birthDate: '1979-08-08',
    citizenship: 'RUS',
    kind: 'NOT_A_PARTICIPANT',
    note: 'Иностранец, разрешение на проживание истекло: в ОСМС не участвует.',
    accountSub: null,
    facts: (asOf, params) => ({
      ...citizenFacts({
        contributions: employerPayments(
          params,
          EMPLOYERS[1]!,
          500_000,
          monthBack(asOf, 26),
          monthBack(asOf, 4),
          asOf,
        ),
      }),
      residence: {
        kind: 'foreign',
        permits: [{ basis: 'permanent', from: dayBack(asOf, 27), to: dayBack(asOf, 3) }],
      },
    }),
  },
  {
    key: 'debtor',
    lastName: 'Байжанов',
    firstName: 'Ерлан',
    patronymic: 'Сапарович',
    sex: 'M',
    birthDate: '1980-10-10',
    citizenship: 'KAZ',
    kind: 'NO_CONTRIBUTIONS',
    note: 'Платил сам, но больше года ничего не платит: не застрахован.',
    accountSub: '7700100013',
    facts: (asOf, params, iin) =>
      citizenFacts({
        contributions: monthlySelfPayments(params, iin, monthBack(asOf, 30), monthBack(asOf, 20), asOf),
      }),
  },
  {
    key: 'serviceman',
    lastName: 'Орынбасаров',
    firstName: 'Даулет',
    patronymic: 'Кайратович',
    sex: 'M',
    birthDate: '1996-06-30',
    citizenship: 'KAZ',
    kind: 'BUDGET_CONTRIBUTIONS',
    note: 'Военнослужащий: взносы поступают из бюджета через его ведомство.',
    accountSub: null,
    facts: (asOf) =>
      citizenFacts({
        contributions: budgetPayments(monthBack(asOf, 24), monthBack(asOf, 0), asOf, {
          payerId: 'RB-208-100',
          payerName: 'Министерство обороны РК',
        }),
      }),
  },
];

/** Who represents whom among the demo people (parent → child), as the register's representations hold. */
export const KZ_DEMO_REPRESENTATIONS: readonly { parent: string; child: string }[] = [
  { parent: 'employee', child: 'child' },
];

const iinOf = (s: Pick<Spec, 'birthDate' | 'sex'>) =>
  syntheticIin(s.birthDate as LocalDate, s.sex === 'M' ? 'male' : 'female', 7);

export const KZ_DEMO_PEOPLE: readonly KzDemoPerson[] = SPECS.map(({ facts: _f, ...s }) => ({
  ...s,
  iin: iinOf(s),
}));

/** The demo person by key (throws on an unknown key: a typo in a test). */
export function kzDemoPerson(key: string): KzDemoPerson {
  const p = KZ_DEMO_PEOPLE.find((d) => d.key === key);
  if (!p) throw new Error(`No Kazakh demo person ${key}`);
  return p;
}

/** A demo person's facts for a register seeded on `asOf`. */
export function kzDemoFacts(key: string, asOf: LocalDate, params: OsmsParameters): DemoFacts {
  const spec = SPECS.find((s) => s.key === key);
  if (!spec) throw new Error(`No Kazakh demo person ${key}`);
  return spec.facts(asOf, params, iinOf(spec));
}
