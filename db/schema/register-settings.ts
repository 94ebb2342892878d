import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core';

/**
 * Whose register this database is (ADR 0029): one row, written at the register's first start (or by
 * migration 0019 on a register that already held persons) and never changed — triggers refuse UPDATE,
 * DELETE and TRUNCATE. Every start compares it with REGISTER_JURISDICTION (db/register-settings.ts).
 */
export const registerSettings = pgTable(
  'register_settings',
  {
    /** Always `true`: the key that allows one row only. */
    id: boolean('id').primaryKey().default(true),
    jurisdiction: text('jurisdiction', { enum: ['ru', 'kz'] }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('register_settings_one_row', sql`${t.id}`),
    check('register_settings_jurisdiction', sql`${t.jurisdiction} in ('ru', 'kz')`),
    // Trivially true of one row: it lets persons.jurisdiction reference it (migration 0020).
    unique('register_settings_jurisdiction_key').on(t.jurisdiction),
  ],
);
