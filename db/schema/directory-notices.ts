import { bigint, char, date, pgTable, primaryKey, timestamp } from 'drizzle-orm/pg-core';
import { persons } from './persons';

/**
 * The insured told that their insurer stops working in their region (issue 13): one row per person and
 * ending, written in the same transaction as the person's notification, so a notice job that is
 * interrupted and run again never tells anyone twice and misses no one.
 */
export const insurerLeavingNotices = pgTable(
  'insurer_leaving_notices',
  {
    insurerCode: char('insurer_code', { length: 5 }).notNull(),
    subjectCode: char('subject_code', { length: 2 }).notNull(),
    /** The insurer's last day in the region, as announced when the notice was sent. */
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.insurerCode, t.subjectCode, t.lastDay, t.personId] })],
);
