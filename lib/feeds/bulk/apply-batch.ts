import { getDb } from '@/db/client';
import { writePayments } from '@/lib/kz/contributions/payments-batch';
import { applyEventInTransaction, applyFeedEvents, byOccurrence, retryPending } from '../apply-feed-events';
import type { FeedEventType } from '../events';
import type { ApplyFeedEvents, EventOutcome } from '../outcome';
import type { BatchWriter } from './batch-queries';
import { writeBirths } from './births-batch';

/** The event types with a batched writer: the hot kinds of each country's bulk files (ADR 0022, 0031). */
const BATCH_WRITERS: Partial<Record<FeedEventType, BatchWriter>> = {
  'birth.registered': writeBirths,
  'contribution.paid': writePayments,
};

/**
 * The bulk import's apply: a whole batch in one transaction. Events go in the order they happened (as the
 * one-event seam orders them); each run of consecutive events of a batched type goes to its writer, and
 * whatever it leaves — and every other event — through the one-event path (its savepoint and dedup record)
 * in the same transaction. If the transaction fails (a conflict with a concurrent writer, a constraint), the
 * batch is applied again one event per transaction by the feeds' own seam, which settles each event on its
 * own. Pending events waiting on the persons formed or changed are retried afterwards, as the seam does.
 */
export const applyBatch: ApplyFeedEvents = async (source, events, options = {}) => {
  let outcomes: EventOutcome[];
  try {
    outcomes = await getDb().transaction(async (tx) => {
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
  } catch {
    return applyFeedEvents(source, events, options);
  }
  const touched = [...new Set(outcomes.flatMap((o) => (o.status === 'applied' ? [o.personId] : [])))];
  if (touched.length > 0) await retryPending({ personIds: touched }, options);
  return outcomes;
};
