/**
 * The reasons an operator refuses an application for: one list, so the form, the check and what the
 * citizen reads cannot drift apart. The code is kept as the application's `reason_code`.
 */
export const REFUSAL_REASONS = {
  REFUSED_DOCUMENT_INVALID: 'Документ, удостоверяющий личность, недействителен или указан с ошибкой',
  REFUSED_DATA_MISMATCH: 'Данные заявления не совпадают с данными документов',
  REFUSED_ALREADY_INSURED: 'Заявитель уже есть в регистре застрахованных лиц',
  REFUSED_NOT_REPRESENTATIVE: 'Не подтверждено право заявителя представлять ребёнка',
  REFUSED_NOT_ENTITLED: 'Нет оснований для оформления полиса ОМС',
  REFUSED_OTHER: 'Другая причина',
} as const;

export type RefusalReason = keyof typeof REFUSAL_REASONS;

export function isRefusalReason(value: string): value is RefusalReason {
  return Object.hasOwn(REFUSAL_REASONS, value);
}

/** The longest comment an operator may add (it goes into the citizen's notification). */
export const REFUSAL_COMMENT_MAX = 1000;

/** What the citizen reads: the reason, then the operator's words. */
export function refusalText(reason: RefusalReason, comment: string | null): string {
  if (reason === 'REFUSED_OTHER' && comment) return `${comment.replace(/\.$/, '')}.`;
  return comment
    ? `${REFUSAL_REASONS[reason]}. ${comment.replace(/\.$/, '')}.`
    : `${REFUSAL_REASONS[reason]}.`;
}
