import { randomInt } from 'node:crypto';
import { epochDaysToDate, dateToEpochDays, type LocalDate } from '../../lib/domain/dates';
import { syntheticIin } from '../../lib/domain/kz';

/**
 * A synthetic ИИН for a person of a test's own: a random birth date (1950–2005) and serial, so that
 * workers and runs sharing the browser tests' register do not take each other's numbers.
 */
export function ownIin(): string {
  const from = dateToEpochDays('1950-01-01' as LocalDate);
  const to = dateToEpochDays('2005-12-31' as LocalDate);
  return syntheticIin(epochDaysToDate(randomInt(from, to)), 'female', randomInt(0, 8000));
}
