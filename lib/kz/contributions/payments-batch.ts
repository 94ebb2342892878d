import { sql, type SQL } from 'drizzle-orm';
import { feedEvents, kzContributions, registerEvents } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import {
  countReceivedMany,
  feedActor,
  feedWriteMeta,
  recordedDecision,
  toOutcome,
} from '@/lib/feeds/apply-feed-events';
import { knownEventIds, type BatchWriter } from '@/lib/feeds/bulk/batch-queries';
import { stageRows } from '@/lib/feeds/bulk/copy-stage';
import type { EventOutcome } from '@/lib/feeds/outcome';
import type { ContributionPaid } from '@/lib/kz/feeds/events';
import { kzPersonIdOfIin } from '@/lib/kz/persons/find-kz-person';
import { osmsParameters } from '@/lib/kz/parameters';
import { kzToday } from '@/lib/kz/today';
import { registerEventRow } from '@/lib/register/writer';
import { checkPayment, type Payment } from '@/lib/domain/kz';
import { contributionPaidEvent, contributionRow } from './record-contributions';

/**
 * The bulk import's writer for payments (ADR 0031): payments are independent rows, so a whole run of
 * `contribution.paid` events is written with three round trips — the known event ids asked once, the checked
 * payments COPYed into a staging table, and one statement that resolves the persons by ИИН and the standing
 * references in SQL and writes the dedup records, the ledger rows and their register events by
 * `INSERT … SELECT` — instead of a transaction and ~8 round trips per payment. It writes exactly the rows the
 * one-event path (recordContribution) writes, from the same pieces (checkPayment, contributionRow,
 * contributionPaidEvent, registerEventRow, feedWriteMeta, recordedDecision, countReceivedMany), and takes
 * only what it can decide set-wise: a valid payment for a person the register knows, whose reference is new
 * to the register and to the run, under an event id new to the run. Everything else — invalid data, an
 * unknown ИИН (pending), a reference already recorded (duplicate or conflict), repeats within the run — is
 * left (null) to the one-event path, which then runs after this run's rows, as a sequential apply would.
 */

type Paid = ContributionPaid;

interface Decided {
  index: number;
  line: number;
  event: Paid;
  payment: Payment;
  personId: number;
}

/** The connection's staging table of a run's checked payments (its columns in the order `stageRows` gets). */
const STAGE = 'kz_payments_stage';
const STAGE_COLUMNS = `ord integer not null, event_id text not null, type text not null,
  occurred_at timestamptz not null, iin char(12) not null, payer_kind text not null, payer_id text not null,
  payer_name text, month_covered char(7) not null, months smallint not null, amount numeric(14,2) not null,
  paid_on date not null, payment_reference text not null, ledger_source text not null, ev_entity text not null,
  ev_action text not null, ev_effective_date date not null, ev_actor_kind text not null,
  ev_actor_id text not null, ev_source text not null, ev_reason text, ev_data jsonb`;

/**
 * The staged payments into the register (and the staging emptied, so a second run in the same transaction
 * starts clean): per staged row that found its person and a free reference, its ordinal, person and whether
 * its event was claimed here. The dedup record holds the same decision recordedDecision writes for an
 * applied event. Rows are inserted in the run's order, so ids follow it as the one-event path's would.
 */
function moveStaged(source: string, sample: Paid, now: Date): SQL {
  // An applied event's dedup record holds the decision the one-event path records (its person from SQL).
  const d = recordedDecision({ status: 'applied', person: { id: 0, iin: '' } }, sample, now);
  return sql`
    with staged as (delete from ${sql.raw(STAGE)} returning *),
    ready as (
      -- Lateral lookups with a limit: one index probe per staged row, never a scan of the register's
      -- persons or ledger (a hash join would read them whole for every batch).
      select s.*, p.person_id
      from staged s
      cross join lateral (select ${kzPersonIdOfIin(sql`s.iin`)} as person_id) p
      left join lateral (
        select true as standing from ${kzContributions} c
        where c.payment_reference = s.payment_reference and c.retracted_at is null limit 1) c on true
      where c.standing is null and p.person_id is not null
    ),
    claimed as (
      insert into ${feedEvents} (source, event_id, type, occurred_at, received_at, status, person_id, decided_at)
      select ${source}, event_id, type, occurred_at, ${now}, ${d.status}, person_id, ${d.decidedAt}
      from ready order by ord
      on conflict do nothing
      returning event_id
    ),
    ledger as (
      insert into ${kzContributions} (person_id, payer_kind, payer_id, payer_name, month_covered, months, amount,
        paid_on, payment_reference, source)
      select r.person_id, r.payer_kind, r.payer_id, r.payer_name, r.month_covered, r.months, r.amount, r.paid_on,
        r.payment_reference, r.ledger_source
      from ready r join claimed using (event_id) order by r.ord
      returning id, payment_reference
    ),
    logged as (
      insert into ${registerEvents} (person_id, entity, entity_id, action, effective_date, actor_kind, actor_id,
        source, reason, data)
      select r.person_id, r.ev_entity::event_entity, l.id, r.ev_action, r.ev_effective_date,
        r.ev_actor_kind::actor_kind, r.ev_actor_id, r.ev_source, r.ev_reason, r.ev_data
      from ready r join ledger l using (payment_reference) order by r.ord
    )
    select r.ord, r.person_id::text as person_id, c.event_id is not null as claimed
    from ready r left join claimed c using (event_id)
    order by r.ord`;
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

  // 2. The decided rows staged by one COPY — the ledger row and register event built by the one-event
  //    path's own pieces, their person and ledger ids left to the statement below.
  const meta = (event: Paid) => feedWriteMeta(source, event, options);
  await stageRows(
    tx,
    STAGE,
    STAGE_COLUMNS,
    checked.map((c, ord) => {
      const row = contributionRow(0, c.payment, `feed:${source}`);
      const ev = registerEventRow(meta(c.event), contributionPaidEvent(0, 0, c.payment));
      return [
        ord,
        c.event.eventId,
        c.event.type,
        c.event.occurredAt,
        c.payment.iin,
        row.payerKind,
        row.payerId,
        row.payerName,
        row.monthCovered,
        row.months,
        row.amount,
        row.paidOn,
        row.paymentReference,
        row.source,
        ev.entity,
        ev.action,
        ev.effectiveDate,
        ev.actorKind,
        ev.actorId,
        ev.source,
        ev.reason,
        JSON.stringify(ev.data),
      ];
    }),
  );

  // 3. One statement moves them: the persons by ИИН (following a merge) and the standing references are
  //    resolved in SQL; a payment whose person is unknown or whose reference already stands stays out (null:
  //    the one-event path decides it). The dedup records come first: an event a concurrent import or post
  //    claimed first is a duplicate and writes nothing. The ledger rows follow (a concurrent writer of one
  //    of these references fails the unique index, and the caller applies the batch again event by event),
  //    then their register events.
  const moved = (
    await tx.execute<{ ord: number; person_id: string; claimed: boolean }>(
      moveStaged(source, checked[0]!.event, now),
    )
  ).rows;
  const applied: Decided[] = [];
  for (const m of moved) {
    const c = checked[m.ord]!;
    if (m.claimed) applied.push({ ...c, personId: Number(m.person_id) });
    else out[c.index] = { line: c.line, eventId: c.event.eventId, type: c.event.type, status: 'duplicate' };
  }
  if (applied.length === 0) return out;

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
