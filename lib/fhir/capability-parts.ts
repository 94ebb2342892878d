import type { CapabilityStatementRestResource } from '@medplum/fhirtypes';
import type { JurisdictionProfile } from '@/lib/jurisdiction/profile';

/**
 * What the common CapabilityStatement (capability-statement.ts) and each jurisdiction's part of it
 * (kz/capability-statement.ts) share, apart from both so neither imports the other.
 */

/** What a jurisdiction's FHIR doors do (ADR 0033): the frame around it is common. */
export interface NationalCapability {
  description: string;
  documentation: string;
  resources: CapabilityStatementRestResource[];
}

/** The profile's patient identifier systems (ADR 0029), each with its name and whether it needs birthdate. */
export function identifierSystems(profile: JurisdictionProfile): string {
  return profile.fhir.patientIdentifiers
    .map((i) => `${i.system} (${i.label}${i.needsBirthDate ? ', only with birthdate' : ''})`)
    .join('; ');
}
