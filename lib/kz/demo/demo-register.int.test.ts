import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { loadKzPopulation } from '@/db/seed/kz/bulk-load';
import { KZ_DEMO_PEOPLE } from '@/db/seed/kz/demo-people';
import { seedKzRegister } from '@/db/seed/kz/seed-kz-register';
import { systemActor } from '@/lib/auth/actor';
import { validateIin } from '@/lib/domain/kz';
import { readOsmsStatus } from '@/lib/kz/status/read-osms-status';
import { osmsParameters } from '@/lib/kz/parameters';
import { kzToday } from '@/lib/kz/today';
import { REGISTER_EVENT_LABELS } from '@/lib/register/event-labels';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
afterAll(() => pool.end());
const asOf = kzToday();
const params = osmsParameters();
const count = async (table: string) =>
  Number(
    (await getDb().execute<{ n: string }>(sql.raw(`select count(*)::text as n from ${table}`))).rows[0]!.n,
  );

describe('the generated persons of the Kazakh register', () => {
  // The population's kinds against the status rule: bench/lib/kz-population.kz.int.test.ts.
  it('each has a valid ИИН and 12+ months of contributions, with the ledger keys back after the load', async () => {
    const summary = await loadKzPopulation(pool, { persons: 300, seed: 3, asOf, chunkBytes: 64 * 1024 });
    expect(summary.persons).toBe(300);
    expect(await count('persons')).toBe(300);
    expect(await count('kz_contributions')).toBe(summary.contributions);
    const { rows } = await getDb().execute<{ id: string; iin: string; n: string }>(
      sql`select p.id::text, p.iin, count(c.id)::text as n from persons p
            join kz_contributions c on c.person_id = p.id and c.months = 1 group by p.id`,
    );
    expect(rows).toHaveLength(300);
    // Each person's history begins with how they came in, in words the console knows.
    const { rows: loaded } = await getDb().execute<{ n: string; actions: string[] }>(
      sql`select count(distinct person_id)::text as n, array_agg(distinct action) as actions
            from register_events where action = 'person.loaded' and source = 'seed'`,
    );
    expect(loaded[0]).toEqual({ n: '300', actions: ['person.loaded'] });
    expect(Object.keys(REGISTER_EVENT_LABELS)).toContain('person.loaded');
    for (const r of rows) {
      expect(validateIin(r.iin).ok, r.iin).toBe(true);
      expect(Number(r.n)).toBeGreaterThanOrEqual(12);
    }
    const { rows: objects } = await getDb().execute<{ name: string }>(
      sql`select indexname as name from pg_indexes where tablename = 'kz_contributions'
          union all select conname from pg_constraint where conname = 'kz_contributions_person_id_fkey'`,
    );
    expect(objects.map((o) => o.name).sort()).toEqual([
      'kz_contributions_person_id_fkey',
      'kz_contributions_person_idx',
      'kz_contributions_pkey',
      'kz_contributions_reference_key',
    ]);
  });

  it('the demo people join them, each with the status of their kind', async () => {
    const before = await count('persons');
    const summary = await seedKzRegister(pool, {
      persons: KZ_DEMO_PEOPLE.length + 50,
      seed: 4,
      asOf,
      params,
    });
    expect(summary.demo).toBe(KZ_DEMO_PEOPLE.length);
    expect(await count('persons')).toBe(before + KZ_DEMO_PEOPLE.length + 50);
    for (const p of KZ_DEMO_PEOPLE) {
      const read = await readOsmsStatus(
        systemActor('test'),
        { iin: p.iin, on: asOf },
        { channel: 'console', purpose: 'osms_status' },
      );
      expect(read.status.code, p.key).toBe(p.kind);
      expect(read.person).toMatchObject({ lastName: p.lastName, birthDate: p.birthDate, sex: p.sex });
    }
    const { rows } = await getDb().execute<{ n: string }>(
      sql`select count(*)::text as n from representations r join persons c on c.id = r.child_id where c.iin = ${KZ_DEMO_PEOPLE.find((p) => p.key === 'child')!.iin}`,
    );
    expect(rows[0]!.n).toBe('1');
    // Each entered through registerKzPerson as of the seeding day: the checked person in its event, and the
    // foreigner's residence permit with its own.
    const foreigner = KZ_DEMO_PEOPLE.find((p) => p.key === 'foreigner')!;
    const { rows: events } = await getDb().execute<{ action: string; effective: string; data: unknown }>(
      sql`select e.action, e.effective_date::text as effective, e.data from register_events e
            join persons p on p.id = e.person_id
          where p.iin = ${foreigner.iin} and e.entity in ('person', 'residence') order by e.id`,
    );
    expect(events).toMatchObject([
      {
        action: 'person.registered',
        effective: asOf,
        data: { iin: foreigner.iin, lastName: foreigner.lastName, birthDate: foreigner.birthDate },
      },
      { action: 'residence.recorded', data: { basis: 'treaty' } },
    ]);
    // The generated persons appended after them have their `person.loaded` events too (ids after the demo
    // people's events), and every event of the register is one the console can name.
    const { rows: history } = await getDb().execute<{ action: string; persons: string }>(
      sql`select action, count(distinct person_id)::text as persons from register_events group by action`,
    );
    expect(history.find((h) => h.action === 'person.loaded')?.persons).toBe(String(300 + 50));
    for (const h of history) expect(Object.keys(REGISTER_EVENT_LABELS)).toContain(h.action);
  });
});
