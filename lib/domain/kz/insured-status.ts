import { addDays, formatDateRu, yearOf, type LocalDate } from '../dates';
import { categoryName, type OsmsCategory } from './categories';
import type { OsmsFacts } from './osms-facts';
import { addMonthsToMonth, firstDayOf, monthOf, monthRange, type Month } from './months';
import { yearParameters, type OsmsParameters } from './parameters';
import {
  INSURED_GROUNDS,
  contributedMonths,
  debtMonthsBefore,
  factsKnownOn,
  statusPeriods,
  type PeriodGround,
  type StatusPeriod,
} from './status-periods';

/**
 * A person's ОСМС status on a date, derived — never issued — from the facts known on that date
 * (payments made by then, category data arrived by then): see status-periods.ts for each ground.
 *
 * Dates before 05.09.2022 are judged by the rules then in force, with nothing special to do: the advance
 * mechanism only counts payments made from that day, so before it a self-payer is insured only by
 * "contributions for the past 12 months" (the month's contribution with no debt in the 12 months before),
 * while categories, employers' contributions, grace periods and the temporary status work the same. Dates
 * before ОСМС began (01.2020) have no status. "As known at T" (bitemporal) is the caller's: pass the facts
 * recorded by T.
 */

/** Why a person is not insured on a day (the "why not" rule's codes). */
export const NOT_INSURED_REASONS = [
  'BEFORE_OSMS',
  'NOT_A_PARTICIPANT',
  'LUMP_SUM_NOT_ADVANCE',
  'DEBT_IN_PAST_MONTHS',
  'GRACE_ENDED',
  'TEMPORARY_ENDED',
  'NO_CONTRIBUTIONS',
] as const;
export type NotInsuredReason = (typeof NOT_INSURED_REASONS)[number];

export type InsuredGround = PeriodGround | 'SYSTEMS_UNAVAILABLE';

/** Every code a status answers, and whether the person has the right to care in ОСМС under it. */
export const OSMS_STATUS_CODES: readonly { code: InsuredGround | NotInsuredReason; insured: boolean }[] = [
  ...[...INSURED_GROUNDS, 'SYSTEMS_UNAVAILABLE' as const].map((code) => ({ code, insured: true })),
  ...NOT_INSURED_REASONS.map((code) => ({ code, insured: false })),
];

export interface MonthMark {
  month: Month;
  /** Whether a contribution (any payer) was made for the month — the status check shows no amounts. */
  paid: boolean;
}

export type OsmsStatus = {
  on: LocalDate;
  /** The words for the person: the ground, or why not. */
  text: string;
  /** What to do when not insured (the "why not" rule); null when insured. */
  advice: string | null;
  category: OsmsCategory | null;
  /** The `historyMonths` months before the date's month, oldest first. */
  months: MonthMark[];
} & (
  | {
      insured: true;
      code: InsuredGround;
      /** The last day the status holds on the facts known, null while open-ended. */
      until: LocalDate | null;
      /** Set when the information systems are down: the status is the one known on that day. */
      dataUnavailableSince: LocalDate | null;
    }
  | { insured: false; code: NotInsuredReason; until: null; dataUnavailableSince: LocalDate | null }
);

/** When the information systems are down, the caller says since when; the right known then is kept. */
export interface StatusOptions {
  dataUnavailableSince?: LocalDate;
}

function monthsWord(n: number): string {
  const tens = n % 100;
  const ones = n % 10;
  if (tens >= 11 && tens <= 14) return `${n} месяцев`;
  if (ones === 1) return `${n} месяц`;
  return ones >= 2 && ones <= 4 ? `${n} месяца` : `${n} месяцев`;
}

function monthRu(month: Month): string {
  return `${month.slice(5, 7)}.${month.slice(0, 4)}`;
}

