/**
 * What each register event is called on screen (the card's history): every action the register writes,
 * so a screen never shows a code. `RegisterEventAction` is the writer's type for an event's action, and
 * the seeders' actions are checked against this list by their tests.
 */
export const REGISTER_EVENT_LABELS = {
  'person.registered': 'Включение в регистр',
  'person.loaded': 'Загрузка из исходных данных',
  'person.corrected': 'Исправление данных человека',
  'person.died': 'Смерть',
  'person.name_changed': 'Смена ФИО',
  'person.former_name_recorded': 'Прежние ФИО записаны',
  'person.citizenship_changed': 'Изменение гражданства',
  'person.merged': 'Объединение записей-дубликатов',
  'person.merge_undone': 'Объединение записей отменено',
  'document.added': 'Документ добавлен',
  'document.corrected': 'Исправление документа',
  'document.invalidated': 'Документ признан недействительным',
  'coverage.issued': 'Оформление полиса',
  'coverage.suspended': 'Приостановление полиса',
  'coverage.renewed': 'Возобновление полиса',
  'coverage.terminated': 'Прекращение полиса',
  'coverage.insurer_changed': 'Смена страховой организации',
  'coverage.region_changed': 'Смена региона страхования',
  'coverage.corrected': 'Исправление периода страхования',
  'attachment.created': 'Прикрепление к поликлинике',
  'attachment.changed': 'Смена поликлиники',
  'attachment.corrected': 'Исправление прикрепления',
  'representation.created': 'Законный представитель указан',
  // ОСМС (ADR 0030): the ledger, the categories, residence, the temporary status.
  'contribution.paid': 'Поступил взнос',
  'contribution.reversed': 'Взнос возвращён',
  'category.joined': 'Включение в льготную категорию',
  'category.left': 'Выход из льготной категории',
  'category.corrected': 'Исправление периода в категории',
  'residence.recorded': 'Вид на жительство записан',
  'temporary_status.granted': 'Временный статус предоставлен',
  'temporary_status.revoked': 'Временный статус отозван',
} as const satisfies Record<string, string>;

export type RegisterEventAction = keyof typeof REGISTER_EVENT_LABELS;

export function registerEventLabel(action: string): string {
  return (REGISTER_EVENT_LABELS as Record<string, string>)[action] ?? action;
}
