import { ConfigError, type Jurisdiction } from '@/config/env';
import type { JurisdictionProfile } from './profile';
import { kzProfile } from './kz';
import { ruProfile } from './ru';

/**
 * The profiles this build has (ADR 0029): Russia's ОМС and Kazakhstan's ОСМС (ADR 0030). A jurisdiction
 * the configuration names but this list lacks is refused at start, before the database is opened: there
 * is no placeholder profile.
 */
const PROFILES: Partial<Record<Jurisdiction, JurisdictionProfile>> = { ru: ruProfile, kz: kzProfile };

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
