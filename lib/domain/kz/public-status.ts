import { formatDateRu } from '../dates';
import type { InsuredGround, MonthMark, NotInsuredReason, OsmsStatus } from './insured-status';

/**
 * What the public status check by ИИН may say (issue 14): insured or not, the code, words and advice, until
 * when, and the 12 months paid or not — never amounts, names or a category. A category is personal data,
 * and some are health or criminal-record data (disability, pregnancy, a penal institution): anyone who
 * knows an ИИН may ask this check, so its words name no category; the signed-in cabinet and the clinic
 * get the full status.
 */
export interface PublicOsmsStatus {
  insured: boolean;
  code: InsuredGround | NotInsuredReason;
  text: string;
  advice: string | null;
  until: string | null;
  months: MonthMark[];
}

function withoutCategory(status: OsmsStatus): string {
  const until = status.until ? formatDateRu(status.until) : null;
  switch (status.code) {
    case 'STATE_CATEGORY':
      return 'Застрахован: взносы платит государство (льготная категория).';
    case 'LOCAL_BODY_CATEGORY':
      return 'Застрахован: взносы платит местный исполнительный орган.';
    case 'GRACE_AFTER_CATEGORY':
      return `Застрахован: после выхода из льготной категории право на помощь в системе ОСМС сохраняется до ${until}.`;
    case 'TEMPORARY_DOCUMENT':
      return `Временный статус до ${until}: загружен документ о льготной категории. Постоянный статус появится, когда поступят данные о категории.`;
    case 'SYSTEMS_UNAVAILABLE':
      return `Информационные системы недоступны с ${formatDateRu(status.dataUnavailableSince!)}: право на медицинскую помощь сохраняется до их восстановления.`;
    case 'GRACE_ENDED':
      return 'Льготная категория закончилась, и срок, в течение которого после неё сохранялось право на помощь, истёк.';
    case 'TEMPORARY_ENDED':
      return 'Временный статус по документу о льготной категории закончился: данные о категории не поступили.';
    default:
      return status.text;
  }
}

/** The public face of a status: its category (when any) is not named. */
export function publicOsmsStatus(status: OsmsStatus): PublicOsmsStatus {
  return {
    insured: status.insured,
    code: status.code,
    text: status.category === null ? status.text : withoutCategory(status),
    advice: status.advice,
    until: status.until,
    months: status.months,
  };
}
