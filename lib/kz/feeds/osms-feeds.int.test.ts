import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  feedDailyCounts,
  feedEvents,
  kzCategoryMemberships,
  kzContributions,
  registerEvents,
} from '@/db/schema';
import { syntheticIin, type Iin } from '@/lib/domain/kz';
import type { LocalDate } from '@/lib/domain/dates';
import { applyFeedEvents, retryPending } from '@/lib/feeds/apply-feed-events';
import type { AnyFeedSource } from '@/lib/feeds/events';
import type { EventOutcome } from '@/lib/feeds/outcome';
import { registerChecksum, KZ_CHECKSUM } from '@/testing/feeds/register-checksum';
import { paidEvent, parsedEvents, testId } from '@/testing/kz/feed-events';
import { KZ_FEED_NOW } from '@/testing/kz/feed-registers';
import { createKzPerson } from '@/testing/kz/register';
import { registerKzPerson } from '@/lib/kz/persons/register-kz-person';
import { toAppError } from '@/lib/register/db-errors';

/**
 * The ОСМС feeds through the feeds' seam (ADR 0031): every event type and its effect on the ledger, the
 * memberships and the history; exactly once by event id and by payment reference; pending for what is not
 * there yet and applied when it comes; refusals with every invalid field named.
 */
const db = () => getDb();
const id = testId;
const at = (date: string) => `${date}T10:00:00+05:00`;
const parsed = parsedEvents;

const post = (source: AnyFeedSource, ...events: object[]) =>
  applyFeedEvents(source, parsed(source, events), { now: KZ_FEED_NOW });

const paid = paidEvent;

const reversed = (iin: string, reference: string, occurredAt = at('2026-10-28')) => ({
  eventId: id('rev'),
  type: 'contribution.reversed',
  occurredAt,
  data: { iin, reference, reversedOn: '2026-10-28' },
});

const joined = (
  iin: string,
  from: string,
  listDate: string,
  to: string | null = null,
  category = 'PENSIONER',
) => ({
  eventId: id('join'),
  type: 'category.joined',
  occurredAt: at(listDate),
  data: { iin, category, from, to, listDate },
});

const left = (iin: string, to: string, listDate: string, category = 'PENSIONER') => ({
  eventId: id('left'),
  type: 'category.left',
  occurredAt: at(listDate),
  data: { iin, category, to, listDate },
});

/** The payments source's counters (all days): what freshness and the dashboard read. */
const paymentCounts = async () =>
  (
    await db()
      .select({
        received: sql<number>`sum(${feedDailyCounts.received})::int`,
        applied: sql<number>`sum(${feedDailyCounts.applied})::int`,
      })
      .from(feedDailyCounts)
      .where(eq(feedDailyCounts.source, 'payments'))
  )[0];

const ledgerOf = (personId: number) =>
  db()
    .select()
    .from(kzContributions)
    .where(eq(kzContributions.personId, personId))
    .orderBy(kzContributions.id);
const membershipsOf = (personId: number) =>
  db()
    .select()
    .from(kzCategoryMemberships)
    .where(eq(kzCategoryMemberships.personId, personId))
    .orderBy(kzCategoryMemberships.id);
const historyOf = (personId: number) =>
  db().select().from(registerEvents).where(eq(registerEvents.personId, personId)).orderBy(registerEvents.id);

const statuses = (outcomes: EventOutcome[]) => outcomes.map((o) => o.status);
/** A fresh ИИН the register does not know (a new serial of a fixed date). */
let serial = 3000;
const unknownIin = (): Iin => syntheticIin('1991-04-12' as LocalDate, 'male', ++serial);

