import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { feedEvents, kzContributions, persons, registerEvents } from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';
import { syntheticIin } from '@/lib/domain/kz';
import { applyBatch } from '@/lib/feeds/bulk/apply-batch';
import { paidEvent, parsedEvents, testId } from '@/testing/kz/feed-events';
import { KZ_FEED_NOW } from '@/testing/kz/feed-registers';
import { createKzPerson } from '@/testing/kz/register';

/**
 * The payments writer's staged path (ADR 0031): what it resolves in SQL — the person by ИИН (following a
 * merge), a reference already standing, an unknown ИИН — and the COPY of awkward text, in one batch.
 */
const id = testId;
const paid = paidEvent;

const batch = (...events: object[]) =>
  applyBatch('payments', parsedEvents('payments', events), { now: KZ_FEED_NOW });

describe('the staged payments writer', () => {
  it('resolves persons, merges and standing references in SQL and leaves the rest to the one-event path', async () => {
    const db = getDb();
    const person = await createKzPerson(db);
    const merged = await createKzPerson(db);
    const survivor = await createKzPerson(db);
    await db.update(persons).set({ mergedIntoId: survivor.id }).where(eq(persons.id, merged.id));
    const standing = paid(person.iin);
    expect((await batch(standing)).map((o) => o.status)).toEqual(['applied']);

    const unknownIin = syntheticIin('1990-05-05' as LocalDate, 'male', 7);
    const awkward = 'ИП «Таб\tи\\слеш»\nвторая строка';
    const events = [
      paid(person.iin, { payer: { kind: 'self', id: person.iin, name: awkward } }),
      paid(unknownIin),
      paid(merged.iin),
      { ...standing, eventId: id('pay') },
      paid(person.iin, { amount: '3500.5' }),
    ];
    const outcomes = await batch(...events);
    expect(outcomes.map((o) => o.status)).toEqual(['applied', 'pending', 'applied', 'duplicate', 'applied']);
    expect(outcomes[2]).toMatchObject({ personId: survivor.id, iin: merged.iin });

    const ledger = await db
      .select()
      .from(kzContributions)
      .where(
        sql`${kzContributions.paymentReference} in ${events.map((e) => (e.data as { reference: string }).reference)}`,
      );
    const byRef = new Map(ledger.map((r) => [r.paymentReference, r]));
    expect(byRef.get(events[0]!.data.reference)).toMatchObject({ personId: person.id, payerName: awkward });
    expect(byRef.has(events[1]!.data.reference)).toBe(false);
    expect(byRef.get(events[2]!.data.reference)).toMatchObject({
      personId: survivor.id,
      source: 'feed:payments',
    });
    expect(byRef.get(events[4]!.data.reference)).toMatchObject({ amount: '3500.50', months: 1 });
    // Written by the batch's one transaction (rows of one transaction share its xmin), not by the
    // fallback that applies a failed batch again one event per transaction.
    const xmins = await db.execute<{ x: string }>(
      sql`select distinct xmin::text as x from ${kzContributions} where ${kzContributions.paymentReference} in ${[0, 2, 4].map((i) => events[i]!.data.reference)}`,
    );
    expect(xmins.rows).toHaveLength(1);
    // The standing payment is still the only row of its reference.
    expect(ledger.filter((r) => r.paymentReference === standing.data.reference)).toHaveLength(1);

    const [history] = await db
      .select()
      .from(registerEvents)
      .where(eq(registerEvents.entityId, byRef.get(events[2]!.data.reference)!.id));
    expect(history).toMatchObject({
      personId: survivor.id,
      entity: 'contribution',
      action: 'contribution.paid',
      actorKind: 'feed',
      source: 'feed:payments',
      reason: `contribution.paid ${events[2]!.eventId}`,
      data: { reference: events[2]!.data.reference, month: '2026-09', months: 1, amount: '4000.00' },
    });
    const records = await db
      .select({ eventId: feedEvents.eventId, status: feedEvents.status, personId: feedEvents.personId })
      .from(feedEvents)
      .where(sql`${feedEvents.eventId} in ${events.map((e) => e.eventId)}`);
    // The standing payment under another id (events[3]) changed nothing: a duplicate keeps no record.
    expect(new Map(records.map((r) => [r.eventId, [r.status, r.personId]]))).toEqual(
      new Map([
        [events[0]!.eventId, ['applied', person.id]],
        [events[1]!.eventId, ['pending', null]],
        [events[2]!.eventId, ['applied', survivor.id]],
        [events[4]!.eventId, ['applied', person.id]],
      ]),
    );
  });

  it('answers a replayed batch as duplicates and writes nothing again', async () => {
    const db = getDb();
    const person = await createKzPerson(db);
    const events = [paid(person.iin), paid(person.iin, { month: '2026-08' })];
    expect((await batch(...events)).map((o) => o.status)).toEqual(['applied', 'applied']);
    expect((await batch(...events)).map((o) => o.status)).toEqual(['duplicate', 'duplicate']);
    const rows = await db.select().from(kzContributions).where(eq(kzContributions.personId, person.id));
    expect(rows).toHaveLength(2);
  });
});
