import {
  bigint,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';
import { actorKindEnum, eventEntityEnum } from './enums';
import { persons } from './persons';

/**
 * The register's append-only history: every change of a person, document, coverage, attachment or
 * representation, written in the same transaction as the new state. `effective_date` is valid time (when
 * the change took effect in the world), `recorded_at` is record time. A trigger (migration 0001) refuses
 * UPDATE and DELETE. Partitioned by Moscow month of `recorded_at` (migration 0018, ADR 0027); never dropped.
 */
export const registerEvents = pgTable(
  'register_events',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    entity: eventEntityEnum('entity').notNull(),
    entityId: bigint('entity_id', { mode: 'number' }),
    /** What happened, e.g. `person.registered`, `coverage.suspended`. */
    action: varchar('action', { length: 48 }).notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    actorKind: actorKindEnum('actor_kind').notNull(),
    actorId: varchar('actor_id', { length: 128 }).notNull(),
    /** The channel or feed the change came through: `portal`, `console`, `feed:zags`, `seed`, … */
    source: varchar('source', { length: 32 }).notNull(),
    reason: text('reason'),
    /** The new state of the entity (and what changed), as written. */
    data: jsonb('data'),
  },
  (t) => [
    primaryKey({ name: 'register_events_pkey', columns: [t.id, t.recordedAt] }),
    index('register_events_person_idx').on(t.personId, t.recordedAt),
  ],
);
