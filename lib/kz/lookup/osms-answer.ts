import type { LocalDate } from '@/lib/domain/dates';
import type { OsmsCategory } from '@/lib/domain/kz/categories';
import type { InsuredGround, NotInsuredReason } from '@/lib/domain/kz/insured-status';
import { KZ_PERSON_NOT_FOUND_TEXT } from '@/lib/kz/status/status-read-support';

/**
 * What a clinic is told about a person's ОСМС status — and nothing more: no amounts, no payers, no
 * history. Shared by the workspace, REST and FHIR of a Kazakh deployment (the Russian PolicyAnswer's
 * counterpart, lib/lookup/policy-answer.ts).
 */
export interface OsmsAnswer {
  insured: boolean;
  /** The ground the status rests on (insured), or why not: lib/domain/kz's codes. */
  code: InsuredGround | NotInsuredReason;
  /** The ground or the reason, in Russian. */
  text: string;
  /** What to do when not insured; null when insured. */
  advice: string | null;
  /** The category the ground rests on (state-paid, local body, grace after it, temporary document). */
  category: { code: OsmsCategory; name: string } | null;
  /** The last day the status holds on the facts known; null while open-ended (or not insured). */
  until: LocalDate | null;
  iin: string;
  person: {
    lastName: string;
    firstName: string;
    patronymic: string | null;
    birthDate: LocalDate;
    sex: 'M' | 'F';
  };
  asOf: LocalDate;
  /**
   * Set when the information systems are down (the domain's rule: the right known on that day is kept
   * until they are restored); null otherwise.
   */
  dataUnavailableSince: LocalDate | null;
  /** Served from the last known state because the register could not be read. */
  stale: boolean;
  /** When that last known state was read (ISO instant); null when fresh. */
  staleSince: string | null;
}

/** Why nobody was found, and what to do: the "why not" of a lookup that found no person. */
export interface OsmsNotFound {
  code: 'NOT_FOUND';
  text: string;
  advice: string;
}

/** Nobody has this ИИН in the register: never "not insured" — the fund's data may not have arrived. */
export const OSMS_NOT_FOUND: OsmsNotFound = {
  code: 'NOT_FOUND',
  text: KZ_PERSON_NOT_FOUND_TEXT,
  advice:
    'Сверьте ИИН с удостоверением личности. Если ИИН верный, человеку нужно обратиться в филиал фонда социального медицинского страхования.',
};

export type OsmsLookupOutcome =
  | { kind: 'found'; answer: OsmsAnswer }
  | { kind: 'not_found'; status: OsmsNotFound; asOf: LocalDate }
  /** The register cannot be read and nothing is known of this person: no claim either way. */
  | { kind: 'unavailable'; message: string; asOf: LocalDate };
