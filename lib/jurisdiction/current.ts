import { env } from '@/config/env';
import type { JurisdictionProfile } from './profile';
import { profileOf } from './profiles';

/** The profile of the jurisdiction this deployment runs (REGISTER_JURISDICTION, checked in config/env.ts). */
export function jurisdictionProfile(): JurisdictionProfile {
  return profileOf(env().REGISTER_JURISDICTION);
}
