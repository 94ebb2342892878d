import type { MatchReason } from '@/lib/register/search-register';

/** A match by name (either country's search), in words: the former name matched, and how closely. */
export function nameMatchText(match: { matchedName: string; former: boolean; similarity: number }): string {
  const similarity = match.similarity.toFixed(2).replace('.', ',');
  return match.former
    ? `По прежнему ФИО «${match.matchedName}» (сходство ${similarity})`
    : `По ФИО и дате рождения (сходство ${similarity})`;
}

/** Why a person is in the results, in words for the employee. */
export function matchReasonText(match: MatchReason): string {
  switch (match.kind) {
    case 'name':
      return nameMatchText(match);
    case 'document':
      return match.current ? 'По действующему документу' : 'По прежнему документу';
    case 'enp':
      return match.retiredEnp
        ? `По ЕНП ${match.retiredEnp}: запись объединена с действующей, показана действующая`
        : 'По ЕНП';
    case 'snils':
      return 'По СНИЛС';
  }
}
