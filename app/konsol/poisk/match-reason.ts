import type { MatchReason } from '@/lib/register/search-register';

/** Why a person is in the results, in words for the employee. */
export function matchReasonText(match: MatchReason): string {
  switch (match.kind) {
    case 'name': {
      const similarity = match.similarity.toFixed(2).replace('.', ',');
      return match.former
        ? `По прежнему ФИО «${match.matchedName}» (сходство ${similarity})`
        : `По ФИО и дате рождения (сходство ${similarity})`;
    }
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
