import { sql } from 'drizzle-orm';
import { bigint, char, check, date, index, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { coverageFormEnum, coverageStatusEnum } from './enums';
import { insurers, medicalOrganisations, subjectCodeColumn } from './directories';
import { persons } from './persons';

/**
 * Coverage periods, bitemporal. Valid time: [valid_from, valid_to) — when the person was covered in this
 * state. Record time: [recorded_from, recorded_to) — when the register believed it. A change never
 * updates a period's facts: it closes the believed row (recorded_to) and inserts its successors, so
 * "coverage on D as known at T" stays answerable after retroactive corrections. An exclusion constraint
 * (migration 0001) forbids overlapping currently-believed periods of one person.
 */
export const coverages = pgTable(
  'coverages',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    insurerCode: char('insurer_code', { length: 5 })
      .notNull()
      .references(() => insurers.code),
    subjectCode: subjectCodeColumn(),
    status: coverageStatusEnum('status').notNull(),
    /** Why the period has this status (e.g. `military_service`, `death`); code from lib/domain/ru/coverage. */
    reason: varchar('reason', { length: 32 }).notNull(),
    form: coverageFormEnum('form').notNull().default('electronic'),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    recordedFrom: timestamp('recorded_from', { withTimezone: true }).notNull().defaultNow(),
    recordedTo: timestamp('recorded_to', { withTimezone: true }),
  },
  (t) => [
    // The person card reads every row of a person's history (migration 0017).
    index('coverages_person_idx').on(t.personId),
    index('coverages_insurer_idx')
      .on(t.insurerCode)
      .where(sql`${t.recordedTo} is null and ${t.validTo} is null`),
    check('coverages_valid_range', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);

/** Attachment to a primary-care МО, with its period; history kept by closing periods. */
export const attachments = pgTable(
  'attachments',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    moCode: char('mo_code', { length: 6 })
      .notNull()
      .references(() => medicalOrganisations.code),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    reason: text('reason'),
  },
  (t) => [
    index('attachments_person_idx').on(t.personId),
    check('attachments_valid_range', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
  ],
);
