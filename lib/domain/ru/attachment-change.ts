import { formatDateRu, makeDate, yearOf, type LocalDate } from '@/lib/domain/dates';

/**
 * May the person attach to a (new) primary-care clinic today? 323-ФЗ ст. 21, приказ 406н: a clinic
 * is chosen no more than once a year, except after a change of the place of residence or stay.
 * The first attachment is always allowed. "Once a year" is counted per calendar year.
 */
export type AttachmentBasis = 'first' | 'annual' | 'after_move';

export interface AttachmentFacts {
  today: LocalDate;
  /**
   * Date of the person's most recent attachment of any basis (first, yearly or after a move);
   * null when the person was never attached.
   */
  lastAttachedOn: LocalDate | null;
  /** Voluntary re-attachments (basis 'annual'): the first attachment and those after a move excluded. */
  changes: readonly { date: LocalDate }[];
  /** The latest change of the place of residence or stay, if any. */
  lastMove: LocalDate | null;
}

export type AttachmentEligibility =
  | { allowed: true; basis: AttachmentBasis; message: string }
  | { allowed: false; code: 'ATTACHMENT_LIMIT'; message: string; nextAllowedDate: LocalDate };

export function attachmentEligibility(facts: AttachmentFacts): AttachmentEligibility {
  const { today } = facts;
  const year = yearOf(today);

  // The latest attachment of any basis; `changes` counts too in case the caller left lastAttachedOn empty.
  let last = facts.lastAttachedOn;
  for (const c of facts.changes) if (last === null || c.date > last) last = c.date;

  if (last === null) {
    return { allowed: true, basis: 'first', message: 'Выберите поликлинику, к которой хотите прикрепиться.' };
  }

  if (facts.lastMove !== null && facts.lastMove <= today && facts.lastMove > last) {
    return {
      allowed: true,
      basis: 'after_move',
      message: `Вы переехали ${formatDateRu(facts.lastMove)}: после переезда поликлинику можно сменить вне ежегодного ограничения.`,
    };
  }

  const nextYearStart = makeDate(year + 1, 1, 1);
  const thisYear = facts.changes
    .map((c) => c.date)
    .filter((d) => yearOf(d) === year)
    .sort()
    .at(-1);
  if (thisYear !== undefined) {
    return {
      allowed: false,
      code: 'ATTACHMENT_LIMIT',
      message: `В ${year} году вы уже меняли поликлинику (${formatDateRu(thisYear)}), а менять её можно не чаще одного раза в год. Следующая смена возможна с ${formatDateRu(nextYearStart)}; раньше — только после переезда.`,
      nextAllowedDate: nextYearStart,
    };
  }

  return {
    allowed: true,
    basis: 'annual',
    message: `Вы можете сменить поликлинику. Менять её можно один раз в год: после этой смены следующая будет возможна с ${formatDateRu(nextYearStart)} или после переезда.`,
  };
}
