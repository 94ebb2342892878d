import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { actorKindEnum, applicationKindEnum, applicationStatusEnum } from './enums';
import { persons } from './persons';

/** A citizen's application (заявление), worked against its due time. */
export const applications = pgTable(
  'applications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** The number shown to people, e.g. `2026-00000042`. */
    number: varchar('number', { length: 20 }).notNull(),
    kind: applicationKindEnum('kind').notNull(),
    /** The identity-provider subject of the account that applied (the citizen or parent). */
    applicantSub: varchar('applicant_sub', { length: 128 }).notNull(),
    applicantPersonId: bigint('applicant_person_id', { mode: 'number' }).references(() => persons.id),
    /** Whom the application is about (the applicant, or their child); empty until the person exists. */
    subjectPersonId: bigint('subject_person_id', { mode: 'number' }).references(() => persons.id),
    payload: jsonb('payload').notNull(),
    status: applicationStatusEnum('status').notNull(),
    /** Re-submitting the same application finds this key and returns the first one. */
    idempotencyKey: varchar('idempotency_key', { length: 128 }),
    /** For the queues: the region (ТФОМС) and the insurer (СМО) the application belongs to. */
    subjectCode: char('subject_code', { length: 2 }),
    insurerCode: char('insurer_code', { length: 5 }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /**
     * The due time was computed without the official production calendar of a year it spans (its decree
     * not loaded yet): by the Labour Code's own holidays, so it may move once the year is loaded.
     */
    dueProvisional: boolean('due_provisional').notNull().default(false),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: varchar('decided_by', { length: 128 }),
    reasonCode: varchar('reason_code', { length: 64 }),
    reasonText: text('reason_text'),
    ...timestamps,
  },
  (t) => [
    unique('applications_number_key').on(t.number),
    unique('applications_idempotency_key').on(t.idempotencyKey),
    index('applications_applicant_idx').on(t.applicantSub),
    index('applications_subject_person_idx').on(t.subjectPersonId),
    index('applications_applicant_person_idx')
      .on(t.applicantPersonId)
      .where(sql`${t.applicantPersonId} is not null`),
    // The dashboards' refresh reads the last weeks by submission time (migration 0015).
    index('applications_submitted_at_idx').on(t.submittedAt),
    // The console's queue (migration 0009): waiting by due time, decided newest first; country, region, insurer.
    index('applications_queue_idx')
      .on(t.dueAt, t.id)
      .where(sql`${t.status} in ('submitted', 'in_progress')`),
    index('applications_queue_subject_idx')
      .on(t.subjectCode, t.dueAt, t.id)
      .where(sql`${t.status} in ('submitted', 'in_progress')`),
    index('applications_queue_insurer_idx')
      .on(t.insurerCode, t.dueAt, t.id)
      .where(sql`${t.status} in ('submitted', 'in_progress')`),
    index('applications_decided_idx')
      .on(t.decidedAt, t.id)
      .where(sql`${t.status} in ('done', 'refused', 'cancelled')`),
    index('applications_decided_subject_idx')
      .on(t.subjectCode, t.decidedAt, t.id)
      .where(sql`${t.status} in ('done', 'refused', 'cancelled')`),
    index('applications_decided_insurer_idx')
      .on(t.insurerCode, t.decidedAt, t.id)
      .where(sql`${t.status} in ('done', 'refused', 'cancelled')`),
    index('applications_staff_decided_idx')
      .on(t.decidedAt, t.dueAt, t.subjectCode, t.insurerCode)
      .where(sql`${t.status} in ('done', 'refused') and ${t.decidedBy} like 'staff:%'`),
  ],
);

/** Every status an application went through, with who and why. */
export const applicationStatusHistory = pgTable(
  'application_status_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    applicationId: bigint('application_id', { mode: 'number' })
      .notNull()
      .references(() => applications.id),
    status: applicationStatusEnum('status').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorKind: actorKindEnum('actor_kind').notNull(),
    actorId: varchar('actor_id', { length: 128 }).notNull(),
    reason: text('reason'),
  },
  (t) => [index('application_status_history_app_idx').on(t.applicationId, t.at)],
);
