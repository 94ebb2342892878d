import { coverageReasonText, type CoveragePeriod, type CoverageReason } from './coverage';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';

/**
 * Rule 9 of the brief: every negative answer carries a reason code, an explanation in Russian and the next
 * step. One place decides what a clinic (or the citizen) is told about a coverage state on a date.
 */
export const POLICY_STATUS_CODES = [
  'ACTIVE',
  'SUSPENDED',
  'TERMINATED',
  'DECEASED',
  'NOT_INSURED_ON_DATE',
  'EXPIRED',
  'NOT_FOUND',
] as const;
export type PolicyStatusCode = (typeof POLICY_STATUS_CODES)[number];

export interface PolicyStatus {
  insured: boolean;
  status: 'active' | 'suspended' | 'terminated' | 'none';
  code: PolicyStatusCode;
  /** Why (for every answer but a plain active one, where it says since when). */
  text: string;
  /** What to do next; null when nothing is needed. */
  nextStep: string | null;
  reason: CoverageReason | null;
}

const APPLY = 'Оформить полис можно на Госуслугах или в любой страховой медицинской организации региона.';

/** The status of a person's policy on a date, from the period in force then (or none). */
export function describePolicyStatus(
  period: CoveragePeriod | null,
  on: LocalDate,
  lastPeriod: CoveragePeriod | null = null,
): PolicyStatus {
  if (!period) {
    const expired = lastPeriod?.validTo != null && lastPeriod.validTo <= on;
    return expired
      ? {
          insured: false,
          status: 'none',
          code: 'EXPIRED',
          text: `Срок действия полиса истёк ${formatDateRu(lastPeriod.validTo!)}.`,
          nextStep: `Для нового полиса нужен действующий документ, дающий право на ОМС. ${APPLY}`,
          reason: null,
        }
      : {
          insured: false,
          status: 'none',
          code: 'NOT_INSURED_ON_DATE',
          text: `На ${formatDateRu(on)} полис ОМС не действовал.`,
          nextStep: APPLY,
          reason: null,
        };
  }
  const since = formatDateRu(period.validFrom);
  switch (period.status) {
    case 'active':
      return {
        insured: true,
        status: 'active',
        code: 'ACTIVE',
        text: `Полис действует с ${since}${period.validTo ? ` по ${formatDateRu(period.validTo)} (не включая)` : ''}.`,
        nextStep: null,
        reason: period.reason,
      };
    case 'suspended':
      return {
        insured: false,
        status: 'suspended',
        code: 'SUSPENDED',
        text: `Полис приостановлен с ${since}: ${coverageReasonText(period.reason)}. На время службы медицинская помощь оказывается ведомственной медициной.`,
        nextStep:
          'После окончания службы полис возобновляется по заявлению или по сведениям военного комиссариата.',
        reason: period.reason,
      };
    case 'terminated': {
      const final = period.reason === 'death' || period.reason === 'declared_dead';
      return {
        insured: false,
        status: 'terminated',
        code: final ? 'DECEASED' : 'TERMINATED',
        text: `Действие полиса прекращено с ${since}: ${coverageReasonText(period.reason)}.`,
        nextStep: final
          ? null
          : `Если право на ОМС появилось снова — ${APPLY.charAt(0).toLowerCase()}${APPLY.slice(1)}`,
        reason: period.reason,
      };
    }
  }
}

/** For a lookup that found nobody: never a bare "not insured". */
export function describeNotFound(): PolicyStatus {
  return {
    insured: false,
    status: 'none',
    code: 'NOT_FOUND',
    text: 'По этим данным застрахованное лицо в регистре не найдено.',
    nextStep:
      'Проверьте вид, серию и номер документа и дату рождения или найдите по ЕНП. Если данные верны, человеку нужно оформить полис ОМС; экстренная помощь оказывается в любом случае.',
    reason: null,
  };
}
