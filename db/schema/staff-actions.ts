import { bigint, index, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { persons } from './persons';
import { staffAccounts } from './staff';

/**
 * Every action a staff member takes in the console or at its door: sign-ins and their failures, decisions,
 * corrections, account and key changes, exports. Written in the same transaction as the change it
 * records, so a change without its audit row (or the other way round) cannot exist. Append-only.
 * Reads of personal data are not here but in the access log (access_log).
 */
export const staffActions = pgTable(
  'staff_actions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null when the action names no known account (a failed sign-in with an unknown login). */
    staffId: bigint('staff_id', { mode: 'number' }).references(() => staffAccounts.id),
    /** The login as typed or as known, kept even if the account is renamed or was never there. */
    login: varchar('login', { length: 64 }).notNull(),
    /** `ffoms`, `tfoms:77`, `smo:77001`, an МО code; null when unknown. */
    organisationCode: varchar('organisation_code', { length: 16 }),
    action: varchar('action', { length: 48 }).notNull(),
    targetKind: varchar('target_kind', { length: 32 }),
    targetId: varchar('target_id', { length: 128 }),
    /** The person concerned, when the action is about one. */
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    details: jsonb('details').$type<Record<string, unknown>>(),
    /** The client address the request came from, when there was a request. */
    address: varchar('address', { length: 64 }),
    note: text('note'),
  },
  (t) => [
    index('staff_actions_at_idx').on(t.at),
    index('staff_actions_staff_idx').on(t.staffId, t.at),
    index('staff_actions_person_idx').on(t.personId, t.at),
  ],
);
