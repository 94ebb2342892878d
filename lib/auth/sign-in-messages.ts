import { formatDateRu, zonedFormat } from '@/lib/domain/dates';
import { errorCatalogue } from '@/lib/errors';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';

const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/**
 * The words of a lockout, with when it lifts: ЧЧ:ММ in the register's time (Moscow; Astana), and the date
 * when that is not today. The minute is rounded up, so "after 14:35" is never a moment when the lock still
 * holds.
 */
export function lockedMessage(until: Date, now: Date = new Date()): string {
  const profile = jurisdictionProfile();
  const shown = new Date(Math.ceil(until.getTime() / 60_000) * 60_000);
  const shownDay = profile.today(shown);
  const day = shownDay === profile.today(now) ? '' : ` ${formatDateRu(shownDay)}`;
  return `${errorCatalogue.SIGN_IN_LOCKED.message} Повторите вход после ${zonedFormat('ru-RU', profile.timeZone, CLOCK).format(shown)}${day} (${profile.texts.timeZoneName}).`;
}
