import { isOverdue } from '@/lib/domain/ru/calendar';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** `2 д 3 ч`, `5 ч 20 мин`, `12 мин`: the two largest units, never less than a minute. */
function span(ms: number): string {
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.max(1, Math.floor((ms % HOUR) / MINUTE));
  if (days > 0) return hours > 0 ? `${days} д ${hours} ч` : `${days} д`;
  if (hours > 0) return `${hours} ч ${Math.floor((ms % HOUR) / MINUTE)} мин`;
  return `${minutes} мин`;
}

/** What the queue says about a waiting application's deadline. */
export interface TimeLeft {
  overdue: boolean;
  /** «осталось 5 ч 20 мин» or «просрочено на 1 д 2 ч». */
  text: string;
}

export function timeLeft(dueAt: Date, now: Date): TimeLeft {
  const overdue = isOverdue(dueAt, now);
  const ms = Math.abs(dueAt.getTime() - now.getTime());
  return overdue ? { overdue, text: `просрочено на ${span(ms)}` } : { overdue, text: `осталось ${span(ms)}` };
}
