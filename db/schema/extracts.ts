import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { persons } from './persons';

/**
 * Extracts (выписки) from the register issued as PDF. The random code printed on the extract (and in its
 * QR) lets anyone holding the paper check it at `/verify/<code>`; the row keeps what the extract said
 * (`snapshot`, `content_hash`), so the check can tell whether the status has changed since.
 */
export const extracts = pgTable(
  'extracts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** 128 random bits in Crockford base32 (26 characters, upper case). */
    code: char('code', { length: 26 }).notNull(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    /** The account that asked for it (the citizen or a parent). */
    issuedToSub: varchar('issued_to_sub', { length: 128 }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** The instant the register data on the extract is as of. */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    /** SHA-256 (hex) of the canonical content printed on the extract. */
    contentHash: char('content_hash', { length: 64 }).notNull(),
    /** Holder in masked form, as shown to whoever checks the code: «Иванов С. П., 12.04.****». */
    holderMasked: text('holder_masked').notNull(),
    /** The status facts printed (status code, insurer, region), to compare with the register later. */
    snapshot: jsonb('snapshot').notNull(),
  },
  (t) => [
    unique('extracts_code_key').on(t.code),
    index('extracts_person_idx').on(t.personId, t.issuedAt),
    check('extracts_code_format', sql`${t.code} ~ '^[0-9A-HJKMNP-TV-Z]{26}$'`),
  ],
);
