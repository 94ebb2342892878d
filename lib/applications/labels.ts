import { MOSCOW_TIME_ZONE } from '@/config/time-zone';
import type { applicationKindEnum, applicationStatusEnum } from '@/db/schema';

export type ApplicationKind = (typeof applicationKindEnum.enumValues)[number];
export type ApplicationStatus = (typeof applicationStatusEnum.enumValues)[number];

/** What each kind of application is called on screen and in notifications. */
export const APPLICATION_KIND_LABELS: Record<ApplicationKind, string> = {
  electronic_policy: 'Оформление полиса ОМС',
  child_registration: 'Полис ОМС для ребёнка',
  insurer_change: 'Смена страховой медицинской организации',
  region_change: 'Смена региона страхования',
  suspension: 'Приостановление полиса ОМС',
  renewal: 'Возобновление полиса ОМС',
  attachment: 'Прикрепление к поликлинике',
};

/** The statuses of the product brief: черновик → отправлено → в обработке → исполнено | отказ | отменено. */
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = {
  draft: 'Черновик',
  submitted: 'Отправлено',
  in_progress: 'В обработке',
  done: 'Исполнено',
  refused: 'Отказ',
  cancelled: 'Отменено',
};

export const FINAL_STATUSES: readonly ApplicationStatus[] = ['done', 'refused', 'cancelled'];

/** Which status may follow which; anything else is a bug or a lost race. */
export const ALLOWED_TRANSITIONS: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  draft: ['submitted', 'cancelled'],
  submitted: ['in_progress', 'done', 'refused', 'cancelled'],
  in_progress: ['done', 'refused', 'cancelled'],
  done: [],
  refused: [],
  cancelled: [],
};

const MOSCOW_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: MOSCOW_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** `12.01.2026, 23:59` in Moscow time — how instants are shown to people. */
export function formatMoscowDateTime(instant: Date): string {
  return MOSCOW_TIME.format(instant);
}
