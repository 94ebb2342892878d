import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications } from '@/db/schema';
import { computeDueAt } from '@/lib/domain/ru/calendar';
import { loadCalendar } from './calendar';

const OPEN_STATUSES = ['submitted', 'in_progress'] as const;

export interface DueRecomputation {
  /** Open applications whose due time was provisional when the run began. */
  examined: number;
  /** Of those, the ones whose due time now follows the loaded calendar. */
  updated: number;
  /** Still provisional: their year's calendar is still not loaded. */
  stillProvisional: number;
}

/**
 * Once a year's production calendar is loaded, the open applications whose due time was counted without
 * it (`due_provisional`, by the Labour Code's holidays) get their due time from the calendar. Decided
 * applications are never touched: their due time is part of what was decided in time or late.
 *
 * Idempotent and resumable: each batch commits on its own and what is done is no longer provisional, so a
 * run that stops half-way (or runs twice) leaves the same register as one clean run.
 */
export async function recomputeProvisionalDueTimes(
  opts: { batchSize?: number; now?: Date } = {},
): Promise<DueRecomputation> {
  const batchSize = opts.batchSize ?? 500;
  const db = getDb();
  const calendar = await loadCalendar(db);
  const result: DueRecomputation = { examined: 0, updated: 0, stillProvisional: 0 };
  let after = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: applications.id, submittedAt: applications.submittedAt })
        .from(applications)
        .where(
          and(
            eq(applications.dueProvisional, true),
            inArray(applications.status, [...OPEN_STATUSES]),
            isNotNull(applications.submittedAt),
            gt(applications.id, after),
          ),
        )
        .orderBy(asc(applications.id))
        .limit(batchSize)
        .for('update');
      for (const row of rows) {
        const due = computeDueAt(calendar, row.submittedAt!);
        if (due.missingYears.length > 0) {
          result.stillProvisional++;
          continue;
        }
        // The status condition again: an operator's decision committed since the read wins.
        const updated = await tx
          .update(applications)
          .set({ dueAt: due.dueAt, dueProvisional: false, updatedAt: opts.now ?? new Date() })
          .where(and(eq(applications.id, row.id), inArray(applications.status, [...OPEN_STATUSES])))
          .returning({ id: applications.id });
        result.updated += updated.length;
      }
      return rows;
    });
    result.examined += batch.length;
    if (batch.length < batchSize) return result;
    after = batch[batch.length - 1]!.id;
  }
}
