/**
 * The automatic checks' findings as an application stores them. The rules the checks apply live in
 * lib/domain (passport validity, names, identifiers).
 */

export interface ReviewReason {
  /** Stable code, kept as the application's `reason_code` while it waits for an operator. */
  code:
    | 'PERSON_DATA_INVALID'
    | 'DOCUMENT_INVALID'
    | 'DOCUMENT_EXPIRED'
    | 'DUPLICATE_DOCUMENT'
    | 'DUPLICATE_SNILS'
    | 'DUPLICATE_PERSON'
    | 'INSURER_NOT_SERVING_REGION'
    | 'DATA_MISMATCH'
    | 'OTHER_REPRESENTATIVE'
    | 'REGION_MISMATCH'
    | 'AUTO_CHECK_FAILED';
  /** For the citizen and the operator, in Russian. */
  text: string;
}

/** The review reasons as stored on the application: the first code, all the texts. */
export function summariseReview(reasons: readonly ReviewReason[]): { code: string; text: string } | null {
  if (reasons.length === 0) return null;
  return {
    code: reasons[0]!.code,
    text: `Заявление проверит специалист: ${reasons.map((r) => r.text.replace(/\.$/, '')).join('; ')}.`,
  };
}

export type CheckCode = ReviewReason['code'];

/** One automatic check as the application keeps it: passed, raised a doubt, or not run (an earlier one failed). */
export interface CheckOutcome {
  code: CheckCode;
  outcome: 'passed' | 'doubt' | 'not_run';
  /** The doubt, in Russian (doubt only). */
  text: string | null;
  /** Register records the check found (a possible duplicate, the child's record), for the operator. */
  personIds: number[];
}

/** What each check verifies, for the operator's application page. */
export const CHECK_LABELS: Record<CheckCode, string> = {
  PERSON_DATA_INVALID: 'Данные учётной записи (ФИО, пол, дата рождения, СНИЛС)',
  DOCUMENT_INVALID: 'Формат документа',
  DOCUMENT_EXPIRED: 'Срок действия паспорта',
  DUPLICATE_DOCUMENT: 'Документ не принадлежит другому человеку в регистре',
  DUPLICATE_SNILS: 'СНИЛС не принадлежит другому человеку в регистре',
  DUPLICATE_PERSON: 'В регистре нет другого человека с такими же ФИО и датой рождения',
  INSURER_NOT_SERVING_REGION: 'Страховая компания работает в регионе',
  DATA_MISMATCH: 'Данные ребёнка совпадают с записью в регистре',
  OTHER_REPRESENTATIVE: 'У ребёнка нет другого законного представителя',
  REGION_MISMATCH: 'Ребёнок застрахован в регионе заявителя',
  AUTO_CHECK_FAILED: 'Регистрация в регистре',
};

/**
 * The automatic checks of one application, in the order they ran: each passes or raises a doubt, and
 * `review` (the doubts) is what sends the application to an operator. Kept on the application
 * (`payload.checks`) so the operator sees what passed as well as what did not.
 */
export class CheckLog {
  readonly checks: CheckOutcome[] = [];
  readonly review: ReviewReason[] = [];

  passed(code: CheckCode, personIds: readonly number[] = []): void {
    this.checks.push({ code, outcome: 'passed', text: null, personIds: [...personIds] });
  }

  /** `doubt` when `failed` holds a reason, else `passed`. */
  check(code: CheckCode, failed: ReviewReason | null, personIds: readonly number[] = []): void {
    if (!failed) return this.passed(code, personIds);
    this.review.push(failed);
    this.checks.push({ code, outcome: 'doubt', text: failed.text, personIds: [...personIds] });
  }

  notRun(...codes: CheckCode[]): void {
    for (const code of codes) this.checks.push({ code, outcome: 'not_run', text: null, personIds: [] });
  }
}
