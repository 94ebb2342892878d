import { getDb } from '@/db/client';
import { writePayments } from '@/lib/kz/contributions/payments-batch';
import { applyEventInTransaction, applyFeedEvents, byOccurrence, retryPending } from '../apply-feed-events';
import type { FeedEventType } from '../events';
import type { ApplyFeedEvents, EventOutcome, ParsedEvent } from '../outcome';
import type { BatchWriter } from './batch-queries';
import { writeBirths } from './births-batch';

/** The event types with a batched writer: the hot kinds of each country's bulk files (ADR 0022, 0031). */
const BATCH_WRITERS: Partial<Record<FeedEventType, BatchWriter>> = {
  'birth.registered': writeBirths,
  'contribution.paid': writePayments,
};

/**
 * The event types whose batched writer writes independent rows: no event of the type reads what another
 * one of the type writes, except through a unique index that makes a concurrent writer fail (and its
 * batch go event by event). Payments are (ADR 0031); births are not (a mother's earlier newborns, the
 * creation-time duplicate check), nor is any event the one-event path applies in order for its person.
 */
const INDEPENDENT_TYPES: ReadonlySet<FeedEventType> = new Set(['contribution.paid']);

/** Whether the import may write this batch beside another such batch (import-feed.ts's `mayOverlap`). */
export const mayOverlap = (events: readonly ParsedEvent[]): boolean =>
  events.every((p) => INDEPENDENT_TYPES.has(p.event.type));

/** How often a batch is tried in one transaction when it loses to a concurrent writer. */
const CONCURRENT_TRIES = 3;

/** A batch's transaction lost to a concurrent writer: a unique key it wrote, or a deadlock with it. */
function lostToConcurrentWriter(error: unknown): boolean {
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ??
    (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === '23505' || code === '40P01';
}

/** The whole batch in one transaction: the batched writers' runs and the one-event path for the rest. */
function inOneTransaction(
  source: Parameters<ApplyFeedEvents>[0],
  events: Parameters<ApplyFeedEvents>[1],
  options: NonNullable<Parameters<ApplyFeedEvents>[2]>,
): Promise<EventOutcome[]> {
  return getDb().transaction(async (tx) => {
    const answers = new Array<EventOutcome>(events.length);
    const order = byOccurrence(events);
    const typeAt = (at: number) => events[order[at]!]!.event.type;
    for (let at = 0; at < order.length;) {
      const type = typeAt(at);
      const writer = BATCH_WRITERS[type];
      if (!writer) {
        const i = order[at++]!;
        answers[i] = await applyEventInTransaction(tx, source, events[i]!, options);
        continue;
      }
      const run: number[] = [];
      while (at < order.length && typeAt(at) === type) run.push(order[at++]!);
      const written = await writer(
        tx,
        source,
        run.map((i) => events[i]!),
        options,
      );
      for (let k = 0; k < run.length; k++) {
        const i = run[k]!;
        answers[i] = written[k] ?? (await applyEventInTransaction(tx, source, events[i]!, options));
      }
    }
    return answers;
  });
}

/**
 * The bulk import's apply: a whole batch in one transaction. Events go in the order they happened (as the
 * one-event seam orders them); each run of consecutive events of a batched type goes to its writer, and
 * whatever it leaves — and every other event — through the one-event path (its savepoint and dedup record)
 * in the same transaction. If the transaction loses to a concurrent writer
 * (a batch written beside it: a unique key, a deadlock), it is tried once more; if it fails again, or for
 * any other reason (a constraint), the batch is applied again one event per transaction by the feeds' own
 * seam, which settles each event on its own. Pending events waiting on the persons formed or changed are retried afterwards, as the seam does.
 */
export const applyBatch: ApplyFeedEvents = async (source, events, options = {}) => {
  let outcomes: EventOutcome[] | null = null;
  // A batch written beside another (import-feed.ts's mayOverlap) may meet that batch's event ids or
  // references, committed after this one read them, or deadlock with it: tried again, it finds them recorded
  // (duplicates). Three tries: a deadlock, then a key of the same other batch, then whichever batch the
  // import started meanwhile.
  for (let attempt = 1; outcomes === null && attempt <= CONCURRENT_TRIES; attempt++) {
    try {
      outcomes = await inOneTransaction(source, events, options);
    } catch (error) {
      if (attempt === CONCURRENT_TRIES || !lostToConcurrentWriter(error)) break;
    }
  }
  outcomes ??= await applyFeedEvents(source, events, options);
  const touched = [...new Set(outcomes.flatMap((o) => (o.status === 'applied' ? [o.personId] : [])))];
  if (touched.length > 0) await retryPending({ personIds: touched }, options);
  return outcomes;
};