function insuredText(period: StatusPeriod, params: OsmsParameters): string {
  const name = period.category ? `«${categoryName(period.category)}»` : '';
  switch (period.ground) {
    case 'STATE_CATEGORY':
      return `Застрахован: льготная категория ${name}, взносы платит государство.`;
    case 'LOCAL_BODY_CATEGORY':
      return `Застрахован: категория ${name}, взносы платит местный исполнительный орган.`;
    case 'EMPLOYER_CONTRIBUTIONS':
      return 'Застрахован: взносы и отчисления платит работодатель.';
    case 'BUDGET_CONTRIBUTIONS':
      return 'Застрахован: взносы поступают из бюджета.';
    case 'ADVANCE_PAYMENTS':
      return `Застрахован: взносы оплачены вперёд отдельным платежом за каждый из ${monthsWord(params.rules.advanceMonths)}.`;
    case 'SELF_CONTRIBUTIONS':
      return 'Застрахован: взносы оплачены самостоятельно.';
    case 'GRACE_AFTER_CATEGORY':
      return `Застрахован: после выхода из категории ${name} право на помощь в системе ОСМС сохраняется до ${formatDateRu(period.to!)}.`;
    case 'TEMPORARY_DOCUMENT':
      return `Временный статус на ${monthsWord(params.rules.temporaryStatusMonths)}: загружен документ о категории ${name}. Постоянный статус появится, когда поступят данные о категории.`;
  }
}

function selfPayerAdvice(params: OsmsParameters, on: LocalDate, lead: string): string {
  const y = yearParameters(params, yearOf(on))!;
  const ahead =
    on >= params.rules.advanceRuleFrom
      ? ` Можно оплатить ${monthsWord(params.rules.advanceMonths)} вперёд — отдельным платежом за каждый месяц; тогда прошлый долг оплачивать не нужно.`
      : '';
  return `${lead} Самостоятельный взнос — ${y.selfPayerMonthly.toLocaleString('ru-RU')} тенге в месяц.${ahead}`;
}

interface WhyNot {
  code: NotInsuredReason;
  text: string;
  advice: string | null;
  category: OsmsCategory | null;
}

/** The "why not" rule: the most useful explanation of no status on the day, and what to do. */
function whyNot(params: OsmsParameters, known: OsmsFacts, periods: StatusPeriod[], on: LocalDate): WhyNot {
  const month = monthOf(on);
  const windowStart = firstDayOf(addMonthsToMonth(month, -params.rules.historyMonths));
  const lumpSum = known.contributions.some((c) => c.kind === 'lump-sum' && c.paidOn >= windowStart);
  if (lumpSum && on >= params.rules.advanceRuleFrom) {
    return {
      code: 'LUMP_SUM_NOT_ADVANCE',
      text: 'Взносы за несколько месяцев внесены одним платежом: такой платёж не даёт статуса застрахованного.',
      advice: selfPayerAdvice(params, on, 'Для оплаты вперёд каждый месяц оплачивается отдельным платежом.'),
      category: null,
    };
  }
  const ownPayment = known.contributions.some((c) => c.kind === 'self' && c.month === month);
  const debt = debtMonthsBefore(params, known, month);
  if (ownPayment && debt.length > 0) {
    return {
      code: 'DEBT_IN_PAST_MONTHS',
      text: `Взнос за этот месяц есть, но не оплачены прошлые месяцы: ${debt.map(monthRu).join(', ')}.`,
      advice: selfPayerAdvice(params, on, 'Оплатите эти месяцы.'),
      category: null,
    };
  }
  const ended = periods.filter((p) => p.to !== null && p.to < on).sort((a, b) => (a.to! < b.to! ? 1 : -1))[0];
  if (ended?.ground === 'GRACE_AFTER_CATEGORY' || ended?.ground === 'TEMPORARY_DOCUMENT') {
    const name = `«${categoryName(ended.category!)}»`;
    const grace = ended.ground === 'GRACE_AFTER_CATEGORY';
    return {
      code: grace ? 'GRACE_ENDED' : 'TEMPORARY_ENDED',
      text: grace
        ? `Категория ${name} закончилась ${formatDateRu(addDays(ended.from, -1))}; право на помощь сохранялось до ${formatDateRu(ended.to!)}.`
        : `Временный статус по документу о категории ${name} закончился ${formatDateRu(ended.to!)}: данные о категории не поступили.`,
      advice: grace
        ? selfPayerAdvice(params, on, 'Если вы работаете, взносы платит работодатель.')
        : 'Обратитесь в филиал фонда социального медицинского страхования или в орган, который подтверждает категорию.',
      category: ended.category,
    };
  }
  return {
    code: 'NO_CONTRIBUTIONS',
    text: 'Взносы за этот месяц не поступали, льготной категории нет.',
    advice: selfPayerAdvice(
      params,
      on,
      `За работника взносы платит работодатель (${yearParameters(params, yearOf(on))!.employeeRatePercent} % зарплаты).`,
    ),
    category: null,
  };
}

