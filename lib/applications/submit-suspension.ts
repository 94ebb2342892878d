import { coverageReasonText, SUSPENSION_REASONS, type SuspensionReason } from '@/lib/domain/ru/coverage';
import { formatDateRu } from '@/lib/domain/dates';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { immediateApplication, type ImmediateApplicationInput } from './immediate-application';
import { serviceDate } from './service-date';

/** The grounds offered on the form (lib/domain/ru/coverage SUSPENSION_REASONS), with their wording. */
export const SUSPENSION_GROUNDS: readonly { code: SuspensionReason; label: string }[] =
  SUSPENSION_REASONS.map((code) => {
    const text = coverageReasonText(code);
    return { code, label: text.charAt(0).toUpperCase() + text.slice(1) };
  });

export const CHOOSE_GROUNDS_MESSAGE = 'Выберите основание из списка.';

export interface SubmitSuspensionInput extends ImmediateApplicationInput {
  /** One of SUSPENSION_REASONS. */
  reason: string;
  /** The day the service started (`ДД.ММ.ГГГГ` or ISO); today when empty. */
  serviceStartDate?: string | null;
}

/**
 * Journey 5 (suspend): a person entering military or equivalent service is not covered by ОМС; the
 * policy is suspended from the day the service starts (the register keeps it, with the reason).
 */
export const submitSuspension = immediateApplication<SubmitSuspensionInput>(
  'suspension',
  (input, { personId, today, latest }) => {
    const issues: FieldIssue[] = [];
    const reason = SUSPENSION_REASONS.find((r) => r === input.reason?.trim());
    if (!reason) issues.push(fieldIssue('reason', 'COVERAGE_REASON_INVALID', CHOOSE_GROUNDS_MESSAGE));
    const on = serviceDate('serviceStartDate', input.serviceStartDate, today, latest, issues);
    if (issues.length || !reason || !on) throw AppError.validation(issues);

    return {
      payload: { input: { reason, serviceStartDate: on } },
      subjectCode: latest?.subjectCode ?? null,
      insurerCode: latest?.insurerCode ?? null,
      perform: async (meta) => {
        const changed = await suspendPolicy({ personId, reason, on }, meta);
        return {
          effectiveDate: changed.opened.validFrom,
          result: { reason },
          notice: `Полис приостановлен с ${formatDateRu(changed.opened.validFrom)}: ${coverageReasonText(reason)}. После окончания службы подайте заявление о возобновлении полиса.`,
        };
      },
    };
  },
);
