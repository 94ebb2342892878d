import { getDb } from '@/db/client';
import { applyEventInTransaction, applyFeedEvents, byOccurrence, retryPending } from '../apply-feed-events';
import type { ApplyFeedEvents, EventOutcome } from '../outcome';
import { writeBirths } from './births-batch';

/**
 * The bulk import's apply: a whole batch in one transaction. Events go in the order they happened (as the
 * one-event seam orders them); each run of consecutive births goes to the batched writer, and whatever it
 * leaves — and every other event — through the one-event path (its savepoint and dedup record) in the same
 * transaction. If the transaction fails (a conflict with a concurrent writer, a constraint), the batch is
 * applied again one event per transaction by the feeds' own seam, which settles each event on its own.
 * Pending events waiting on the persons formed or changed are retried afterwards, as the seam does.
 */
export const applyBatch: ApplyFeedEvents = async (source, events, options = {}) => {
  let outcomes: EventOutcome[];
  try {
    outcomes = await getDb().transaction(async (tx) => {
      const answers = new Array<EventOutcome>(events.length);
      const order = byOccurrence(events);
      for (let at = 0; at < order.length;) {
        if (events[order[at]!]!.event.type !== 'birth.registered') {
          const i = order[at++]!;
          answers[i] = await applyEventInTransaction(tx, source, events[i]!, options);
          continue;
        }
        const run: number[] = [];
        while (at < order.length && events[order[at]!]!.event.type === 'birth.registered')
          run.push(order[at++]!);
        const written = await writeBirths(
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
  const touched = outcomes.flatMap((o) => (o.status === 'applied' ? [o.personId] : []));
  if (touched.length > 0) await retryPending({ personIds: touched }, options);
  return outcomes;
};
