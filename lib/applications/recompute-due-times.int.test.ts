import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { applications } from '@/db/schema';
import { storeApplication } from '@/testing/applications/stored';
import { recomputeProvisionalDueTimes } from './recompute-due-times';

/** 31.12.2026, 18:00 Moscow: the next working day is in 2027, whose decree is not loaded. */
const NEW_YEARS_EVE = new Date('2026-12-31T15:00:00Z');

const submitAt = async (now: Date) => (await storeApplication(now)).row.id;

async function rows(ids: number[]) {
  const found = await getDb()
    .select({ id: applications.id, dueAt: applications.dueAt, provisional: applications.dueProvisional })
    .from(applications)
    .where(inArray(applications.id, ids))
    .orderBy(applications.id);
  return found.map((r) => ({ id: r.id, dueAt: r.dueAt?.toISOString(), provisional: r.provisional }));
}

describe('due times follow a production calendar loaded after the application (issue 13, job)', () => {
  it('recomputes open provisional applications only, once, and is resumable batch by batch', async () => {
    const open = [
      await submitAt(NEW_YEARS_EVE),
      await submitAt(NEW_YEARS_EVE),
      await submitAt(NEW_YEARS_EVE),
    ];
    const decided = await submitAt(NEW_YEARS_EVE);
    await getDb().update(applications).set({ status: 'refused' }).where(eq(applications.id, decided));
    const before = await rows([...open, decided]);
    // By the Labour Code alone, 1–8 January are holidays: due at the end of Monday 11.01.2027 (Moscow).
    expect(before.map((r) => r.dueAt)).toEqual(Array(4).fill('2027-01-11T20:59:59.999Z'));
    expect(before.every((r) => r.provisional)).toBe(true);

    // Nothing is loaded yet: the job finds them all still provisional and changes nothing.
    const early = await recomputeProvisionalDueTimes();
    expect(early).toMatchObject({ updated: 0, stillProvisional: 3 });
    expect(await rows([...open, decided])).toEqual(before);

    // The 2027 decree arrives with 11 January as a transferred day off, and the year is marked complete.
    await getDb().execute(sql`insert into calendar_days (day, kind) values ('2027-01-11', 'transfer')
                              on conflict (day) do update set kind = excluded.kind`);
    await getDb().execute(sql`update calendar_years set complete = true where year = 2027`);

    // Batches of one: each commits on its own, as a run interrupted after any batch would leave it.
    const run = await recomputeProvisionalDueTimes({ batchSize: 1 });
    expect(run).toMatchObject({ updated: 3, stillProvisional: 0 });
    const after = await rows([...open, decided]);
    expect(after.slice(0, 3)).toEqual(
      open.map((id) => ({ id, dueAt: '2027-01-12T20:59:59.999Z', provisional: false })),
    );
    // The decided application keeps the due time it was decided against.
    expect(after[3]).toEqual(before[3]);

    const again = await recomputeProvisionalDueTimes();
    expect(again).toEqual({ examined: 0, updated: 0, stillProvisional: 0 });
    expect(await rows([...open, decided])).toEqual(after);
  });
});
