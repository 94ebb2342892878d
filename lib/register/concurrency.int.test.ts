import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { coverages, identityDocuments, persons, registerEvents } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { changeInsurer } from './change-insurer';
import { registerPerson } from './register-person';
import { suspendPolicy } from './suspend-policy';
import { adultInput, metaAt } from '@/testing/register/people';

const meta = metaAt('2026-03-10T09:00:00Z');

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

/** Waits until at least `n` other sessions of this database are blocked on a lock. */
async function lockWaiters(observer: pg.PoolClient, n: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const { rows } = await observer.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= n) return;
    if (Date.now() > deadline) throw new Error(`expected ${n} sessions waiting on a lock`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Runs two writes so that they overlap for certain: a gate session holds register_events (a write records
 * its events after taking its person's row lock), so the first write stops there holding its locks; the
 * second starts only then, and the gate opens only once the second is blocked too. Without the row lock
 * the second would read the person before the first commits — and be judged on stale facts.
 */
async function overlapped<T>(first: () => Promise<T>, second: () => Promise<T>) {
  const pool = getDb().$client;
  // Both writes find a session ready: none has to be opened while the gate is shut (that stalls).
  const warm = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
  for (const client of warm) client.release();
  const gate = await pool.connect();
  let a, b;
  try {
    await gate.query('begin');
    await gate.query('lock table register_events in exclusive mode');
    a = settle(first());
    await lockWaiters(gate, 1);
    b = settle(second());
    await lockWaiters(gate, 2);
  } finally {
    await gate.query('commit');
    gate.release();
  }
  return [await a, await b] as const;
}

/** The first write (it held the person's row lock) wins; the second is refused, with this error. */
async function secondRefused<T>(first: () => Promise<T>, second: () => Promise<T>) {
  const [ra, rb] = await overlapped(first, second);
  expect(ra, 'the first write wins').toMatchObject({ ok: true });
  expect(rb.ok, 'the second write is refused').toBe(false);
  return rb.ok ? null : rb.error;
}

describe('two concurrent conflicting writes for one person', () => {
  it('two insurer changes at once: exactly one wins, the other is refused by the yearly limit', async () => {
    const { personId } = await registerPerson(
      adultInput({
        coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2025-01-10' },
      }),
      meta,
    );
    const lost = await secondRefused(
      () => changeInsurer({ personId, insurerCode: '77002' }, meta),
      () => changeInsurer({ personId, insurerCode: '77003' }, meta),
    );
    expect(lost).toBeInstanceOf(AppError);
    expect((lost as AppError).code).toBe('INSURER_CHANGE_LIMIT');
    const open = await getDb()
      .select()
      .from(coverages)
      .where(and(eq(coverages.personId, personId), isNull(coverages.recordedTo), isNull(coverages.validTo)));
    expect(open).toHaveLength(1);
    const changes = await getDb()
      .select({ n: count() })
      .from(registerEvents)
      .where(
        and(eq(registerEvents.personId, personId), eq(registerEvents.action, 'coverage.insurer_changed')),
      );
    expect(changes[0]?.n).toBe(1);
  });

  it('two writes prepared from the same version: the second gets CONFLICT', async () => {
    const { personId } = await registerPerson(adultInput(), meta);
    const [p] = await getDb()
      .select({ version: persons.version })
      .from(persons)
      .where(eq(persons.id, personId));
    const lost = await secondRefused(
      () => suspendPolicy({ personId, reason: 'military_service', expectedVersion: p!.version }, meta),
      () => changeInsurer({ personId, insurerCode: '77002', expectedVersion: p!.version }, meta),
    );
    expect(lost).toBeInstanceOf(AppError);
    expect((lost as AppError).code).toBe('CONFLICT');
    expect((lost as AppError).message).toMatch(/Обновите страницу/);
  });

  it('two registrations with one document: one person is formed, the other gets DOCUMENT_ALREADY_REGISTERED', async () => {
    const a = adultInput();
    const b = adultInput({ document: a.document });
    const before = await getDb().select({ n: count() }).from(persons);
    // Both wait at the gate, then race for the document: the unique index, not the order, decides.
    const results = await overlapped(
      () => registerPerson(a, meta),
      () => registerPerson(b, meta),
    );
    const lost = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(AppError);
    expect((lost[0] as AppError).code).toBe('DOCUMENT_ALREADY_REGISTERED');
    const after = await getDb().select({ n: count() }).from(persons);
    expect(after[0]!.n - before[0]!.n).toBe(1);
    const docs = await getDb()
      .select({ n: count() })
      .from(identityDocuments)
      .where(eq(identityDocuments.number, a.document.number));
    expect(docs[0]?.n).toBe(1);
  });
});

describe('constraints in the database itself', () => {
  it('an overlapping coverage period cannot be written even bypassing the use cases', async () => {
    const { personId } = await registerPerson(adultInput(), meta);
    const insert = getDb().insert(coverages).values({
      personId,
      insurerCode: '77002',
      subjectCode: '77',
      status: 'active',
      reason: 'new_policy',
      validFrom: '2026-06-01',
    });
    const error = await insert.then(
      () => null,
      (e: unknown) => e as { cause?: { code?: string; constraint?: string } },
    );
    expect(error?.cause).toMatchObject({ code: '23P01', constraint: 'coverages_no_overlap' });
  });

  it('the register history is append-only', async () => {
    const { personId } = await registerPerson(adultInput(), meta);
    await expect(
      getDb().execute(sql`update register_events set reason = 'x' where person_id = ${personId}`),
    ).rejects.toThrow();
    await expect(
      getDb().execute(sql`delete from register_events where person_id = ${personId}`),
    ).rejects.toThrow();
    await expect(getDb().execute(sql`truncate register_events cascade`)).rejects.toThrow();
  });

  it('an ЕНП of the wrong shape and a duplicate ЕНП are refused', async () => {
    const { personId, enp } = await registerPerson(adultInput(), meta);
    await expect(
      getDb().execute(sql`update persons set enp = '12345' where id = ${personId}`),
    ).rejects.toThrow();
    const { personId: other } = await registerPerson(adultInput(), meta);
    await expect(getDb().execute(sql`update persons set enp = ${enp} where id = ${other}`)).rejects.toThrow();
  });
});