/**
 * The last day of the unbroken run of periods through `on` (null when a period in it is open-ended);
 * `on` must be inside one of them.
 */
function heldUntil(
  periods: readonly { from: LocalDate; to: LocalDate | null }[],
  on: LocalDate,
): LocalDate | null {
  let until = on;
  let next = addDays(until, 1);
  for (const p of [...periods].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    if (p.from > next) break;
    if (p.to === null) return null;
    if (p.to > until) {
      until = p.to;
      next = addDays(until, 1);
    }
  }
  return until;
}

/** Whether the person takes part in ОСМС on the day, and until when (null: open-ended); undefined when not. */
function participationUntil(facts: OsmsFacts, on: LocalDate): LocalDate | null | undefined {
  if (facts.residence.kind === 'citizen') return null;
  const { permits } = facts.residence;
  return permits.some((p) => p.from <= on && (p.to === null || p.to >= on))
    ? heldUntil(permits, on)
    : undefined;
}

function monthMarks(params: OsmsParameters, known: OsmsFacts, on: LocalDate): MonthMark[] {
  const paid = contributedMonths(params, known);
  const month = monthOf(on);
  return monthRange(addMonthsToMonth(month, -params.rules.historyMonths), addMonthsToMonth(month, -1)).map(
    (m) => ({
      month: m,
      paid: paid.has(m),
    }),
  );
}

/** The person's ОСМС status on `on`: insured or not, the ground or the reason, until when, and the months. */
export function osmsStatusOn(
  params: OsmsParameters,
  facts: OsmsFacts,
  on: LocalDate,
  options: StatusOptions = {},
): OsmsStatus {
  const since = options.dataUnavailableSince;
  if (since !== undefined && since <= on) {
    const last = osmsStatusOn(params, facts, since);
    if (!last.insured) return { ...last, on, dataUnavailableSince: since };
    return {
      ...last,
      on,
      insured: true,
      code: 'SYSTEMS_UNAVAILABLE',
      text: `Информационные системы недоступны с ${formatDateRu(since)}: право на медицинскую помощь сохраняется до их восстановления. ${last.text}`,
      until: null,
      dataUnavailableSince: since,
    };
  }
  const known = factsKnownOn(facts, on);
  const months = monthMarks(params, known, on);
  const base = { on, months, dataUnavailableSince: null, until: null } as const;
  if (on < firstDayOf(params.rules.systemStart)) {
    const text = `Обязательное социальное медицинское страхование действует с ${formatDateRu(firstDayOf(params.rules.systemStart))}.`;
    return { ...base, insured: false, code: 'BEFORE_OSMS', text, advice: null, category: null };
  }
  const residenceUntil = participationUntil(known, on);
  if (residenceUntil === undefined) {
    return {
      ...base,
      insured: false,
      code: 'NOT_A_PARTICIPANT',
      text: 'Иностранцы и лица без гражданства участвуют в ОСМС, если постоянно проживают в Казахстане или временно проживают по международному договору.',
      advice:
        'Оформите вид на жительство или обратитесь в филиал фонда социального медицинского страхования.',
      category: null,
    };
  }
  const periods = statusPeriods(params, known);
  const holding = periods.filter((p) => p.from <= on && (p.to === null || p.to >= on));
  if (holding.length === 0) return { ...base, insured: false, ...whyNot(params, known, periods, on) };
  const best = holding.sort(
    (a, b) => INSURED_GROUNDS.indexOf(a.ground) - INSURED_GROUNDS.indexOf(b.ground),
  )[0]!;
  const held = heldUntil(periods, on);
  const until = residenceUntil === null || (held !== null && held <= residenceUntil) ? held : residenceUntil;
  return {
    ...base,
    insured: true,
    code: best.ground,
    text: insuredText(best, params),
    advice: null,
    category: best.category,
    until,
  };
}
