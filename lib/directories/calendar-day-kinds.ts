/** The kinds of special days of the production calendar, and their names for people. Pure: pages use it. */
export type CalendarDayKind = 'holiday' | 'transfer' | 'weekend-workday';

export const CALENDAR_KIND_LABELS: Record<CalendarDayKind, string> = {
  holiday: 'нерабочий праздничный день',
  transfer: 'перенесённый выходной',
  'weekend-workday': 'рабочий день в субботу или воскресенье',
};
