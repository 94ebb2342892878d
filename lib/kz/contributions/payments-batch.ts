import { isNull, sql } from 'drizzle-orm';
import { feedEvents, kzContributions, registerEvents } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import {
  countReceivedMany,
  feedActor,
  feedWriteMeta,
  recordedDecision,
  toOutcome,
} from '@/lib/feeds/apply-feed-events';
import { anyOf, knownEventIds, type BatchWriter } from '@/lib/feeds/bulk/batch-queries';
import { unnestInsert } from '@/lib/feeds/bulk/unnest-insert';
import type { EventOutcome } from '@/lib/feeds/outcome';
import type { ContributionPaid } from '@/lib/kz/feeds/events';
import { kzToday } from '@/lib/kz/today';
import { kzPersonIdsByIin } from '@/lib/kz/persons-by-iin';
import { registerEventRow } from '@/lib/register/writer';
import { checkPayment, type Payment } from './payment-input';
import { contributionPaidEvent, contributionRow } from './record-contributions';

/**
 * The bulk import's writer for payments (ADR 0031): payments are independent rows, so a whole run of
 * `contribution.paid` events is written with a handful of statements — the persons by ИИН and the
 * standing references asked once, then one multi-row INSERT each for the dedup records, the ledger rows and
 * their register events — instead of a transaction and ~8 round trips per payment. It writes exactly the
 * rows the one-event path (recordContribution) writes, from the same pieces (checkPayment, contributionRow,
 * contributionPaidEvent, feedWriteMeta, recordedDecision, countReceivedMany), and takes only what it can
 * decide from those reads: a valid payment for a person the register knows, whose reference is new to the
 * register and to the run, under an event id new to the run. Everything else — invalid data, an unknown
 * ИИН (pending), a reference already recorded (duplicate or conflict), repeats within the run — is left
 * (null) to the one-event path, which then runs after this run's rows, as a sequential apply would.
 */

type Paid = ContributionPaid;

interface Decided {
  index: number;
  line: number;
  event: Paid;
  payment: Payment;
  personId: number;
}

export const writePayments: BatchWriter = async (tx, source, items, options) => {
  const out: (EventOutcome | null)[] = items.map(() => null);
  // Permission first, as the use case asks it: a key of another source leaves everything to the seam.
  if (!can(feedActor(source, options.clientId), 'contribution:record')) return out;
  const now = options.now ?? new Date();
  const today = kzToday(now);
  const known = await knownEventIds(tx, source, items);

  // 1. Checked without the database; an event id or reference seen twice in the run goes one by one.
  const ids = new Map<string, number>();
  const references = new Map<string, number>();
  for (const { event } of items) {
    ids.set(event.eventId, (ids.get(event.eventId) ?? 0) + 1);
    if (event.type === 'contribution.paid') {
      const ref = event.data.reference;
      references.set(ref, (references.get(ref) ?? 0) + 1);
    }
  }
  const checked: Omit<Decided, 'personId'>[] = [];
  items.forEach(({ line, event }, index) => {
    if (event.type !== 'contribution.paid') return;
    if (known.has(event.eventId)) {
      out[index] = { line, eventId: event.eventId, type: event.type, status: 'duplicate' };
      return;
    }
    if (ids.get(event.eventId)! > 1 || references.get(event.data.reference)! > 1) return;
    const payment = checkPayment(event.data, today);
    if (payment.ok) checked.push({ index, line, event, payment: payment.value });
  });
  if (checked.length === 0) return out;

  // 2. The persons by ИИН and the references already standing, one statement each.
  const people = await kzPersonIdsByIin(
    tx,
    checked.map((c) => c.payment.iin),
  );
  const standing = new Set(
    (
      await tx
        .select({ reference: kzContributions.paymentReference })
        .from(kzContributions)
        .where(
          sql`${anyOf(
            kzContributions.paymentReference,
            checked.map((c) => c.payment.reference),
          )} and ${isNull(kzContributions.retractedAt)}`,
        )
    ).map((r) => r.reference),
  );
  const ready: Decided[] = [];
  for (const c of checked) {
    const personId = people.get(c.payment.iin);
    if (personId !== undefined && !standing.has(c.payment.reference)) ready.push({ ...c, personId });
  }
  if (ready.length === 0) return out;

  // 3. The dedup records with their decision; an event a concurrent import or post claimed first is a
  //    duplicate and writes nothing.
  const claimed = new Set(
    (
      await unnestInsert(
        tx,
        feedEvents,
        ready.map((r) => ({
          source,
          eventId: r.event.eventId,
          type: r.event.type,
          occurredAt: new Date(r.event.occurredAt),
          receivedAt: now,
          ...recordedDecision(
            { status: 'applied', person: { id: r.personId, iin: r.payment.iin } },
            r.event,
            now,
          ),
        })),
        ['eventId'],
        { onConflictDoNothing: true },
      )
    ).map((r) => r.eventId as string),
  );
  const applied = ready.filter((r) => {
    if (claimed.has(r.event.eventId)) return true;
    out[r.index] = { line: r.line, eventId: r.event.eventId, type: r.event.type, status: 'duplicate' };
    return false;
  });
  if (applied.length === 0) return out;

  // 4. The ledger rows (a concurrent writer of one of these references fails the unique index, and the
  //    caller applies the batch again event by event), then their register events and the counts.
  const inserted = await unnestInsert(
    tx,
    kzContributions,
    applied.map((r) => contributionRow(r.personId, r.payment, `feed:${source}`)),
    ['id', 'paymentReference'],
  );
  const idOf = new Map(inserted.map((r) => [r.paymentReference as string, Number(r.id)]));
  await unnestInsert(
    tx,
    registerEvents,
    applied.map((r) =>
      registerEventRow(
        feedWriteMeta(source, r.event, options),
        contributionPaidEvent(r.personId, idOf.get(r.payment.reference)!, r.payment),
      ),
    ),
  );
  const lastOccurred = new Date(Math.max(...applied.map((r) => Date.parse(r.event.occurredAt))));
  await countReceivedMany(
    tx,
    source,
    { applied: applied.length, pending: 0, rejected: 0 },
    lastOccurred,
    now,
  );
  for (const r of applied) {
    out[r.index] = toOutcome(r.line, r.event, {
      status: 'applied',
      person: { id: r.personId, iin: r.payment.iin },
    });
  }
  return out;
};
