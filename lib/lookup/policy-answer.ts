import type { LocalDate } from '@/lib/domain/dates';
import type { PolicyStatus } from '@/lib/domain/ru/policy-status';

/**
 * What a clinic is told about a person's policy — and nothing more (no address, no history). Shared by the
 * workspace, REST and FHIR.
 */
export interface PolicyAnswer {
  insured: boolean;
  status: PolicyStatus['status'];
  statusCode: PolicyStatus['code'];
  /** Why (and since when); for a plain active policy, since when. */
  statusText: string;
  nextStep: string | null;
  reason: string | null;
  enp: string;
  person: { lastName: string; firstName: string; patronymic: string | null; birthDate: LocalDate };
  insurer: { code: string; name: string; phone: string | null } | null;
  region: { code: string; name: string } | null;
  clinic: { code: string; name: string } | null;
  coverage: { from: LocalDate; to: LocalDate | null } | null;
  asOf: LocalDate;
  /** Served from the last known state because the register could not be read. */
  stale: boolean;
  /** When that last known state was read (ISO instant); null when fresh. */
  staleSince: string | null;
}

export type LookupOutcome =
  | { kind: 'found'; answer: PolicyAnswer }
  | { kind: 'not_found'; status: PolicyStatus; asOf: LocalDate }
  /** The register cannot be read and nothing is known of this person: no claim either way. */
  | { kind: 'unavailable'; message: string; asOf: LocalDate };
