import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type { OsmsCategory } from '@/lib/domain/kz/categories';
import { actorKindEnum } from './enums';
import { persons } from './persons';

/**
 * Kazakhstan's ОСМС facts (issue 14, ADR 0029, migration 0020): a person's status is derived from them by
 * lib/domain/kz (`osmsStatusOn`), never stored. Every table is bitemporal in record time: a row is what the
 * register knew from `recorded_at` until `retracted_at` (or, for a temporary status, until `revoked_at`), so
 * "the status on D as known at T" reads the rows known at T. A Russian register leaves them empty.
 */

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});

/** The category codes of lib/domain/kz/categories.ts, as the database checks them. */
const CATEGORY_CHECK = sql.raw(
  `('CHILDREN', 'PREGNANT_NOT_WORKING', 'PARENT_OF_CHILD_UNDER_3', 'CHILDCARE_LEAVE', 'CARER_OF_DISABLED_CHILD', 'CARER_OF_GROUP_I_DISABLED', 'PENSIONER', 'PENAL_INSTITUTION', 'PRE_TRIAL_DETENTION', 'KANDAS_NOT_WORKING', 'MOTHER_OF_MANY_AWARDED', 'DISABILITY', 'FULL_TIME_STUDENT', 'TARGETED_SOCIAL_ASSISTANCE', 'HOUSE_ARREST_NOT_WORKING', 'REGISTERED_UNEMPLOYED', 'CRISIS_SOCIAL_WELLBEING')`,
);

const knownFrom = {
  recordedAt: timestamp('recorded_at', { withTimezone: true })
    .notNull()
    .default(sql`clock_timestamp()`),
  retractedAt: timestamp('retracted_at', { withTimezone: true }),
};

/**
 * The contributions ledger. A monthly payment (employer, self, state, local body) is for one month; a
 * `lump-sum` is one payment meant for `months` months and is no month's contribution. The payment
 * reference is recorded once while the row stands, so a replayed feed changes nothing.
 */
