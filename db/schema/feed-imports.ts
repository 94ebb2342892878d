import { sql } from 'drizzle-orm';
import { bigint, char, check, pgTable, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

/**
 * The bulk import's resume point (migration 0013): one row per import of a file, moved forward in the
 * transaction of each batch. Only an optimisation — replays are made harmless by the events' dedup records.
 */
export const feedImportRuns = pgTable(
  'feed_import_runs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    source: varchar('source', { length: 16 }).notNull(),
    fileName: text('file_name').notNull(),
    fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
    fileSha256: char('file_sha256', { length: 64 }).notNull(),
    linesDone: bigint('lines_done', { mode: 'number' }).notNull().default(0),
    bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
    applied: bigint('applied', { mode: 'number' }).notNull().default(0),
    duplicate: bigint('duplicate', { mode: 'number' }).notNull().default(0),
    pending: bigint('pending', { mode: 'number' }).notNull().default(0),
    rejected: bigint('rejected', { mode: 'number' }).notNull().default(0),
    startedBy: varchar('started_by', { length: 128 }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('feed_import_runs_open_key')
      .on(t.source, t.fileSha256)
      .where(sql`${t.finishedAt} is null`),
    check(
      'feed_import_runs_source',
      sql`${t.source} in ('zags', 'mvd', 'military', 'payments', 'categories')`,
    ),
    check(
      'feed_import_runs_progress',
      sql`${t.bytesDone} between 0 and ${t.fileBytes} and ${t.linesDone} >= 0`,
    ),
  ],
);
