import { ISSUE_REASONS, type IssueReason } from '@/lib/domain/ru/coverage';
import { parseDate } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import { changeCoverage, type CoverageChangeResult } from './change-coverage';
import { requireRegionAndInsurer } from './directory-queries';
import { effectiveDate } from './effective-date';
import { runWrite, type WriteMeta } from './writer';

export interface IssuePolicyInput {
  personId: number;
  insurerCode: string;
  subjectCode: string;
  reason: IssueReason;
  on?: string | null;
  validTo?: string | null;
  expectedVersion?: number;
}

/** Issues a policy to a person already in the register who has none now (e.g. citizenship regained). */
export async function issuePolicy(input: IssuePolicyInput, meta: WriteMeta): Promise<CoverageChangeResult> {
  if (!ISSUE_REASONS.includes(input.reason))
    throw AppError.validation([fieldIssue('reason', 'COVERAGE_REASON_INVALID')]);
  return runWrite(meta, (w) =>
    changeCoverage(w, {
      personId: input.personId,
      expectedVersion: input.expectedVersion,
      target: { subjectCode: input.subjectCode, insurerCode: input.insurerCode },
      plan: async () => {
        const on = effectiveDate(input.on, w.today);
        const validTo = input.validTo ? parseDate('validTo', input.validTo) : null;
        if (validTo && !validTo.ok) throw AppError.validation(validTo.issues);
        await requireRegionAndInsurer(w.tx, input.subjectCode, input.insurerCode, on);
        return {
          command: {
            type: 'issue',
            on,
            insurerCode: input.insurerCode,
            subjectCode: input.subjectCode,
            reason: input.reason,
            validTo: validTo?.value ?? null,
          },
        };
      },
    }),
  );
}
