import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import { persons } from './persons';
import { staffAccounts } from './staff';

/**
 * A pair of persons that may be one (issue 13, ADR 0023): the lower id first, the score and reasons of
 * lib/domain/ru/duplicates.ts, and the review's outcome. `not_duplicate` is remembered: no scan reopens it.
 */
export const duplicateCandidates = pgTable(
  'duplicate_candidates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    personAId: bigint('person_a_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    personBId: bigint('person_b_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    score: smallint('score').notNull(),
    reasons: text('reasons').array().notNull(),
    status: varchar('status', { length: 16 })
      .$type<'open' | 'merged' | 'not_duplicate'>()
      .notNull()
      .default('open'),
    foundAt: timestamp('found_at', { withTimezone: true }).notNull().defaultNow(),
    foundBy: varchar('found_by', { length: 16 }).$type<'scan' | 'creation'>().notNull().default('scan'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: bigint('decided_by', { mode: 'number' }).references(() => staffAccounts.id),
  },
  (t) => [
    unique('duplicate_candidates_pair_key').on(t.personAId, t.personBId),
    check('duplicate_candidates_ordered', sql`${t.personAId} < ${t.personBId}`),
    index('duplicate_candidates_open_idx')
      .on(t.score.desc(), t.id)
      .where(sql`${t.status} = 'open'`),
    index('duplicate_candidates_b_idx').on(t.personBId),
  ],
);

/** What a merge moved, by table and row id, so an undo puts every row back exactly. */
export interface MergeMoves {
  documents: number[];
  /** Documents moved that were current on the retired record but not kept current on the survivor. */
  documentsDemoted: number[];
  coverages: number[];
  /** Coverage periods moved but retracted (recorded_to set) because the survivor's periods cover them. */
  coveragesRetracted: number[];
  attachments: number[];
  /** Attachments left on the retired record: they overlap the survivor's (ADR 0023). */
  attachmentsKept: number[];
  representationsAsChild: number[];
  representationsAsRepresentative: number[];
  representationsKept: number[];
  applicationsAsApplicant: number[];
  applicationsAsSubject: number[];
  notifications: number[];
  /** Persons earlier merged into the retired record, now pointing at the survivor. */
  repointedPersons: number[];
}

export const personMerges = pgTable(
  'person_merges',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    candidateId: bigint('candidate_id', { mode: 'number' }).references(() => duplicateCandidates.id),
    survivorId: bigint('survivor_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    retiredId: bigint('retired_id', { mode: 'number' })
      .notNull()
      .references(() => persons.id),
    moved: jsonb('moved').$type<MergeMoves>().notNull(),
    mergedAt: timestamp('merged_at', { withTimezone: true }).notNull().defaultNow(),
    mergedBy: bigint('merged_by', { mode: 'number' }).references(() => staffAccounts.id),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: bigint('undone_by', { mode: 'number' }).references(() => staffAccounts.id),
  },
  (t) => [
    uniqueIndex('person_merges_live_retired')
      .on(t.retiredId)
      .where(sql`${t.undoneAt} is null`),
    index('person_merges_survivor_idx').on(t.survivorId),
    check('person_merges_distinct', sql`${t.survivorId} <> ${t.retiredId}`),
  ],
);

/** The whole-register scan's runs and progress (resumable by birth-date slices). */
export const duplicateScans = pgTable('duplicate_scans', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  doneThrough: date('done_through', { mode: 'string' }),
  pairsExamined: bigint('pairs_examined', { mode: 'number' }).notNull().default(0),
  candidatesFound: bigint('candidates_found', { mode: 'number' }).notNull().default(0),
});
