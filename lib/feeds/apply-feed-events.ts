import { and, eq, or, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import { feedDailyCounts, feedEvents, persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { AnyFeedSource } from './events';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError, fieldIssue, TRANSIENT_CODES, type ErrorCode } from '@/lib/errors';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { toAppError } from '@/lib/register/db-errors';
import type { WriteMeta } from '@/lib/register/writer';
import { EFFECTS, EVENT_PERMISSION, WAITS_ON } from './effects';
import type { Affected, Effect } from './effects/context';
import type { FeedEvent } from './events';
import { anyOf } from './bulk/batch-queries';
import { iinKey, PersonNotFound, subjectKey } from './find-person';
import type { ApplyFeedEvents, ApplyOptions, EventOutcome, ParsedEvent } from './outcome';

export type Decision =
  | { status: 'applied'; person: Affected }
  | { status: 'pending'; code: ErrorCode; message: string; key: string }
  | { status: 'rejected'; code: ErrorCode; issues: ReturnType<typeof fieldIssue>[] };

/**
 * Whom the event waits on, if it has to: an ОСМС event its ИИН; a birth the mother; else the person it is
 * about (name and birth date).
 */
function waitKey(event: FeedEvent): string {
  const data = event.data as {
    iin?: string;
    mother?: Parameters<typeof subjectKey>[0];
    person?: Parameters<typeof subjectKey>[0];
  };
  if (data.iin !== undefined) return iinKey(data.iin);
  return subjectKey(event.type === 'birth.registered' ? data.mother! : data.person!);
}

/** Who, through what and why, for the register changes an event makes. */
export function feedWriteMeta(source: AnyFeedSource, event: FeedEvent, options: ApplyOptions): WriteMeta {
  return {
    actor: feedActor(source, options.clientId),
    source: `feed:${source}`,
    reason: `${event.type} ${event.eventId}`,
    now: options.now,
  };
}

export function feedActor(source: AnyFeedSource, clientId?: string): Actor {
  return { kind: 'feed', id: clientId ?? source, source };
}

/**
 * Runs the event's effect in a savepoint of `tx` and classifies the result. A refusal undoes the effect
 * (the savepoint) but not the caller's transaction, where the decision is then recorded; an error that
 * says nothing about the event (the register down, a lost race) is thrown, so nothing is recorded.
 */
async function decide(
  tx: Transaction,
  source: AnyFeedSource,
  event: FeedEvent,
  options: ApplyOptions,
): Promise<Decision> {
  const effect = EFFECTS[event.type] as Effect<FeedEvent['type']>;
  const actor = feedActor(source, options.clientId);
  try {
    requirePermission(actor, EVENT_PERMISSION[event.type]);
    const person = await tx.transaction((sp) =>
      effect(
        {
          tx: sp,
          meta: { ...feedWriteMeta(source, event, options), within: sp },
        },
        event,
      ),
    );
    return { status: 'applied', person };
  } catch (thrown) {
    if (thrown instanceof PersonNotFound) {
      return {
        status: 'pending',
        code: thrown.code,
        message: new AppError(thrown.code).message,
        key: thrown.subjectKey,
      };
    }
    const error = toAppError(thrown);
    // A lost race or the register down says nothing about the event: nothing is recorded, the caller retries.
    if (TRANSIENT_CODES.includes(error.code)) throw error;
    if (WAITS_ON[event.type]?.includes(error.code)) {
      return { status: 'pending', code: error.code, message: error.message, key: waitKey(event) };
    }
    const issues = error.fields.length ? error.fields : [fieldIssue('data', error.code, error.message)];
    return { status: 'rejected', code: error.code, issues };
  }
}

/** The person's key as the outcome carries it: the ЕНП in Russia, the ИИН in Kazakhstan. */
function personKey(p: Affected): { enp: string } | { iin: string } | Record<string, never> {
  return p.iin !== undefined ? { iin: p.iin } : p.enp !== undefined ? { enp: p.enp } : {};
}

/** What an event's decision is answered as, at its line (the seam and the batched writers alike). */
export function toOutcome(line: number, event: FeedEvent, d: Decision): EventOutcome {
  const base = { line, eventId: event.eventId, type: event.type };
  switch (d.status) {
    case 'applied':
      return { ...base, status: 'applied', personId: d.person.id, ...personKey(d.person) };
    case 'pending':
      return { ...base, status: 'pending', reason: { code: d.code, message: d.message } };
    case 'rejected':
      return { ...base, status: 'rejected', issues: d.issues };
  }
}

export function recordedDecision(d: Decision, event: FeedEvent, now: Date) {
  return {
    status: d.status,
    personId: d.status === 'applied' ? d.person.id : null,
    subjectKey: d.status === 'pending' ? d.key : null,
    reasonCode: d.status === 'applied' ? null : d.code,
    reason:
      d.status === 'pending' ? { message: d.message } : d.status === 'rejected' ? { issues: d.issues } : null,
    payload: d.status === 'pending' ? event : null,
    decidedAt: d.status === 'pending' ? null : now,
  };
}

/** Counts the event for its source's freshness (per day of receipt), in the event's transaction. */
async function countReceived(
  tx: Transaction,
  source: AnyFeedSource,
  event: FeedEvent,
  status: Decision['status'],
  now: Date,
) {
  const one = (s: Decision['status']) => (status === s ? 1 : 0);
  await countReceivedMany(
    tx,
    source,
    { applied: one('applied'), pending: one('pending'), rejected: one('rejected') },
    new Date(event.occurredAt),
    now,
  );
}

/**
 * Counts events received at `now` for their source's freshness: what one event adds (countReceived) or
 * what a batch of them adds at once (the bulk import) — the same totals either way.
 */
export async function countReceivedMany(
  tx: Transaction,
  source: AnyFeedSource,
  counts: { applied: number; pending: number; rejected: number },
  lastOccurred: Date,
  now: Date,
) {
  const received = counts.applied + counts.pending + counts.rejected;
  await tx
    .insert(feedDailyCounts)
    .values({
      source,
      // The day of receipt where the register is (Moscow; Almaty for ОСМС).
      day: jurisdictionProfile().today(now),
      received,
      ...counts,
      lastReceivedAt: now,
      lastOccurredAt: lastOccurred,
    })
    .onConflictDoUpdate({
      target: [feedDailyCounts.source, feedDailyCounts.day],
      set: {
        received: sql`${feedDailyCounts.received} + ${received}`,
        applied: sql`${feedDailyCounts.applied} + ${counts.applied}`,
        pending: sql`${feedDailyCounts.pending} + ${counts.pending}`,
        rejected: sql`${feedDailyCounts.rejected} + ${counts.rejected}`,
        lastReceivedAt: sql`greatest(${feedDailyCounts.lastReceivedAt}, excluded.last_received_at)`,
        lastOccurredAt: sql`greatest(${feedDailyCounts.lastOccurredAt}, excluded.last_occurred_at)`,
      },
    });
}

/**
 * One event, exactly once, in the caller's transaction: the (source, eventId) record is claimed first —
 * a replay, or a concurrent post of the same event (which waits on the claim until the first commits),
 * finds it and is a duplicate — then the effect runs and its decision is written to the same record.
 * The bulk import calls this for many events in one transaction.
 */
export async function applyEventInTransaction(
  tx: Transaction,
  source: AnyFeedSource,
  parsed: ParsedEvent,
  options: ApplyOptions = {},
): Promise<EventOutcome> {
  const { event, line } = parsed;
  const now = options.now ?? new Date();
  const [claimed] = await tx
    .insert(feedEvents)
    .values({
      source,
      eventId: event.eventId,
      type: event.type,
      occurredAt: new Date(event.occurredAt),
      receivedAt: now,
      status: 'applied',
    })
    .onConflictDoNothing()
    .returning({ eventId: feedEvents.eventId });
  if (!claimed) return { line, eventId: event.eventId, type: event.type, status: 'duplicate' };
  const decision = await decide(tx, source, event, options);
  const record = and(eq(feedEvents.source, source), eq(feedEvents.eventId, event.eventId));
  // An event whose facts the register already holds (a payment reference standing with the same facts, a
  // repeated membership) changed nothing: like a replay it is a duplicate in the answer, leaves no record
  // and is counted nowhere, so the register is exactly as it was; sent again it is judged the same way.
  if (decision.status === 'applied' && decision.person.unchanged) {
    await tx.delete(feedEvents).where(record);
    return { line, eventId: event.eventId, type: event.type, status: 'duplicate' };
  }
  await tx
    .update(feedEvents)
    .set(recordedDecision(decision, event, now))
    .where(record);
  await countReceived(tx, source, event, decision.status, now);
  return toOutcome(line, event, decision);
}

/** Events of one person apply in the order they happened; the answer keeps the request's order. */
export function byOccurrence(events: readonly ParsedEvent[]): number[] {
  return events
    .map((_, i) => i)
    .sort(
      (a, b) => Date.parse(events[a]!.event.occurredAt) - Date.parse(events[b]!.event.occurredAt) || a - b,
    );
}

/**
 * Applies validated events of one source, each in its own transaction with its dedup record, then retries
 * the pending events that were waiting on the persons these events formed or changed.
 */
export const applyFeedEvents: ApplyFeedEvents = async (source, events, options = {}) => {
  const outcomes: EventOutcome[] = new Array<EventOutcome>(events.length);
  const touched = new Set<number>();
  for (const i of byOccurrence(events)) {
    const outcome = await getDb().transaction((tx) =>
      applyEventInTransaction(tx, source, events[i]!, options),
    );
    if (outcome.status === 'applied') touched.add(outcome.personId);
    outcomes[i] = outcome;
  }
  await retryPendingFor([...touched], options);
  return outcomes;
};

/** The subject keys of persons as they are now (what events waiting on them were keyed by). */
async function keysOf(personIds: number[]): Promise<string[]> {
  if (personIds.length === 0) return [];
  const rows = await getDb()
    .select({
      iin: persons.iin,
      birthDate: persons.birthDate,
      lastName: persons.lastName,
      firstName: persons.firstName,
    })
    .from(persons)
    .where(anyOf(persons.id, personIds));
  return rows.map((r) => (r.iin !== null ? iinKey(r.iin) : subjectKey(r)));
}

export interface RetrySummary {
  retried: number;
  applied: number;
  rejected: number;
  stillPending: number;
}

/**
 * Retries pending events in their own transactions. Each is locked and re-checked (still pending), so two
 * retries at once never apply one event twice. `filter` limits them to events waiting on given persons.
 */
export async function retryPending(
  filter: { personIds?: number[]; source?: AnyFeedSource } = {},
  options: ApplyOptions = {},
): Promise<RetrySummary> {
  const summary: RetrySummary = { retried: 0, applied: 0, rejected: 0, stillPending: 0 };
  // Nothing waits (the usual case after a bulk batch): one probe of the pending index, not a search by persons.
  const [anyPending] = await getDb()
    .select({ one: sql`1` })
    .from(feedEvents)
    .where(eq(feedEvents.status, 'pending'))
    .limit(1);
  if (!anyPending) return summary;
  let personIds = filter.personIds;
  for (let round = 0; round < 5; round++) {
    const keys = personIds ? await keysOf(personIds) : null;
    if (keys && keys.length === 0) break;
    const waiting = await getDb()
      .select({ source: feedEvents.source, eventId: feedEvents.eventId })
      .from(feedEvents)
      .where(
        and(
          eq(feedEvents.status, 'pending'),
          filter.source ? eq(feedEvents.source, filter.source) : undefined,
          keys ? or(anyOf(feedEvents.subjectKey, keys), anyOf(feedEvents.personId, personIds!)) : undefined,
        ),
      )
      .orderBy(feedEvents.occurredAt);
    const touched: number[] = [];
    for (const row of waiting) {
      const result = await retryOne(row.source as AnyFeedSource, row.eventId, options);
      if (!result) continue;
      summary.retried++;
      if (result.status === 'applied') {
        summary.applied++;
        touched.push(result.person.id);
      } else if (result.status === 'rejected') summary.rejected++;
      else summary.stillPending++;
    }
    if (touched.length === 0 || !personIds) break;
    personIds = touched;
  }
  return summary;
}

async function retryOne(
  source: AnyFeedSource,
  eventId: string,
  options: ApplyOptions,
): Promise<Decision | null> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(feedEvents)
      .where(
        and(eq(feedEvents.source, source), eq(feedEvents.eventId, eventId), eq(feedEvents.status, 'pending')),
      )
      .for('update', { skipLocked: true });
    if (!row) return null;
    const event = row.payload as FeedEvent;
    const now = options.now ?? new Date();
    const decision = await decide(tx, source, event, { now });
    await tx
      .update(feedEvents)
      .set({ ...recordedDecision(decision, event, now), attempts: sql`${feedEvents.attempts} + 1` })
      .where(and(eq(feedEvents.source, source), eq(feedEvents.eventId, eventId)));
    return decision;
  });
}

async function retryPendingFor(personIds: number[], options: ApplyOptions): Promise<void> {
  if (personIds.length) await retryPending({ personIds }, options);
}
