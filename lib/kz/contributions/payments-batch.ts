import { and, isNull, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
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
import { copyInto } from '@/lib/feeds/bulk/copy-rows';
import type { EventOutcome } from '@/lib/feeds/outcome';
import type { ContributionPaid } from '@/lib/kz/feeds/events';
import { kzPersonIdsByIin } from '@/lib/kz/persons/find-kz-person';
import { osmsParameters } from '@/lib/kz/parameters';
import { kzToday } from '@/lib/kz/today';
import { registerEventRow } from '@/lib/register/writer';
import { checkPayment, type Payment } from '@/lib/domain/kz';
import { contributionPaidEvent, contributionRow } from './record-contributions';

/**
 * The bulk import's writer for payments (ADR 0031): payments are independent rows, so a whole run of
 * `contribution.paid` events is decided in Node from three reads — the known event ids, the persons by ИИН
 * (following a merge) and the references already standing — and written by one COPY per table straight
 * into the register's tables (dedup records, ledger rows with ids taken from their sequence, register
 * events), instead of a transaction and ~8 round trips per payment. It writes exactly the rows the
 * one-event path (recordContribution) writes, from the same pieces (checkPayment, contributionRow,
 * contributionPaidEvent, registerEventRow, feedWriteMeta, recordedDecision, countReceivedMany), and takes
 * only what it can decide set-wise: a valid payment for a person the register knows, whose reference is new
 * to the register and to the run, under an event id new to the run. Everything else — invalid data, an
 * unknown ИИН (pending), a reference already recorded (duplicate or conflict), repeats within the run — is
 * left (null) to the one-event path, which then runs after this run's rows, as a sequential apply would.
 * A concurrent writer that commits one of these event ids or references between the reads and the COPY
 * fails the COPY on its unique index; the caller then applies the batch again event by event.
 */

type Paid = ContributionPaid;

interface Decided {
  index: number;
  line: number;
  event: Paid;
  payment: Payment;
  personId: number;
}

/** The references of `references` recorded and not retracted. */
async function standingReferences(tx: Transaction, references: readonly string[]): Promise<Set<string>> {
  if (references.length === 0) return new Set();
  const rows = await tx
    .select({ reference: kzContributions.paymentReference })
    .from(kzContributions)
    .where(and(anyOf(kzContributions.paymentReference, references), isNull(kzContributions.retractedAt)));
  return new Set(rows.map((r) => r.reference));
}

/** `n` ids from the ledger's identity sequence, in order (the register events name their ledger row). */
async function ledgerIds(tx: Transaction, n: number): Promise<number[]> {
  const { rows } = await tx.execute<{ id: string }>(
    sql`select nextval(s.seq)::text as id from generate_series(1, ${n}),
      (select pg_get_serial_sequence('kz_contributions', 'id')::regclass as seq) s`,
  );
  return rows.map((r) => Number(r.id));
}

export const writePayments: BatchWriter = async (tx, source, items, options) => {
  const out: (EventOutcome | null)[] = items.map(() => null);
  // Permission first, as the use case asks it: a key of another source leaves everything to the seam.
  if (!can(feedActor(source, options.clientId), 'contribution:record')) return out;
  const now = options.now ?? new Date();
  const today = kzToday(now);
  const params = osmsParameters();
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
    const payment = checkPayment(params, event.data, today);
    if (payment.ok) checked.push({ index, line, event, payment: payment.value });
  });
  if (checked.length === 0) return out;

  // 2. The persons by ИИН and the references already standing; a payment whose person is unknown or whose
  //    reference stands is left (null) to the one-event path.
  const personIds = await kzPersonIdsByIin(
    tx,
    checked.map((c) => c.payment.iin),
  );
  const standing = await standingReferences(
    tx,
    checked.map((c) => c.payment.reference),
  );
  const applied: Decided[] = [];
  for (const c of checked) {
    const personId = personIds.get(c.payment.iin);
    if (personId !== undefined && !standing.has(c.payment.reference)) applied.push({ ...c, personId });
  }
  if (applied.length === 0) return out;

  // 3. The rows, built by the one-event path's own pieces, COPYed in its order: the dedup records first (a
  //    concurrent writer's claim fails the COPY, and the batch goes event by event), the ledger rows with
  //    their ids from the sequence, their register events.
  const ledger = await ledgerIds(tx, applied.length);
  await copyInto(
    tx,
    feedEvents,
    applied.map((r) => ({
      source,
      eventId: r.event.eventId,
      type: r.event.type,
      occurredAt: r.event.occurredAt,
      receivedAt: now,
      ...recordedDecision(
        { status: 'applied', person: { id: r.personId, iin: r.payment.iin } },
        r.event,
        now,
      ),
    })),
  );
  await copyInto(
    tx,
    kzContributions,
    applied.map((r, i) => ({ id: ledger[i]!, ...contributionRow(r.personId, r.payment, `feed:${source}`) })),
  );
  await copyInto(
    tx,
    registerEvents,
    applied.map((r, i) =>
      registerEventRow(
        feedWriteMeta(source, r.event, options),
        contributionPaidEvent(r.personId, ledger[i]!, r.payment),
      ),
    ),
  );

  const lastOccurred = new Date(applied.reduce((m, r) => Math.max(m, Date.parse(r.event.occurredAt)), 0));
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
