import { bigint, char, index, pgTable, text, timestamp, unique, varchar } from 'drizzle-orm/pg-core';
import { medicalOrganisations } from './directories';

/**
 * API keys of clinics' information systems: one or more per МО, stored as a SHA-256 of the whole key
 * (the key is 256 random bits, so a slow hash adds nothing); the prefix identifies a key in lists and
 * logs without revealing it. Revoked keys stay for the audit trail.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    moCode: char('mo_code', { length: 6 })
      .notNull()
      .references(() => medicalOrganisations.code),
    prefix: varchar('prefix', { length: 16 }).notNull(),
    secretHash: char('secret_hash', { length: 64 }).notNull(),
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: varchar('created_by', { length: 128 }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: varchar('revoked_by', { length: 128 }),
  },
  (t) => [unique('api_keys_prefix_key').on(t.prefix), index('api_keys_mo_idx').on(t.moCode)],
);
