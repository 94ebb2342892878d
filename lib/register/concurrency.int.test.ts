import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { coverages, identityDocuments, persons, registerEvents } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { changeInsurer } from './change-insurer';
import { registerPerson } from './register-person';
import { suspendPolicy } from './suspend-policy';
import { adultInput, metaAt } from '@/testing/register/people';

const meta = metaAt('2026-03-10T09:00:00Z');

/** Runs both writes at the same moment and sorts their outcomes. */
async function race<T>(a: () => Promise<T>, b: () => Promise<T>) {
  const results = await Promise.allSettled([a(), b()]);
  const won = results.filter((r) => r.status === 'fulfilled');
  const lost = results
    .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    .map((r) => r.reason as unknown);
  return { won, lost };
}

describe('two concurrent conflicting writes for one person', () => {
  it('two insurer changes at once: exactly one wins, the other is refused by the yearly limit', async () => {
    const { personId } = await registerPerson(
      adultInput({
        coverage: { insurerCode: '77001', subjectCode: '77', reason: 'new_policy', on: '2025-01-10' },
      }),
      meta,
    );
    const { won, lost } = await race(
      () => changeInsurer({ personId, insurerCode: '77002' }, meta),
      () => changeInsurer({ personId, insurerCode: '77003' }, meta),
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(AppError);
    expect((lost[0] as AppError).code).toBe('INSURER_CHANGE_LIMIT');
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
    const { won, lost } = await race(
      () => suspendPolicy({ personId, reason: 'military_service', expectedVersion: p!.version }, meta),
      () => changeInsurer({ personId, insurerCode: '77002', expectedVersion: p!.version }, meta),
    );
    expect(won).toHaveLength(1);
    expect((lost[0] as AppError).code).toBe('CONFLICT');
    expect((lost[0] as AppError).message).toMatch(/Обновите страницу/);
  });

  it('two registrations with one document: one person is formed, the other gets DOCUMENT_ALREADY_REGISTERED', async () => {
    const a = adultInput();
    const b = adultInput({ document: a.document });
    const before = await getDb().select({ n: count() }).from(persons);
    const { won, lost } = await race(
      () => registerPerson(a, meta),
      () => registerPerson(b, meta),
    );
    expect(won).toHaveLength(1);
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
