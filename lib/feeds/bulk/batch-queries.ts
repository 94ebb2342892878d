import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import { feedEvents } from '@/db/schema';
import type { AnyFeedSource } from '../events';
import type { ApplyOptions, EventOutcome, ParsedEvent } from '../outcome';

/**
 * `column = any($1)`: one array parameter for a whole batch's keys (cheaper to build and bind than `in`),
 * typed as the column (a `text[]` against a `char(16)` column would compare as text and miss its index).
 */
export const anyOf = (column: PgColumn, values: readonly unknown[]) =>
  sql`${column} = any(${sql.param(values)}::${sql.raw(column.getSQLType())}[])`;

/** The events of a run already recorded for this source (duplicates: nothing to check or write). */
export async function knownEventIds(
  tx: Transaction,
  source: AnyFeedSource,
  items: readonly ParsedEvent[],
): Promise<Set<string>> {
  if (items.length === 0) return new Set();
  const ids = items.map((p) => p.event.eventId);
  const rows = await tx
    .select({ eventId: feedEvents.eventId })
    .from(feedEvents)
    .where(and(eq(feedEvents.source, source), anyOf(feedEvents.eventId, ids)));
  return new Set(rows.map((r) => r.eventId));
}

/**
 * A batched writer: decides and writes in bulk what it can of a run of events of its type, in the caller's
 * transaction, answering an outcome for those and null for the events it leaves to the one-event path.
 */
export type BatchWriter = (
  tx: Transaction,
  source: AnyFeedSource,
  items: readonly ParsedEvent[],
  options: ApplyOptions,
) => Promise<(EventOutcome | null)[]>;
