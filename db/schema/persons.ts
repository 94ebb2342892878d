import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { sexEnum } from './enums';
import { registerSettings } from './register-settings';

/** An insured person (застрахованное лицо). The ЕНП is assigned once and never changes or is reused. */
export const persons = pgTable(
  'persons',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    /** Whose register the person is in (ADR 0029): the database's one jurisdiction (migration 0020). */
    jurisdiction: text('jurisdiction', { enum: ['ru', 'kz'] })
      .notNull()
      .default('ru')
      .references(() => registerSettings.jurisdiction),
    /** Russia's key; null exactly for a Kazakh person (check persons_national_key). */
    enp: char('enp', { length: 16 }),
    /** Kazakhstan's key (ИИН); null exactly for a Russian person. */
    iin: char('iin', { length: 12 }),
    lastName: text('last_name').notNull(),
    firstName: text('first_name').notNull(),
    patronymic: text('patronymic'),
    sex: sexEnum('sex').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    birthPlace: text('birth_place'),
    /** ISO 3166 alpha-3; RUS for citizens. */
    citizenship: char('citizenship', { length: 3 }).notNull().default('RUS'),
    snils: char('snils', { length: 11 }),
    /** F009: 1 = работающий, 2 = неработающий. */
    category: smallint('category'),
    deathDate: date('death_date', { mode: 'string' }),
    /** Set when this record was merged into another as a duplicate; its ЕНП then redirects there. */
    mergedIntoId: bigint('merged_into_id', { mode: 'number' }),
    /** Bumped by every write to the person's aggregate: the optimistic-concurrency token. */
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('persons_enp_key').on(t.enp),
    unique('persons_snils_key').on(t.snils),
    unique('persons_iin_key').on(t.iin),
    // Name-and-birth-date lookups (feeds, journeys) start from the birth date (migration 0013).
    index('persons_birth_date_idx').on(t.birthDate),
    // Merged records (duplicates) for the dashboards' figure (migration 0015).
    index('persons_merged_into_idx')
      .on(t.mergedIntoId)
      .where(sql`${t.mergedIntoId} is not null`),
    check('persons_enp_format', sql`${t.enp} ~ '^[0-9]{16}$'`),
    check('persons_snils_format', sql`${t.snils} ~ '^[0-9]{11}$'`),
    check('persons_iin_format', sql`${t.iin} ~ '^[0-9]{12}$'`),
    check(
      'persons_national_key',
      sql`(${t.jurisdiction} = 'ru' and ${t.enp} is not null and ${t.category} is not null and ${t.iin} is null) or (${t.jurisdiction} = 'kz' and ${t.iin} is not null and ${t.enp} is null and ${t.category} is null and ${t.snils} is null)`,
    ),
    check('persons_category', sql`${t.category} in (1, 2)`),
    check('persons_death_after_birth', sql`${t.deathDate} is null or ${t.deathDate} >= ${t.birthDate}`),
  ],
);

/** Identity documents (F011 kinds), normalised; history kept, one current document per kind. */
export const identityDocuments = pgTable(
  'identity_documents',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personId: bigint('person_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    /** F011 code. */
    kind: smallint('kind').notNull(),
    series: varchar('series', { length: 16 }),
    number: varchar('number', { length: 32 }).notNull(),
    issueDate: date('issue_date', { mode: 'string' }),
    issuer: text('issuer'),
    validTo: date('valid_to', { mode: 'string' }),
    isCurrent: boolean('is_current').notNull().default(true),
    ...timestamps,
  },
  (t) => [
    // A document identifies one person: the same kind + series + number cannot belong to two.
    unique('identity_documents_kind_series_number_key').on(t.kind, t.series, t.number).nullsNotDistinct(),
    index('identity_documents_person_idx').on(t.personId),
    uniqueIndex('identity_documents_one_current_per_kind')
      .on(t.personId, t.kind)
      .where(sql`${t.isCurrent}`),
    check('identity_documents_kind', sql`${t.kind} in (3, 9, 10, 11, 12, 13, 14, 21, 22, 23, 24, 25, 26)`),
  ],
);

/** A parent or legal representative acting for a child. */
export const representations = pgTable(
  'representations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    representativeId: bigint('representative_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    childId: bigint('child_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    /** `parent` or `guardian`. */
    kind: varchar('kind', { length: 16 }).notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    ...timestamps,
  },
  (t) => [
    unique('representations_pair_key').on(t.representativeId, t.childId),
    index('representations_child_idx').on(t.childId),
    check('representations_not_self', sql`${t.representativeId} <> ${t.childId}`),
    check('representations_kind', sql`${t.kind} in ('parent', 'guardian')`),
  ],
);
