import { env } from './env';
import { TIME_ZONES } from './time-zone';

/** The zone of the jurisdiction this deployment runs (REGISTER_JURISDICTION); server code only. */
export function registerTimeZone(): string {
  return TIME_ZONES[env().REGISTER_JURISDICTION];
}
