import { sql } from 'drizzle-orm';
import {
  char,
  check,
  date,
  integer,
  pgTable,
  primaryKey,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { accessChannelEnum, coverageStatusEnum } from './enums';
import { insurers, subjects } from './directories';

/**
 * The dashboards' aggregate tables (migration 0015, ADR 0024): recomputed by the `dashboard.refresh` job
 * from the register's tables, read by the console's /konsol/svodka. Never written by anything else.
 */

/** Persons covered today, by region, insurer and status of their currently believed period. */
export const dashboardCoverageCounts = pgTable(
  'dashboard_coverage_counts',
  {
    subjectCode: char('subject_code', { length: 2 })
      .notNull()
      .references(() => subjects.code),
    insurerCode: char('insurer_code', { length: 5 })
      .notNull()
      .references(() => insurers.code),
    status: coverageStatusEnum('status').notNull(),
    persons: integer('persons').notNull(),
  },
  (t) => [
    primaryKey({ name: 'dashboard_coverage_counts_pkey', columns: [t.subjectCode, t.insurerCode, t.status] }),
    check('dashboard_coverage_counts_persons', sql`${t.persons} > 0`),
  ],
);

/** Applications per Moscow day: submitted, and decided in time or late, by region and insurer. */
export const dashboardApplicationDays = pgTable(
  'dashboard_application_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    subjectCode: char('subject_code', { length: 2 }),
    insurerCode: char('insurer_code', { length: 5 }),
    submitted: integer('submitted').notNull().default(0),
    decidedInTime: integer('decided_in_time').notNull().default(0),
    decidedLate: integer('decided_late').notNull().default(0),
  },
  (t) => [
    unique('dashboard_application_days_key').on(t.day, t.subjectCode, t.insurerCode).nullsNotDistinct(),
    check(
      'dashboard_application_days_counts',
      sql`${t.submitted} >= 0 and ${t.decidedInTime} >= 0 and ${t.decidedLate} >= 0`,
    ),
  ],
);

/** Clinic lookups per Moscow day and channel, by the region of the asking МО. */
export const dashboardLookupDays = pgTable(
  'dashboard_lookup_days',
  {
    day: date('day', { mode: 'string' }).notNull(),
    channel: accessChannelEnum('channel').notNull(),
    subjectCode: char('subject_code', { length: 2 }),
    lookups: integer('lookups').notNull(),
    found: integer('found').notNull(),
  },
  (t) => [
    unique('dashboard_lookup_days_key').on(t.day, t.channel, t.subjectCode).nullsNotDistinct(),
    check('dashboard_lookup_days_channel', sql`${t.channel} in ('clinic_ui', 'rest', 'fhir')`),
    check(
      'dashboard_lookup_days_counts',
      sql`${t.lookups} > 0 and ${t.found} >= 0 and ${t.found} <= ${t.lookups}`,
    ),
  ],
);

/** When each figure was last recomputed (the page's «по состоянию на»). */
export const dashboardRefreshes = pgTable(
  'dashboard_refreshes',
  {
    figure: varchar('figure', { length: 32 }).primaryKey(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
    tookMs: integer('took_ms').notNull(),
  },
  (t) => [check('dashboard_refreshes_figure', sql`${t.figure} in ('coverage', 'applications', 'lookups')`)],
);
