/** What each register event is called on screen (the card's history, the audit log). */
export const REGISTER_EVENT_LABELS: Record<string, string> = {
  'person.registered': 'Включение в регистр',
  'person.corrected': 'Исправление данных человека',
  'person.died': 'Смерть',
  'person.name_changed': 'Смена ФИО',
  'document.added': 'Документ добавлен',
  'document.corrected': 'Исправление документа',
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
};

export function registerEventLabel(action: string): string {
  return REGISTER_EVENT_LABELS[action] ?? action;
}
