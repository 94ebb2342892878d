import { formatDateRu } from '@/lib/domain/dates';
import { AppError, type FieldIssue } from '@/lib/errors';
import { renewPolicy } from '@/lib/register/renew-policy';
import { immediateApplication, type ImmediateApplicationInput } from './immediate-application';
import { serviceDate } from './service-date';

export interface SubmitRenewalInput extends ImmediateApplicationInput {
  /** The day the service ended (`ДД.ММ.ГГГГ` or ISO); today when empty. */
  serviceEndDate?: string | null;
}

/** Journey 5 (renew): the service has ended; the suspended policy is in force again from that day. */
export const submitRenewal = immediateApplication<SubmitRenewalInput>(
  'renewal',
  (input, { personId, today, latest }) => {
    const issues: FieldIssue[] = [];
    const on = serviceDate('serviceEndDate', input.serviceEndDate, today, latest, issues);
    if (issues.length || !on) throw AppError.validation(issues);

    return {
      payload: { input: { serviceEndDate: on } },
      subjectCode: latest?.subjectCode ?? null,
      insurerCode: latest?.insurerCode ?? null,
      perform: async (meta) => {
        const changed = await renewPolicy({ personId, on }, meta);
        return {
          effectiveDate: changed.opened.validFrom,
          result: {},
          notice: `Полис снова действует с ${formatDateRu(changed.opened.validFrom)}.`,
        };
      },
    };
  },
);
