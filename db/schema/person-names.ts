import { bigint, boolean, date, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { persons } from './persons';

/**
 * Every name a person has been known by (the current one and each earlier one), with the birth date the
 * register holds, for the register search (ADR 0019). Written only by triggers on `persons` (migration
 * 0010): whoever inserts a person or changes their name or birth date — a use case, a feed, the seeder's
 * COPY — keeps this table true without knowing of it. `search_key` is `name_search_key(full_name)`.
 */
export const personNames = pgTable(
  'person_names',
  {
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    fullName: text('full_name').notNull(),
    searchKey: text('search_key').notNull(),
    isCurrent: boolean('is_current').notNull().default(true),
    recordedFrom: timestamp('recorded_from', { withTimezone: true })
      .notNull()
      .default(sql`clock_timestamp()`),
    recordedTo: timestamp('recorded_to', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'person_names_pkey', columns: [t.personId, t.recordedFrom] }),
    index('person_names_birth_date_idx').on(t.birthDate),
  ],
);
