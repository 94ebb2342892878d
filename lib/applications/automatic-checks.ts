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
