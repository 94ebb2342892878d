import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';
import { feedEvents } from '@/db/schema';
import type { AnyFeedSource } from '../events';

/**
 * `column = any($1)`: one array parameter for a whole batch's keys (cheaper to build and bind than `in`),
 * typed as the column (a `text[]` against a `char(16)` column would compare as text and miss its index).
 */
export const anyOf = (column: PgColumn, values: readonly unknown[]) =>
  sql`${column} = any(${sql.param(values)}::${sql.raw(column.getSQLType())}[])`;

/** The events already recorded for this source (duplicates: nothing to check or write). */
export async function knownEventIds(
  tx: Transaction,
  source: AnyFeedSource,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ eventId: feedEvents.eventId })
    .from(feedEvents)
    .where(and(eq(feedEvents.source, source), anyOf(feedEvents.eventId, ids)));
  return new Set(rows.map((r) => r.eventId));
}
