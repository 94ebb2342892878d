import type { Coding, OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import type { PolicyStatus } from '@/lib/domain/ru/policy-status';
import { AppError, errorCatalogue, isAppError, type ErrorCode, type FieldIssue } from '@/lib/errors';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import { POLICY_STATUS_DISPLAY } from './coverage';
import { ERROR_CODE_SYSTEM, POLICY_STATUS_SYSTEM } from './systems';

/**
 * AppError → OperationOutcome. One issue per invalid field, with `expression` naming the FHIR parameter or
 * element (the search parser and the request parser name fields that way), `details.text` in Russian for
 * the person at the front desk, and `details.coding` our stable error code for the machine.
 */

export type IssueType = OperationOutcomeIssue['code'];
export type IssueSeverity = OperationOutcomeIssue['severity'];

/** The IssueType of an error as a whole, by its catalogued code and HTTP status. */
export function issueTypeOf(error: AppError): IssueType {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return 'login'; // IssueType `security` → `login`: the client must authenticate
    case 'FORBIDDEN':
      return 'forbidden';
    case 'NOT_FOUND':
    case 'PERSON_NOT_FOUND':
      return 'not-found';
    case 'METHOD_NOT_ALLOWED':
      return 'not-supported';
    case 'RATE_LIMITED':
      return 'throttled';
    case 'REGISTER_UNAVAILABLE':
      return 'transient';
    case 'CONFLICT':
      return 'conflict';
    case 'INTERNAL':
      return 'exception';
    case 'PAYLOAD_TOO_LARGE':
      return 'too-long';
    case 'BAD_REQUEST':
      return 'structure';
    default:
      if (error.status === 400) return 'invalid';
      if (error.status === 409) return 'business-rule';
      return error.status >= 500 ? 'exception' : 'processing';
  }
}

/** A field's issue type: a missing value is `required`, a wrong one `value` (both kinds of `invalid`). */
function fieldIssueType(code: ErrorCode): IssueType {
  return code === 'FIELD_REQUIRED' ? 'required' : 'value';
}

function details(code: string, text: string): OperationOutcomeIssue['details'] {
  return { coding: [{ system: ERROR_CODE_SYSTEM, code }], text };
}

export function toOperationOutcome(error: unknown): OperationOutcome {
  const appError = isAppError(error) ? error : new AppError('INTERNAL', { cause: error });
  const severity: IssueSeverity = appError.status >= 500 ? 'fatal' : 'error';
  const issue: OperationOutcomeIssue[] = appError.fields.length
    ? appError.fields.map((f) => ({
        severity,
        code: fieldIssueType(f.code),
        details: details(f.code, f.message),
        expression: [f.field],
      }))
    : [{ severity, code: issueTypeOf(appError), details: details(appError.code, appError.message) }];
  return { resourceType: 'OperationOutcome', issue };
}

/**
 * An outcome that is not an error of the request: a searchset entry (search.mode `outcome`) saying why
 * nothing matched, or that the answer is the last known state.
 */
export function informationOutcome(
  issues: { severity: IssueSeverity; code: IssueType; coding?: Coding; text: string }[],
): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity,
      code: i.code,
      details: { ...(i.coding ? { coding: [i.coding] } : {}), text: i.text },
    })),
  };
}

/**
 * What is worth saying about accepted search parameters without refusing them — an ЕНП first assigned in
 * a subject that has since merged (ENP_UNKNOWN_PREFIX) is a valid policy: the search is answered, and this
 * says so beside the answer.
 */
export function parameterWarningsOutcome(warnings: readonly FieldIssue[]): OperationOutcome {
  return informationOutcome(
    warnings.map((w) => ({
      severity: 'warning' as const,
      code: 'informational' as const,
      coding: { system: ERROR_CODE_SYSTEM, code: w.code },
      text: w.message,
    })),
  );
}

/** An HTTP-level refusal that has no catalogued AppError (unsupported media type, unacceptable format). */
export function httpOutcome(code: IssueType, text: string): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code, details: { text } }],
  };
}

/**
 * Why a search matched nothing or had no Coverage to show — never a bare "not insured" (rule 9): the
 * status code, the Russian explanation and the next step.
 */
export function lookupStatusOutcome(
  status: Pick<PolicyStatus, 'code' | 'text' | 'nextStep'>,
): OperationOutcome {
  return informationOutcome([
    {
      severity: 'information',
      code: 'not-found',
      coding: {
        system: POLICY_STATUS_SYSTEM,
        code: status.code,
        display: POLICY_STATUS_DISPLAY[status.code],
      },
      text: status.nextStep ? `${status.text} ${status.nextStep}` : status.text,
    },
  ]);
}

/** The answer is the last known state (rule 10): say so, and that the right to care is kept. */
export function staleAnswerOutcome(answer: Pick<PolicyAnswer, 'staleSince'>): OperationOutcome {
  const since = answer.staleSince ? ` Сведения получены ${answer.staleSince}.` : '';
  return informationOutcome([
    {
      severity: 'warning',
      code: 'transient',
      coding: { system: ERROR_CODE_SYSTEM, code: 'REGISTER_UNAVAILABLE' },
      text: `${errorCatalogue.REGISTER_UNAVAILABLE.message} Ответ дан по последнему известному состоянию.${since}`,
    },
  ]);
}
