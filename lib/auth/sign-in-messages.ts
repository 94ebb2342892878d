import { MOSCOW_TIME_ZONE } from '@/config/time-zone';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { errorCatalogue } from '@/lib/errors';

const clock = new Intl.DateTimeFormat('ru-RU', {
  timeZone: MOSCOW_TIME_ZONE,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The words of a lockout, with when it lifts: ЧЧ:ММ Moscow time, and the date when that is not today.
 * The minute is rounded up, so "after 14:35" is never a moment when the lock still holds.
 */
export function lockedMessage(until: Date, now: Date = new Date()): string {
  const shown = new Date(Math.ceil(until.getTime() / 60_000) * 60_000);
  const day = moscowDate(shown) === moscowDate(now) ? '' : ` ${formatDateRu(moscowDate(shown))}`;
  return `${errorCatalogue.SIGN_IN_LOCKED.message} Повторите вход после ${clock.format(shown)}${day} (время московское).`;
}