describe('contribution.paid', () => {
  it('records the payment in the ledger with a register event and the dedup record, naming the person by ИИН', async () => {
    const person = await createKzPerson(db());
    const event = paid(person.iin, { amount: '3500.5', reference: 'KZ-BANK-000001' });
    const [outcome] = await post('payments', event);
    expect(outcome).toMatchObject({ status: 'applied', personId: person.id, iin: person.iin });
    const [row] = await ledgerOf(person.id);
    expect(row).toMatchObject({
      payerKind: 'employer',
      payerId: '190340012345',
      payerName: 'ТОО «Пример»',
      monthCovered: '2026-09',
      months: 1,
      amount: '3500.50',
      paidOn: '2026-10-20',
      paymentReference: 'KZ-BANK-000001',
      source: 'feed:payments',
      retractedAt: null,
    });
    const [history] = await historyOf(person.id);
    expect(history).toMatchObject({
      entity: 'contribution',
      entityId: row!.id,
      action: 'contribution.paid',
      effectiveDate: '2026-10-20',
      actorKind: 'feed',
      source: 'feed:payments',
      reason: `contribution.paid ${event.eventId}`,
    });
    const [record] = await db().select().from(feedEvents).where(eq(feedEvents.eventId, event.eventId));
    expect(record).toMatchObject({ source: 'payments', status: 'applied', personId: person.id });
  });

  it('is applied once: a replayed event id and the same payment under another id change nothing', async () => {
    const person = await createKzPerson(db());
    const event = paid(person.iin);
    expect(statuses(await post('payments', event))).toEqual(['applied']);
    const again = { ...event, eventId: id('pay') };
    const countsBefore = await paymentCounts();
    expect(statuses(await post('payments', event, again))).toEqual(['duplicate', 'duplicate']);
    expect(await ledgerOf(person.id)).toHaveLength(1);
    expect(await historyOf(person.id)).toHaveLength(1);
    // Changed nothing, so like the replay it is neither recorded nor counted.
    expect(await db().select().from(feedEvents).where(eq(feedEvents.eventId, again.eventId))).toEqual([]);
    expect(await paymentCounts()).toEqual(countsBefore);
  });

  it('refuses the same reference with other facts, naming the reference', async () => {
    const person = await createKzPerson(db());
    const event = paid(person.iin);
    await post('payments', event);
    const conflicting = paid(person.iin, { ...event.data, amount: 9999 });
    const [outcome] = await post('payments', conflicting);
    expect(outcome).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.reference', code: 'KZ_PAYMENT_REFERENCE_CONFLICT' }],
    });
    expect((await ledgerOf(person.id)).map((r) => r.amount)).toEqual(['4000.00']);
    // Recorded: the same event again is a duplicate.
    expect(statuses(await post('payments', conflicting))).toEqual(['duplicate']);
  });

  it('rejects an invalid ИИН, month, amount, date and months with every field named, and records it', async () => {
    const person = await createKzPerson(db());
    const broken = person.iin.slice(0, 11) + String((Number(person.iin[11]) + 1) % 10);
    const [badIin, badRest] = await post(
      'payments',
      paid(broken),
      paid(person.iin, { month: '2026-13', amount: -5, paidOn: '2026-12-01', months: 3 }),
    );
    expect(badIin).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.iin', code: 'IIN_INVALID_CHECKSUM' }],
    });
    expect(badRest!.status).toBe('rejected');
    const fields = badRest!.status === 'rejected' ? badRest!.issues.map((i) => [i.field, i.code]) : [];
    expect(fields).toEqual([
      ['data.paidOn', 'KZ_PAYMENT_DATE_INVALID'],
      ['data.month', 'KZ_CONTRIBUTION_MONTH_INVALID'],
      ['data.months', 'KZ_LUMP_SUM_MONTHS_INVALID'],
      ['data.amount', 'KZ_CONTRIBUTION_AMOUNT_INVALID'],
    ]);
    expect(await ledgerOf(person.id)).toEqual([]);
    const [counted] = await db()
      .select({ rejected: sql<number>`count(*)::int` })
      .from(feedEvents)
      .where(
        sql`${feedEvents.status} = 'rejected' and ${feedEvents.eventId} in (${badIin!.eventId}, ${badRest!.eventId})`,
      );
    expect(counted!.rejected).toBe(2);
  });

  it('records a lump sum with its months, and a monthly payment more than 12 months ahead is refused', async () => {
    const person = await createKzPerson(db());
    const lump = paid(person.iin, {
      payer: { kind: 'lump-sum', id: person.iin },
      month: '2026-11',
      months: 12,
      amount: 42000,
    });
    const ahead = paid(person.iin, {
      payer: { kind: 'self', id: person.iin },
      month: '2027-11',
      amount: 3500,
    });
    const [a, b] = await post('payments', lump, ahead);
    expect(a!.status).toBe('applied');
    expect(b).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.month', code: 'KZ_CONTRIBUTION_MONTH_INVALID' }],
    });
    expect(await ledgerOf(person.id)).toMatchObject([
      { payerKind: 'lump-sum', monthCovered: '2026-11', months: 12, amount: '42000.00' },
    ]);
  });

  it('keeps a payment for an ИИН the register does not know pending, and applies it when the person comes', async () => {
    const iin = unknownIin();
    const event = paid(iin);
    const [outcome] = await post('payments', event);
    expect(outcome).toMatchObject({ status: 'pending', reason: { code: 'PERSON_NOT_FOUND' } });
    const [record] = await db().select().from(feedEvents).where(eq(feedEvents.eventId, event.eventId));
    expect(record).toMatchObject({ status: 'pending', subjectKey: `iin:${iin}` });
    const person = await createKzPerson(db(), { iin });
    expect(await retryPending({ personIds: [person.id] }, { now: KZ_FEED_NOW })).toMatchObject({
      applied: 1,
    });
    expect(await ledgerOf(person.id)).toHaveLength(1);
    expect(statuses(await post('payments', event))).toEqual(['duplicate']);
  });

  it('applies the pending payments of a person as soon as the fund registers them', async () => {
    const iin = unknownIin();
    const event = paid(iin);
    expect(statuses(await post('payments', event))).toEqual(['pending']);
    const admin = { kind: 'staff', id: 'fund-admin', role: 'ffoms_admin' } as const;
    const { personId } = await registerKzPerson(
      { actor: admin, source: 'console', now: KZ_FEED_NOW },
      { iin, lastName: 'Жақсылықов', firstName: 'Ерлан', citizenship: 'kaz' },
    );
    expect(await ledgerOf(personId)).toHaveLength(1);
    const [record] = await db().select().from(feedEvents).where(eq(feedEvents.eventId, event.eventId));
    expect(record).toMatchObject({ status: 'applied', personId });
  });
});

