import { formatDateRu, makeDate, yearOf, type LocalDate } from '@/lib/domain/dates';

/**
 * May the person replace the insurer (СМО) today? 326-ФЗ ст. 16: once per calendar year with the
 * application filed no later than 1 November; more often after a move (change of region or of the
 * place of residence) or when the insurer stops working in the region. The first choice of an
 * insurer is not a change and is not counted here.
 */
export type InsurerChangeBasis = 'annual' | 'after_move' | 'insurer_leaving';

export interface InsurerChangeFacts {
  today: LocalDate;
  /** Past replacements of the insurer with the basis each was made on (first choice excluded). */
  changes: readonly { date: LocalDate; basis: InsurerChangeBasis }[];
  /** Dates the person moved (region or registered address changed). */
  moves: readonly LocalDate[];
  /** The current insurer is leaving the person's region (its ОМС contract ends). */
  insurerLeavingRegion: boolean;
}

export type InsurerChangeEligibility =
  | { allowed: true; basis: InsurerChangeBasis; message: string }
  | {
      allowed: false;
      code: 'INSURER_CHANGE_LIMIT' | 'INSURER_CHANGE_AFTER_DEADLINE';
      message: string;
      nextAllowedDate: LocalDate;
    };

/** The last day (inclusive) to file the yearly replacement in the given year. */
export function insurerChangeDeadline(year: number): LocalDate {
  return makeDate(year, 11, 1);
}

const EARLIER_ONLY =
  'Раньше сменить страховую компанию можно только при переезде или если она перестанет работать в вашем регионе.';

export function insurerChangeEligibility(facts: InsurerChangeFacts): InsurerChangeEligibility {
  const { today } = facts;
  const year = yearOf(today);

  if (facts.insurerLeavingRegion) {
    return {
      allowed: true,
      basis: 'insurer_leaving',
      message:
        'Ваша страховая компания прекращает работу в регионе: выберите новую. Эта замена не считается ежегодной.',
    };
  }

  const lastChange = facts.changes.reduce<LocalDate | null>(
    (m, c) => (m === null || c.date > m ? c.date : m),
    null,
  );
  const moveAfterLastChange = facts.moves
    .filter((m) => m <= today && (lastChange === null || m > lastChange))
    .sort()
    .at(-1);
  if (moveAfterLastChange !== undefined) {
    return {
      allowed: true,
      basis: 'after_move',
      message: `Вы переехали ${formatDateRu(moveAfterLastChange)}: после переезда страховую компанию можно сменить вне ежегодного ограничения.`,
    };
  }

  const nextYearStart = makeDate(year + 1, 1, 1);
  const annualThisYear = facts.changes
    .filter((c) => c.basis === 'annual' && yearOf(c.date) === year)
    .map((c) => c.date)
    .sort()
    .at(-1);
  if (annualThisYear !== undefined) {
    return {
      allowed: false,
      code: 'INSURER_CHANGE_LIMIT',
      message: `В ${year} году вы уже меняли страховую компанию (${formatDateRu(annualThisYear)}), а менять её можно не чаще одного раза в календарный год. Следующая замена возможна с ${formatDateRu(nextYearStart)}. ${EARLIER_ONLY}`,
      nextAllowedDate: nextYearStart,
    };
  }

  const deadline = insurerChangeDeadline(year);
  if (today > deadline) {
    return {
      allowed: false,
      code: 'INSURER_CHANGE_AFTER_DEADLINE',
      message: `Заявление о замене страховой компании в ${year} году можно было подать не позднее ${formatDateRu(deadline)}. Следующая замена возможна с ${formatDateRu(nextYearStart)}. ${EARLIER_ONLY}`,
      nextAllowedDate: nextYearStart,
    };
  }

  return {
    allowed: true,
    basis: 'annual',
    message: `Вы можете сменить страховую компанию. Замена возможна один раз в календарный год, заявление — не позднее ${formatDateRu(deadline)}; после неё следующая будет возможна с ${formatDateRu(nextYearStart)} или после переезда.`,
  };
}
