import { ConfigError, type Jurisdiction } from '@/config/env';
import type { JurisdictionProfile } from './profile';
import { ruProfile } from './ru';

/**
 * The profiles this build has (ADR 0029). A jurisdiction the configuration names but this list lacks is
 * refused at start, before the database is opened: there is no placeholder profile. Kazakhstan's joins
 * this list in the change that wires its register (issue 14).
 */
const PROFILES: Partial<Record<Jurisdiction, JurisdictionProfile>> = { ru: ruProfile };

/** The profile of `jurisdiction`; a `ConfigError` naming REGISTER_JURISDICTION when it is not wired. */
export function profileOf(jurisdiction: Jurisdiction): JurisdictionProfile {
  const profile = PROFILES[jurisdiction];
  if (!profile) {
    const wired = Object.keys(PROFILES).join(', ');
    throw new ConfigError(
      ['REGISTER_JURISDICTION'],
      `Invalid configuration: REGISTER_JURISDICTION: ${jurisdiction} is not available in this build yet ` +
        `(its profile is not wired, ADR 0029); available: ${wired}`,
    );
  }
  return profile;
}
