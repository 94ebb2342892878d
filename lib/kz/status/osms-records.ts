import type { LocalDate } from '@/lib/domain/dates';
import type { KZ_CITIZENSHIP, OsmsCategory } from '@/lib/domain/kz';

/**
 * What the register holds about a person's ОСМС facts, as known at one instant (ADR 0030): the rows the
 * status is derived from, as the cabinet, the console and the clinic show them. Documents' bytes never
 * leave the table here.
 */
export interface ContributionRecord {
  id: number;
  payerKind: 'employer' | 'self' | 'state' | 'local-body' | 'lump-sum';
  /** The payer's БИН, ИИН or the budget programme's code. */
  payerId: string;
  payerName: string | null;
  /** `YYYY-MM`; a lump sum's first month. */
  month: string;
  /** 1, or the months a lump sum was meant for. */
  months: number;
  /** Tenge with kopecks-like tiyn, exact: `"4250.00"`. */
  amount: string;
  paidOn: LocalDate;
  paymentReference: string;
  source: string;
  recordedAt: Date;
}

export interface MembershipRecord {
  id: number;
  category: OsmsCategory;
  from: LocalDate;
  to: LocalDate | null;
  receivedOn: LocalDate;
  source: string;
  recordedAt: Date;
}

export interface TemporaryStatusRecord {
  id: number;
  category: OsmsCategory;
  uploadedOn: LocalDate;
  uploadedBy: 'clinic' | 'person';
  uploaderOrganisation: string | null;
  documentName: string;
  documentType: string;
  documentSize: number;
  documentSha256: string;
  recordedAt: Date;
  /** Its last day by the rule (one month from the upload, lib/domain/kz); a revocation ends it sooner. */
  lastDay: LocalDate;
  /** The revocation as known at the instant read: null when none was recorded by then. */
  revokedOn: LocalDate | null;
  revokeReason: string | null;
}

export interface ResidencePermitRecord {
  id: number;
  basis: 'permanent' | 'treaty';
  from: LocalDate;
  to: LocalDate | null;
  source: string;
}

/** A citizen of Kazakhstan takes part in ОСМС; anyone else while a residence permit holds. */
export type ResidenceRecord =
  | { kind: 'citizen'; citizenship: typeof KZ_CITIZENSHIP }
  | { kind: 'foreign'; citizenship: string; permits: ResidencePermitRecord[] };

export interface OsmsRecords {
  contributions: ContributionRecord[];
  memberships: MembershipRecord[];
  temporaryStatuses: TemporaryStatusRecord[];
  residence: ResidenceRecord;
}
