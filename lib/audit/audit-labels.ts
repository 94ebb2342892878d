import { CARD_PURPOSES } from '@/lib/register/person-card';
import { STAFF_ACTION_NAMES, type StaffAction } from './staff-actions';

/** Purposes of reads of personal data written to the access log, in words; others are shown as logged. */
export const READ_PURPOSE_LABELS: Record<string, string> = {
  policy_lookup: 'Проверка полиса (МО)',
  policy_view: 'Просмотр полиса',
  register_search: 'Поиск в регистре',
  application_review: 'Просмотр заявления',
  extract_verify: 'Проверка выписки',
  audit_export: 'Выгрузка журнала аудита',
  osms_status: 'Просмотр статуса ОСМС',
  osms_status_check: 'Проверка статуса ОСМС по ИИН',
  // Card openings are logged as `card:<purpose>` (lib/register/person-card.ts).
  ...Object.fromEntries(
    Object.entries(CARD_PURPOSES).map(([code, label]) => [
      `card:${code}`,
      `Открытие карточки: ${label.toLowerCase()}`,
    ]),
  ),
};

export const CHANNEL_LABELS: Record<string, string> = {
  portal: 'Госуслуги (портал)',
  console: 'Консоль',
  clinic_ui: 'Рабочее место МО',
  rest: 'REST API',
  fhir: 'FHIR API',
  feed: 'Ведомство',
  status_check: 'Проверка статуса ОСМС',
};

export const ACTOR_KIND_LABELS: Record<string, string> = {
  citizen: 'Гражданин',
  staff: 'Сотрудник',
  clinic: 'Регистратор МО',
  api_key: 'API-ключ МО',
  feed: 'Ведомство',
  system: 'Система',
  public: 'Посетитель без входа',
};

/** The words for an entry's «what»: a staff action, a read's purpose, or the code itself. */
export function whatLabel(source: 'a' | 'r', what: string): string {
  if (source === 'a') return STAFF_ACTION_NAMES[what as StaffAction] ?? what;
  return READ_PURPOSE_LABELS[what] ?? what;
}
