import { bigint, index, pgTable, primaryKey, text, timestamp, varchar } from 'drizzle-orm/pg-core';
import { accessChannelEnum, actorKindEnum } from './enums';
import { persons } from './persons';

/**
 * Every read of a person's data by staff, a clinic or an API key: who, for which organisation, whom, why.
 * Partitioned by Moscow month of `at` (migration 0018, ADR 0027): the key includes the partition key, and
 * old months are dropped by the retention rule of the `partitions.upkeep` job.
 */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedByDefaultAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorKind: actorKindEnum('actor_kind').notNull(),
    actorId: varchar('actor_id', { length: 128 }).notNull(),
    /** The МО, insurer or fund the actor works for (code), when any. */
    organisationCode: varchar('organisation_code', { length: 16 }),
    /** Whom the data is about; empty when a lookup found nobody. */
    personId: bigint('person_id', { mode: 'number' }).references(() => persons.id),
    channel: accessChannelEnum('channel').notNull(),
    purpose: varchar('purpose', { length: 64 }).notNull(),
    /** `found`, `not_found`, `denied`, `stale`, … */
    result: varchar('result', { length: 32 }).notNull(),
    details: text('details'),
  },
  (t) => [
    primaryKey({ name: 'access_log_pkey', columns: [t.id, t.at] }),
    index('access_log_person_idx').on(t.personId, t.at),
    index('access_log_at_idx').on(t.at),
    // The audit log's filters (migration 0011, ADR 0020).
    index('access_log_actor_idx').on(t.actorId, t.at),
    index('access_log_organisation_idx').on(t.organisationCode, t.at),
    index('access_log_purpose_idx').on(t.purpose, t.at),
  ],
);
