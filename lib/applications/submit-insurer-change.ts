import { formatDateRu } from '@/lib/domain/dates';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { changeInsurer } from '@/lib/register/change-insurer';
import { checkInsurerChoice, type InsurerChoice } from '@/lib/register/directory-queries';
import { immediateApplication, type ImmediateApplicationInput } from './immediate-application';

export interface SubmitInsurerChangeInput extends ImmediateApplicationInput {
  /** SMOCOD of the chosen insurer (one of those the pre-check offered). */
  insurerCode: string;
}

export const CHOOSE_INSURER_MESSAGE = 'Выберите страховую компанию из списка.';

/** A citizen's choice of insurer that cannot be used, as the form's field says it. */
export function insurerChoiceIssue(issue: NonNullable<InsurerChoice['issue']>): FieldIssue {
  return issue === 'INSURER_UNKNOWN'
    ? fieldIssue('insurerCode', issue, CHOOSE_INSURER_MESSAGE)
    : fieldIssue('insurerCode', issue);
}

/**
 * Journey 3: replace the insurer. The choice is validated first (a known insurer serving the person's
 * region, not the current one: per-field errors, nothing recorded); then the application is recorded and
 * the register decides by the yearly rule (`changeInsurer`): done with the effective date, or refused
 * with the reason and the date from which a change will be possible.
 */
export const submitInsurerChange = immediateApplication<SubmitInsurerChangeInput>(
  'insurer_change',
  async (input, { db, personId, today, latest }) => {
    const insurerCode = (input.insurerCode ?? '').trim();
    const issues: FieldIssue[] = [];
    const { insurer, issue } = await checkInsurerChoice(db, insurerCode, latest?.subjectCode ?? null, today);
    if (insurer && latest?.insurerCode === insurerCode) {
      issues.push(fieldIssue('insurerCode', 'COVERAGE_SAME_INSURER'));
    } else if (issue) issues.push(insurerChoiceIssue(issue));
    if (issues.length || !insurer) throw AppError.validation(issues);

    return {
      payload: { input: { insurerCode }, fromInsurerCode: latest?.insurerCode ?? null },
      subjectCode: latest?.subjectCode ?? null,
      insurerCode,
      perform: async (meta) => {
        const changed = await changeInsurer({ personId, insurerCode }, meta);
        return {
          effectiveDate: changed.opened.validFrom,
          result: {
            insurerCode,
            insurerName: insurer.nameShort,
            fromInsurerCode: latest?.insurerCode ?? null,
          },
          notice: `Страховая медицинская организация — ${insurer.nameShort} с ${formatDateRu(changed.opened.validFrom)}.`,
        };
      },
    };
  },
);