describe('contribution.reversed', () => {
  it('retracts the payment in record time and keeps the row; a second reversal changes nothing', async () => {
    const person = await createKzPerson(db());
    const payment = paid(person.iin);
    await post('payments', payment);
    const [outcome] = await post('payments', reversed(person.iin, payment.data.reference));
    expect(outcome).toMatchObject({ status: 'applied', iin: person.iin });
    const [row] = await ledgerOf(person.id);
    expect(row!.retractedAt).toBeInstanceOf(Date);
    expect((await historyOf(person.id)).map((e) => [e.action, e.entityId])).toEqual([
      ['contribution.paid', row!.id],
      ['contribution.reversed', row!.id],
    ]);
    expect(statuses(await post('payments', reversed(person.iin, payment.data.reference)))).toEqual([
      'duplicate',
    ]);
  });

  it('waits for a payment it arrives before, and applies once the payment is posted', async () => {
    const person = await createKzPerson(db());
    const payment = paid(person.iin);
    const early = reversed(person.iin, payment.data.reference);
    expect(await post('payments', early)).toMatchObject([
      { status: 'pending', reason: { code: 'KZ_PAYMENT_NOT_FOUND' } },
    ]);
    expect(statuses(await post('payments', payment))).toEqual(['applied']);
    const [row] = await ledgerOf(person.id);
    expect(row!.retractedAt).toBeInstanceOf(Date);
    const [record] = await db().select().from(feedEvents).where(eq(feedEvents.eventId, early.eventId));
    expect(record).toMatchObject({ status: 'applied', attempts: 2 });
  });

  it('refuses to reverse another person’s payment', async () => {
    const [a, b] = [await createKzPerson(db()), await createKzPerson(db())];
    const payment = paid(a.iin);
    await post('payments', payment);
    expect(await post('payments', reversed(b.iin, payment.data.reference))).toMatchObject([
      { status: 'rejected', issues: [{ field: 'data.iin', code: 'KZ_PAYMENT_OTHER_PERSON' }] },
    ]);
    expect((await ledgerOf(a.id))[0]!.retractedAt).toBeNull();
  });
});

