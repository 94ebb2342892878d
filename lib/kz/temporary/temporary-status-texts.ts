import { formatDateRu, type LocalDate } from '@/lib/domain/dates';

/** The notification a person gets when a temporary status is given on a document (issue 14). */
export function grantedText(t: {
  categoryName: string;
  lastDay: LocalDate;
  uploadedBy: 'person' | 'clinic';
}): string {
  const who =
    t.uploadedBy === 'clinic' ? 'Медицинская организация загрузила документ' : 'Вы загрузили документ';
  return (
    `Временный статус на один месяц: ${who} о льготной категории «${t.categoryName}». ` +
    `Вы застрахованы в системе ОСМС по ${formatDateRu(t.lastDay)} включительно. ` +
    'Постоянный статус появится, когда данные о категории поступят в фонд.'
  );
}

/** The notification a person gets when an operator of the fund revokes their temporary status. */
export function revokedText(t: { categoryName: string; revokedOn: LocalDate; reason: string }): string {
  return (
    `Временный статус по документу о льготной категории «${t.categoryName}» отозван фондом ` +
    `с ${formatDateRu(t.revokedOn)}. Причина: ${t.reason}`
  );
}
