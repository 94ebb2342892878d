import { asc, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import {
  coverages,
  feedDailyCounts,
  feedEvents,
  identityDocuments,
  persons,
  registerEvents,
} from '@/db/schema';
import { registerPerson } from '@/lib/register/register-person';
import { birth, event, lines, refOf } from '@/testing/feeds/events';
import { adultInput, metaAt } from '@/testing/register/people';
import { applyFeedEvents, retryPending } from './apply-feed-events';

const at = { now: new Date('2026-03-02T09:00:00Z') };

/** The register's content, without record-time columns: equal before and after a replay. */
async function registerState() {
  const db = getDb();
  return {
    persons: await db
      .select({
        id: persons.id,
        enp: persons.enp,
        lastName: persons.lastName,
        deathDate: persons.deathDate,
        version: persons.version,
      })
      .from(persons)
      .orderBy(asc(persons.id)),
    documents: await db
      .select({ id: identityDocuments.id, current: identityDocuments.isCurrent })
      .from(identityDocuments)
      .orderBy(asc(identityDocuments.id)),
    coverages: await db
      .select({
        id: coverages.id,
        status: coverages.status,
        from: coverages.validFrom,
        to: coverages.validTo,
        retracted: sql<boolean>`${coverages.recordedTo} is not null`,
      })
      .from(coverages)
      .orderBy(asc(coverages.id)),
    events: (await db.select({ n: count() }).from(registerEvents))[0]!.n,
  };
}

async function mother() {
  const input = adultInput();
  const r = await registerPerson(input, metaAt('2026-01-20T09:00:00Z'));
  return refOf({ ...input.person, enp: r.enp });
}

describe('exactly once', () => {
  it('the same batch twice: every event a duplicate the second time, the register identical', async () => {
    const m = await mother();
    const batch = lines(
      birth(m),
      birth(m, { firstName: 'Анна', sex: 'F' }),
      event('service.started', { person: m, startedOn: '2026-02-01' }),
      event('death.registered', {
        person: { lastName: 'Никого', firstName: 'Нет', patronymic: null, birthDate: '1940-01-01' },
        deathDate: '2026-02-01',
        certificate: { series: 'II-МЮ', number: '700001', issueDate: '2026-02-02', issuer: 'ЗАГС' },
      }),
    );
    const zags = batch.filter((b) => b.event.type !== 'service.started');
    const military = batch.filter((b) => b.event.type === 'service.started');
    const first = [
      ...(await applyFeedEvents('zags', zags, at)),
      ...(await applyFeedEvents('military', military, at)),
    ];
    expect(first.map((o) => o.status)).toEqual(['applied', 'applied', 'pending', 'applied']);
    const before = await registerState();
    const [countsBefore] = await getDb()
      .select()
      .from(feedDailyCounts)
      .where(eq(feedDailyCounts.source, 'zags'));

    const second = [
      ...(await applyFeedEvents('zags', zags, at)),
      ...(await applyFeedEvents('military', military, at)),
    ];
    expect(second.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await registerState()).toEqual(before);
    const [countsAfter] = await getDb()
      .select()
      .from(feedDailyCounts)
      .where(eq(feedDailyCounts.source, 'zags'));
    expect(countsAfter).toEqual(countsBefore);
  });

  it('counts each source’s events per day with the last times (freshness)', async () => {
    const m = await mother();
    const now = new Date('2026-04-10T21:30:00Z'); // 00:30 on 11.04 in Moscow
    await applyFeedEvents('zags', lines(birth(m, { firstName: 'Глеб' })), { now });
    const [day] = await getDb().select().from(feedDailyCounts).where(eq(feedDailyCounts.day, '2026-04-11'));
    expect(day).toMatchObject({
      source: 'zags',
      received: 1,
      applied: 1,
      pending: 0,
      rejected: 0,
      lastReceivedAt: now,
    });
  });

  it('two clients posting overlapping batches at once: each event applied once', async () => {
    const m = await mother();
    const events = Array.from({ length: 12 }, (_, i) =>
      birth(m, {
        firstName: ['Артём', 'Мария', 'Лев', 'Ева'][i % 4]!,
        birthDate: `2026-02-${String(i + 1).padStart(2, '0')}`,
      }),
    );
    const a = lines(...events.slice(0, 8));
    const b = lines(...events.slice(4).reverse());
    const [ra, rb] = await Promise.all([applyFeedEvents('zags', a, at), applyFeedEvents('zags', b, at)]);
    const statuses = new Map<string, string[]>();
    for (const o of [...ra, ...rb]) statuses.set(o.eventId!, [...(statuses.get(o.eventId!) ?? []), o.status]);
    for (const e of events.slice(4, 8))
      expect(statuses.get(e.eventId)!.sort()).toEqual(['applied', 'duplicate']);
    for (const e of [...events.slice(0, 4), ...events.slice(8)])
      expect(statuses.get(e.eventId)).toEqual(['applied']);
    const numbers = events.map((e) => e.data.certificate.number);
    const [children] = await getDb()
      .select({ n: count() })
      .from(identityDocuments)
      .where(sql`${identityDocuments.kind} = 3 and ${identityDocuments.number} in ${numbers}`);
    expect(children!.n).toBe(12);
    const [recorded] = await getDb()
      .select({ n: count() })
      .from(feedEvents)
      .where(sql`${feedEvents.eventId} in ${events.map((e) => e.eventId)}`);
    expect(recorded!.n).toBe(12);
  });

  it('the operators’ retry applies a pending event once its person appears, and never twice', async () => {
    const input = adultInput({
      person: { ...adultInput().person, lastName: 'Ёлкина', firstName: 'Вера', birthDate: '1983-06-06' },
    });
    const ref = refOf({ ...input.person });
    const [pending] = await applyFeedEvents(
      'military',
      lines(event('service.started', { person: ref, startedOn: '2026-02-10' })),
      at,
    );
    expect(pending).toMatchObject({ status: 'pending', reason: { code: 'FEED_PERSON_NOT_FOUND' } });
    // She is registered by the portal (not by a feed): nothing retries for her automatically.
    await registerPerson(input, metaAt('2026-01-20T09:00:00Z'));
    const [first, second] = await Promise.all([
      retryPending({ source: 'military' }, at),
      retryPending({ source: 'military' }, at),
    ]);
    expect(first.applied + second.applied).toBe(1);
    const [row] = await getDb().select().from(feedEvents).where(eq(feedEvents.eventId, pending!.eventId!));
    expect(row).toMatchObject({ status: 'applied', attempts: 2 });
  });
});