describe('category lists', () => {
  it('records a joining, closes it on leaving (retracted and succeeded at one record time), with events', async () => {
    const person = await createKzPerson(db());
    expect(statuses(await post('categories', joined(person.iin, '2025-01-01', '2025-01-05')))).toEqual([
      'applied',
    ]);
    expect(statuses(await post('categories', left(person.iin, '2026-06-30', '2026-07-01')))).toEqual([
      'applied',
    ]);
    const rows = await membershipsOf(person.id);
    expect(rows.map((r) => [r.category, r.fromDate, r.toDate, r.receivedOn, r.retractedAt === null])).toEqual(
      [
        ['PENSIONER', '2025-01-01', null, '2025-01-05', false],
        ['PENSIONER', '2025-01-01', '2026-06-30', '2026-07-01', true],
      ],
    );
    expect(rows[0]!.retractedAt!.getTime()).toBe(rows[1]!.recordedAt.getTime());
    expect((await historyOf(person.id)).map((e) => [e.entity, e.action, e.effectiveDate])).toEqual([
      ['category', 'category.joined', '2025-01-01'],
      ['category', 'category.left', '2026-06-30'],
    ]);
  });

  it('ends in the same memberships whatever the order the lists arrive in; an older list changes nothing', async () => {
    const person = await createKzPerson(db());
    const leaving = left(person.iin, '2026-03-31', '2026-04-01');
    expect(await post('categories', leaving)).toMatchObject([
      { status: 'pending', reason: { code: 'KZ_CATEGORY_NOT_FOUND' } },
    ]);
    expect(statuses(await post('categories', joined(person.iin, '2025-05-01', '2025-05-03')))).toEqual([
      'applied',
    ]);
    // An older list still showing the person in the category, under another event id: nothing changes.
    expect(statuses(await post('categories', joined(person.iin, '2025-05-01', '2025-06-01')))).toEqual([
      'duplicate',
    ]);
    const standing = (await membershipsOf(person.id)).filter((r) => r.retractedAt === null);
    expect(standing.map((r) => [r.fromDate, r.toDate, r.receivedOn])).toEqual([
      ['2025-05-01', '2026-03-31', '2026-04-01'],
    ]);
  });

  it('refuses an overlapping period of the same category and a period ending before it starts', async () => {
    const person = await createKzPerson(db());
    await post('categories', joined(person.iin, '2025-01-01', '2025-01-05'));
    const [overlap, backwards] = await post(
      'categories',
      joined(person.iin, '2025-06-01', '2025-06-05'),
      joined(person.iin, '2025-09-01', '2025-09-05', '2025-08-01', 'DISABILITY'),
    );
    expect(overlap).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.from', code: 'KZ_CATEGORY_OVERLAP' }],
    });
    expect(backwards).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.to', code: 'DATE_RANGE_INVALID' }],
    });
    expect(await membershipsOf(person.id)).toHaveLength(1);
  });

  it('refuses a correction that would stretch a period over the next one of the same category', async () => {
    const person = await createKzPerson(db());
    await post(
      'categories',
      joined(person.iin, '2025-01-01', '2025-01-05', '2025-03-31'),
      joined(person.iin, '2025-06-01', '2025-06-05'),
    );
    const [stretched, shortened] = await post(
      'categories',
      joined(person.iin, '2025-01-01', '2025-07-01'),
      joined(person.iin, '2025-01-01', '2025-07-02', '2025-02-28'),
    );
    expect(stretched).toMatchObject({
      status: 'rejected',
      issues: [{ field: 'data.from', code: 'KZ_CATEGORY_OVERLAP' }],
    });
    expect(shortened).toMatchObject({ status: 'applied' });
    const standing = (await membershipsOf(person.id)).filter((r) => r.retractedAt === null);
    expect(standing.map((r) => [r.fromDate, r.toDate]).sort()).toEqual([
      ['2025-01-01', '2025-02-28'],
      ['2025-06-01', null],
    ]);
  });

  it('the database refuses an overlapping standing membership even past the use case (KZ_CATEGORY_OVERLAP)', async () => {
    const person = await createKzPerson(db());
    const row = (category: 'CHILDREN' | 'DISABILITY', from: string, to: string | null) => ({
      personId: person.id,
      category,
      fromDate: from,
      toDate: to,
      receivedOn: from,
      source: 'test',
    });
    const [first] = await db()
      .insert(kzCategoryMemberships)
      .values(row('CHILDREN', '2025-01-01', '2025-01-31'))
      .returning({ id: kzCategoryMemberships.id });
    // Both ends count: a period starting on the other's last day overlaps it.
    const refused = await db()
      .insert(kzCategoryMemberships)
      .values(row('CHILDREN', '2025-01-31', null))
      .then(
        () => null,
        (e: unknown) => toAppError(e),
      );
    expect(refused).toMatchObject({
      code: 'KZ_CATEGORY_OVERLAP',
      fields: [{ field: 'data.from', code: 'KZ_CATEGORY_OVERLAP' }],
    });
    // The day after, another category, and a period over a retracted row are all recorded.
    await db()
      .insert(kzCategoryMemberships)
      .values(row('CHILDREN', '2025-02-01', null));
    await db()
      .insert(kzCategoryMemberships)
      .values(row('DISABILITY', '2025-01-15', null));
    await db()
      .update(kzCategoryMemberships)
      .set({ retractedAt: new Date() })
      .where(eq(kzCategoryMemberships.id, first!.id));
    await db()
      .insert(kzCategoryMemberships)
      .values(row('CHILDREN', '2025-01-10', '2025-01-20'));
    expect(await membershipsOf(person.id)).toHaveLength(4);
  });
});