export const kzContributions = pgTable(
  'kz_contributions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    payerKind: text('payer_kind', {
      enum: ['employer', 'self', 'state', 'local-body', 'lump-sum'],
    }).notNull(),
    /** The payer's БИН (employer, local body), ИИН (self-payer) or the budget programme's code (state). */
    payerId: varchar('payer_id', { length: 32 }).notNull(),
    payerName: text('payer_name'),
    /** `YYYY-MM`; for a lump sum, the first of the months it was meant for. */
    monthCovered: char('month_covered', { length: 7 }).notNull(),
    months: smallint('months').notNull().default(1),
    /** Tenge, as text to keep the exact amount (numeric(14,2)). */
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    paidOn: date('paid_on', { mode: 'string' }).notNull(),
    paymentReference: varchar('payment_reference', { length: 64 }).notNull(),
    /** The channel or feed that recorded it: `feed:payments`, `seed`, `console`, … */
    source: varchar('source', { length: 32 }).notNull(),
    ...knownFrom,
  },
  (t) => [
    uniqueIndex('kz_contributions_reference_key')
      .on(t.paymentReference)
      .where(sql`${t.retractedAt} is null`),
    index('kz_contributions_person_idx').on(t.personId, t.monthCovered),
    check(
      'kz_contributions_payer_kind',
      sql`${t.payerKind} in ('employer', 'self', 'state', 'local-body', 'lump-sum')`,
    ),
    check('kz_contributions_month_format', sql`${t.monthCovered} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check(
      'kz_contributions_months',
      sql`(${t.payerKind} = 'lump-sum' and ${t.months} between 2 and 120) or (${t.payerKind} <> 'lump-sum' and ${t.months} = 1)`,
    ),
    check('kz_contributions_amount', sql`${t.amount} > 0`),
    check(
      'kz_contributions_retracted_after',
      sql`${t.retractedAt} is null or ${t.retractedAt} >= ${t.recordedAt}`,
    ),
  ],
);

/**
 * Membership in a category the state or a local body pays for, as the agencies' lists say it. A person's
 * standing memberships of one category never overlap: the exclusion constraint
 * `kz_category_memberships_no_overlap` (migration 0022, which drizzle's DSL cannot express).
 */
export const kzCategoryMemberships = pgTable(
  'kz_category_memberships',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    category: varchar('category', { length: 40 }).$type<OsmsCategory>().notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    /** When the category data reached the fund. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    source: varchar('source', { length: 32 }).notNull(),
    ...knownFrom,
  },
  (t) => [
    index('kz_category_memberships_person_idx').on(t.personId, t.fromDate),
    index('kz_category_memberships_person_category_idx')
      .on(t.personId, t.category)
      .where(sql`${t.retractedAt} is null`),
    check('kz_category_memberships_category', sql`${t.category} in ${CATEGORY_CHECK}`),
    check('kz_category_memberships_period', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
    check(
      'kz_category_memberships_retracted_after',
      sql`${t.retractedAt} is null or ${t.retractedAt} >= ${t.recordedAt}`,
    ),
  ],
);

/** The one-month status given on an uploaded document proving a category; the document is kept with it. */
export const kzTemporaryStatuses = pgTable(
  'kz_temporary_statuses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    category: varchar('category', { length: 40 }).$type<OsmsCategory>().notNull(),
    uploadedOn: date('uploaded_on', { mode: 'string' }).notNull(),
    uploadedBy: text('uploaded_by', { enum: ['clinic', 'person'] }).notNull(),
    uploaderActorKind: actorKindEnum('uploader_actor_kind').notNull(),
    uploaderActorId: varchar('uploader_actor_id', { length: 128 }).notNull(),
    /** The clinic's code when a registrar uploaded. */
    uploaderOrganisation: varchar('uploader_organisation', { length: 64 }),
    documentName: varchar('document_name', { length: 255 }).notNull(),
    documentType: varchar('document_type', { length: 64 }).notNull(),
    documentSize: integer('document_size').notNull(),
    documentSha256: char('document_sha256', { length: 64 }).notNull(),
    document: bytea('document').notNull(),
    recordedAt: knownFrom.recordedAt,
    revokedOn: date('revoked_on', { mode: 'string' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: varchar('revoked_by', { length: 128 }),
    revokeReason: text('revoke_reason'),
  },
  (t) => [
    index('kz_temporary_statuses_person_idx').on(t.personId, t.uploadedOn),
    check('kz_temporary_statuses_category', sql`${t.category} in ${CATEGORY_CHECK}`),
    check('kz_temporary_statuses_uploaded_by', sql`${t.uploadedBy} in ('clinic', 'person')`),
    check(
      'kz_temporary_statuses_document_type',
      sql`${t.documentType} in ('application/pdf', 'image/jpeg', 'image/png')`,
    ),
    check(
      'kz_temporary_statuses_document_size',
      sql`${t.documentSize} between 1 and 5242880 and ${t.documentSize} = octet_length(${t.document})`,
    ),
    check('kz_temporary_statuses_document_sha256', sql`${t.documentSha256} ~ '^[0-9a-f]{64}$'`),
    check(
      'kz_temporary_statuses_revocation',
      sql`(${t.revokedOn} is null and ${t.revokedAt} is null and ${t.revokedBy} is null and ${t.revokeReason} is null) or (${t.revokedOn} is not null and ${t.revokedAt} is not null and ${t.revokedBy} is not null and ${t.revokeReason} is not null and ${t.revokedOn} >= ${t.uploadedOn})`,
    ),
  ],
);

/** A foreigner's or stateless person's residence in Kazakhstan (what makes them an ОСМС participant). */
export const kzResidencePermits = pgTable(
  'kz_residence_permits',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    basis: text('basis', { enum: ['permanent', 'treaty'] }).notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    source: varchar('source', { length: 32 }).notNull(),
    ...knownFrom,
  },
  (t) => [
    index('kz_residence_permits_person_idx').on(t.personId),
    check('kz_residence_permits_basis', sql`${t.basis} in ('permanent', 'treaty')`),
    check('kz_residence_permits_period', sql`${t.toDate} is null or ${t.toDate} >= ${t.fromDate}`),
    check(
      'kz_residence_permits_retracted_after',
      sql`${t.retractedAt} is null or ${t.retractedAt} >= ${t.recordedAt}`,
    ),
  ],
);
