/**
 * Why an employee of the fund opens a person's ОСМС card: one of a short list, written to the access log
 * with the opening (the Russian card's list names applications and duplicates, which Kazakhstan's register
 * has not).
 */
export const KZ_CARD_PURPOSES = {
  citizen_request: 'Обращение гражданина',
  clinic_request: 'Обращение медицинской организации',
  temporary_status: 'Проверка временного статуса',
  data_check: 'Проверка данных о взносах и категориях',
  supervision: 'Контроль и экспертиза',
} as const;
export type KzCardPurpose = keyof typeof KZ_CARD_PURPOSES;

export function isKzCardPurpose(value: unknown): value is KzCardPurpose {
  return typeof value === 'string' && Object.hasOwn(KZ_CARD_PURPOSES, value);
}