describe('replays and concurrency', () => {
  it('a whole feed replayed, and posted out of order, leaves the same register', async () => {
    const person = await createKzPerson(db());
    const p1 = paid(person.iin, { month: '2026-08' });
    const p2 = paid(person.iin, { month: '2026-09' });
    const events = [p1, p2, reversed(person.iin, p1.data.reference, at('2026-10-29'))];
    await post('payments', ...events);
    const once = await registerChecksum(db().$client, KZ_CHECKSUM);
    expect(statuses(await post('payments', ...events))).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await registerChecksum(db().$client, KZ_CHECKSUM)).toEqual(once);
    expect((await ledgerOf(person.id)).map((r) => [r.monthCovered, r.retractedAt === null])).toEqual([
      ['2026-08', false],
      ['2026-09', true],
    ]);
  });

  it('concurrent overlapping posts record each payment once', async () => {
    const person = await createKzPerson(db());
    const events = Array.from({ length: 12 }, (_, i) =>
      paid(person.iin, { month: `2025-${String(i + 1).padStart(2, '0')}` }),
    );
    const sameUnderOtherIds = events.map((e) => ({ ...e, eventId: id('other') }));
    const answers = await Promise.all([
      post('payments', ...events),
      post('payments', ...events.slice(4), ...sameUnderOtherIds.slice(0, 6)),
      post('payments', ...sameUnderOtherIds),
    ]);
    const applied = answers.flat().filter((o) => o.status === 'applied').length;
    expect(applied).toBe(12);
    expect(answers.flat().filter((o) => o.status !== 'applied' && o.status !== 'duplicate')).toEqual([]);
    expect(await ledgerOf(person.id)).toHaveLength(12);
    expect(await historyOf(person.id)).toHaveLength(12);
  });
});
