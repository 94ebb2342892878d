import { sql } from 'drizzle-orm';
import {
  bigint,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import { persons } from './persons';

/**
 * Keys of the agencies' systems, one source each (ЗАГС, МВД, military commissariats): stored as the
 * SHA-256 of the whole 256-bit key; the prefix finds a key in lists and logs. Revoked keys stay.
 */
export const feedKeys = pgTable(
  'feed_keys',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    source: varchar('source', { length: 16 }).notNull(),
    prefix: varchar('prefix', { length: 16 }).notNull(),
    secretHash: char('secret_hash', { length: 64 }).notNull(),
    label: text('label'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: varchar('created_by', { length: 128 }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: varchar('revoked_by', { length: 128 }),
  },
  (t) => [
    unique('feed_keys_prefix_key').on(t.prefix),
    check('feed_keys_source', sql`${t.source} in ('zags', 'mvd', 'military', 'payments', 'categories')`),
  ],
);

/**
 * The exactly-once record: one row per (source, eventId), written in the same transaction as the event's
 * effect, so a replay finds it and changes nothing. A pending event keeps its payload (to be applied when
 * its person appears) and the keys it waits on: the person, or the name and birth date of someone not
 * in the register yet (`subject_key`).
 */
export const feedEvents = pgTable(
  'feed_events',
  {
    source: varchar('source', { length: 16 }).notNull(),
    eventId: varchar('event_id', { length: 128 }).notNull(),
    type: varchar('type', { length: 40 }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    status: varchar('status', { length: 16 }).notNull().$type<'applied' | 'rejected' | 'pending'>(),
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    subjectKey: text('subject_key'),
    reasonCode: varchar('reason_code', { length: 48 }),
    reason: jsonb('reason'),
    payload: jsonb('payload'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(1),
  },
  (t) => [
    primaryKey({ name: 'feed_events_pkey', columns: [t.source, t.eventId] }),
    check('feed_events_source', sql`${t.source} in ('zags', 'mvd', 'military', 'payments', 'categories')`),
    check('feed_events_status', sql`${t.status} in ('applied', 'rejected', 'pending')`),
    check('feed_events_pending_payload', sql`${t.status} <> 'pending' or ${t.payload} is not null`),
    index('feed_events_pending_idx')
      .on(t.source, t.receivedAt)
      .where(sql`${t.status} = 'pending'`),
    index('feed_events_pending_person_idx')
      .on(t.personId)
      .where(sql`${t.status} = 'pending'`),
    index('feed_events_pending_subject_idx')
      .on(t.subjectKey)
      .where(sql`${t.status} = 'pending'`),
    index('feed_events_person_idx')
      .on(t.personId, t.occurredAt)
      .where(sql`${t.personId} is not null`),
  ],
);

/** Freshness: per source and day (Moscow) how many events arrived and how they ended, and the latest. */
export const feedDailyCounts = pgTable(
  'feed_daily_counts',
  {
    source: varchar('source', { length: 16 }).notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    received: integer('received').notNull().default(0),
    applied: integer('applied').notNull().default(0),
    pending: integer('pending').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    lastReceivedAt: timestamp('last_received_at', { withTimezone: true }).notNull(),
    lastOccurredAt: timestamp('last_occurred_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'feed_daily_counts_pkey', columns: [t.source, t.day] }),
    check(
      'feed_daily_counts_source',
      sql`${t.source} in ('zags', 'mvd', 'military', 'payments', 'categories')`,
    ),
  ],
);

/**
 * A person's former names in valid time (ФИО before a change and the day it stopped being theirs), as the
 * agencies report them: written by the use case that changes the name, in its transaction; a late, older
 * name change is placed by its date. Append-only. The console's search index of every recorded name is
 * `person_names` (kept by triggers on persons, in record time): this table is what the feeds match
 * agency events against when an event names a person by a former name.
 */
export const personFormerNames = pgTable(
  'person_former_names',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    patronymic: text('patronymic'),
    /** The day the name stopped being the person's (exclusive end of its use). */
    validTo: date('valid_to', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    source: varchar('source', { length: 32 }).notNull(),
  },
  (t) => [
    index('person_former_names_person_idx').on(t.personId),
    index('person_former_names_name_idx').on(t.lastName, t.firstName),
  ],
);
