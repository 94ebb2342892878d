import type { Jurisdiction } from '@/config/env';
import type { StaffAccountRole } from '@/lib/auth/staff-accounts';
import type { LocalDate } from '@/lib/domain/dates';
import type { Checked } from '@/lib/domain/result';

/**
 * What is national, as the common code may ask for it (ADR 0029). A deployment runs one jurisdiction and
 * gets its profile from `jurisdictionProfile()`; common code reads these values and calls these functions
 * instead of importing one country's constants, so it never needs to know which country it serves. Every
 * member points at the national definition (lib/domain/<id>/, the national use cases), never a copy.
 */
export interface JurisdictionProfile {
  readonly id: Jurisdiction;
  readonly country: { readonly iso3: string; readonly name: string };
  /** The IANA zone "today", deadlines and instants shown to people are counted in. */
  readonly timeZone: string;
  /** The calendar date in `timeZone` at an instant (now by default): "today" of a write or a status. */
  today(now?: Date): LocalDate;
  readonly texts: ProfileTexts;
  /**
   * The staff roles this country's register has, with their names: Russia's all four; Kazakhstan's no
   * insurers' operators (one fund, no insurers to choose), its regional operators the fund's branches.
   */
  readonly staffRoles: Readonly<Partial<Record<StaffAccountRole, string>>>;
  /** The register's key for a person: what a lookup, a status check and a feed identify people by. */
  readonly personIdentifier: PersonIdentifier;
  readonly fhir: {
    /** Every identifier system the FHIR doors accept for a patient, in the order the documentation lists them. */
    readonly patientIdentifiers: readonly FhirIdentifierSystem[];
  };
  /** The coverage/status model's common face: the codes a lookup answers, whatever computes them. */
  readonly status: StatusModel;
  /** The reference directories the register keeps. */
  readonly directories: {
    readonly files: readonly DirectoryFile[];
    /**
     * Deadlines are counted in working days of a production calendar loaded by year (Russia's applications);
     * the health check asks for this year's and next year's only where it is.
     */
    readonly productionCalendar: boolean;
  };
  /** The agencies that feed the register, each with the event types it may send. */
  readonly feeds: { readonly sources: readonly FeedSourceSpec[] };
  /** What a citizen can do on the portal: journeys (applications) and sections (what the register knows). */
  readonly portal: {
    readonly journeys: readonly PortalService[];
    readonly sections: readonly PortalService[];
  };
}

/** Names people read, in Russian (a Kazakh-language set, when added, has the same shape). */
export interface ProfileTexts {
  /** The register's full name, as a publisher or a page title says it. */
  readonly registerName: string;
  /**
   * The site's short name (ЕРЗ ОМС; ОСМС): the header, every page title's suffix (the edge's own pages
   * too), the machine documents' titles and the issuer an authenticator app shows.
   */
  readonly siteName: string;
  /** The insurance scheme's short name (ОМС; ОСМС). */
  readonly schemeName: string;
  /** Who runs the register (ФФОМС; ФСМС). */
  readonly fundName: string;
  /** How a time of day in `timeZone` is named after it: «время московское»; «время Астаны». */
  readonly timeZoneName: string;
  /** Its short name in a column's heading: «МСК»; «Астана». */
  readonly timeZoneShort: string;
  /** Its abbreviation, as staff see it beside their name (ФФОМС; ФСМС). */
  readonly fundShortName: string;
  /** A regional operator's organisation, before its region (ТФОМС; Филиал ФСМС). */
  readonly regionalFundName: string;
}

export interface PersonIdentifier {
  /** The machine name: the lookup input's field and the API's parameter (`enp`; `iin`). */
  readonly kind: string;
  /** What people call it (ЕНП; ИИН). */
  readonly label: string;
  readonly digits: number;
  /** The FHIR identifier system of the register's own key (what a read by id answers under). */
  readonly fhirSystem: string;
  /** Checks and normalises what a person or a client typed; issues are named under `field`. */
  validate(input: string, field?: string): Checked<string>;
  /** The printed form (groups of digits). */
  format(value: string): string;
}

export interface FhirIdentifierSystem {
  readonly system: string;
  /** Its short name in messages (ЕНП, СНИЛС…). */
  readonly label: string;
  /** What it is and how its value is written, for the vendors' documentation. */
  readonly description: string;
  /** A search by it must carry the birth date too (ADR 0014). */
  readonly needsBirthDate: boolean;
}

export interface StatusModel {
  /** The code system the FHIR answers code the status in. */
  readonly codeSystem: string;
  /** Every code a lookup may answer, and whether care is paid under it. */
  readonly codes: readonly { readonly code: string; readonly insured: boolean }[];
}

export interface DirectoryFile {
  /** The directory import's kind (lib/directories). */
  readonly kind: string;
  /** Its name for the people who load it. */
  readonly name: string;
}

export interface FeedSourceSpec {
  /** The source key in the feed API's path: /api/v1/feeds/{source}/events. */
  readonly source: string;
  readonly eventTypes: readonly string[];
  /** What it is called in a list or a table's row (nominative): «ЗАГС», «Военные комиссариаты». */
  readonly title: string;
  /** Who sends it, as the operators' messages name it after «от» (genitive): «ЗАГС», «военных комиссариатов». */
  readonly name: string;
  /** How often it is expected to send: silent for longer, the health check and the console warn. */
  readonly expectedPeriodHours: number;
}

export interface PortalService {
  /** The page in the personal cabinet. */
  readonly href: string;
  /** What the link says: an action, in the citizen's words. */
  readonly title: string;
}
