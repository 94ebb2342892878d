import type { Executor } from '@/db/client';
import { staffActions } from '@/db/schema';

/**
 * The codes of staff actions. One list, so the audit log's filter and its labels cannot miss one.
 * Reads of personal data are not actions: they go to the access log (lib/audit/access-log.ts).
 */
export const STAFF_ACTIONS = [
  'sign_in',
  'sign_in_failed',
  'sign_out',
  'sign_out_everywhere',
  'password_changed',
  'totp_enrolled',
  'totp_reset',
  'account_created',
  'account_blocked',
  'account_unblocked',
  'account_rescoped',
  'api_key_issued',
  'api_key_revoked',
  'application_decided',
  'person_corrected',
  'audit_exported',
  'persons_merged',
  'persons_merge_undone',
  'duplicate_dismissed',
  'feed_key_issued',
  'feed_key_revoked',
  'directory_imported',
  'calendar_year_loaded',
  'temporary_status_revoked',
] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Russian names of the actions, for the audit log's pages and its export. */
export const STAFF_ACTION_NAMES: Record<StaffAction, string> = {
  sign_in: 'Вход',
  sign_in_failed: 'Неудачная попытка входа',
  sign_out: 'Выход',
  sign_out_everywhere: 'Выход на всех устройствах',
  password_changed: 'Смена пароля',
  totp_enrolled: 'Подключение второго фактора',
  totp_reset: 'Сброс второго фактора',
  account_created: 'Создание учётной записи',
  account_blocked: 'Блокировка учётной записи',
  account_unblocked: 'Разблокировка учётной записи',
  account_rescoped: 'Изменение полномочий учётной записи',
  api_key_issued: 'Выпуск ключа API',
  api_key_revoked: 'Отзыв ключа API',
  application_decided: 'Решение по заявлению',
  person_corrected: 'Исправление данных',
  audit_exported: 'Выгрузка журнала',
  persons_merged: 'Объединение дублей',
  persons_merge_undone: 'Отмена объединения дублей',
  duplicate_dismissed: 'Пара отмечена как разные люди',
  feed_key_issued: 'Выпуск ключа ведомственного обмена',
  feed_key_revoked: 'Отзыв ключа ведомственного обмена',
  directory_imported: 'Загрузка справочника',
  calendar_year_loaded: 'Загрузка производственного календаря',
  temporary_status_revoked: 'Отзыв временного статуса ОСМС',
};

export interface StaffActionEntry {
  staffId: number | null;
  login: string;
  organisation: string | null;
  action: StaffAction;
  targetKind?: string | null;
  targetId?: string | null;
  personId?: number | null;
  details?: Record<string, unknown>;
  address?: string | null;
  note?: string | null;
}

/**
 * Records one staff action. Call it with the transaction of the change it records (or the database for an
 * action that changes nothing else, such as a failed sign-in), so the two commit or fail together.
 */
export async function recordStaffAction(executor: Executor, entry: StaffActionEntry): Promise<void> {
  await executor.insert(staffActions).values({
    staffId: entry.staffId,
    login: entry.login.slice(0, 64),
    organisationCode: entry.organisation,
    action: entry.action,
    targetKind: entry.targetKind ?? null,
    targetId: entry.targetId ?? null,
    personId: entry.personId ?? null,
    details: entry.details ?? null,
    address: entry.address?.slice(0, 64) ?? null,
    note: entry.note ?? null,
  });
}
