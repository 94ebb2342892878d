import type { Jurisdiction } from '@/config/env';
import { nationalPart } from '@/lib/jurisdiction/national';
import { KZ_CARD_PURPOSES } from '@/lib/kz/console/kz-card-purposes';
import { CARD_PURPOSES } from '@/lib/register/person-card';
import { STAFF_ACTION_NAMES, type StaffAction } from './staff-actions';

/** Card openings are logged as `card:<purpose>` (lib/register/person-card.ts, the Kazakh card's list). */
function cardOpenings(purposes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(purposes).map(([code, label]) => [
      `card:${code}`,
      `Открытие карточки: ${label.toLowerCase()}`,
    ]),
  );
}

const COMMON_READ_PURPOSES: Record<string, string> = {
  register_search: 'Поиск в регистре',
  audit_export: 'Выгрузка журнала аудита',
};

/** Each country's reads: what its doors log, in its words (a clinic's lookup reads a policy or a status). */
const NATIONAL_READ_PURPOSES: Record<Jurisdiction, Record<string, string>> = {
  ru: {
    policy_lookup: 'Проверка полиса (МО)',
    policy_view: 'Просмотр полиса',
    application_review: 'Просмотр заявления',
    extract_verify: 'Проверка выписки',
    ...cardOpenings(CARD_PURPOSES),
  },
  kz: {
    policy_lookup: 'Проверка статуса ОСМС (МО)',
    osms_cabinet: 'Просмотр своего статуса ОСМС',
    osms_status_check: 'Проверка статуса ОСМС по ИИН',
    temporary_status_document: 'Скачивание документа о льготной категории',
    ...cardOpenings(KZ_CARD_PURPOSES),
  },
};

/**
 * Purposes of reads of personal data written to the access log in this register, in words (the audit
 * filter's list, the page and the CSV); a purpose not listed is shown as logged.
 */
export function readPurposeLabels(): Record<string, string> {
  return { ...nationalPart(NATIONAL_READ_PURPOSES), ...COMMON_READ_PURPOSES };
}

const COMMON_CHANNELS: Record<string, string> = {
  console: 'Консоль',
  clinic_ui: 'Рабочее место МО',
  rest: 'REST API',
  fhir: 'FHIR API',
  feed: 'Ведомство',
};

/** The channels only one country's register has, and the citizen's portal by its name there. */
const NATIONAL_CHANNELS: Record<Jurisdiction, Record<string, string>> = {
  ru: { portal: 'Госуслуги (портал)' },
  kz: { portal: 'Личный кабинет (eGov)', status_check: 'Проверка статуса ОСМС' },
};

/** The access log's channels in this register, in words (the audit filter's list, the page and the CSV). */
export function channelLabels(): Record<string, string> {
  return { ...nationalPart(NATIONAL_CHANNELS), ...COMMON_CHANNELS };
}

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
  return readPurposeLabels()[what] ?? what;
}
