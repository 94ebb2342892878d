import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { readOsmsParameters } from '@/db/reference/kz/osms-parameters';
import { osmsStatusOn, validateIin, type OsmsStatus } from '@/lib/domain/kz';
import { loadOsmsFacts } from '@/lib/kz/status/facts-query';
import { kzToday } from '@/lib/kz/today';
import { RegisterNotEmptyError } from '@/db/seed/seed-register';
import { loadKzPopulation, type KzPopulationSummary } from '@/db/seed/kz/bulk-load';
import { KzPopulationPlanner, POPULATION_KINDS, type PopulationKind } from '@/db/seed/kz/bulk-population';

/** Every kind equally often, so a small population has each of them. */
const EVEN = Object.fromEntries(POPULATION_KINDS.map((k) => [k, 1])) as Record<PopulationKind, number>;
const PERSONS = 450;
const SEED = 5;
const params = readOsmsParameters();
const asOf = kzToday();

let pool: pg.Pool;
let summary: KzPopulationSummary;
/** Each person's kind, from a second planner on the same seed (person ids are 1…N in plan order). */
const kinds: PopulationKind[] = [];

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  summary = await loadKzPopulation(pool, { persons: PERSONS, seed: SEED, asOf, shares: EVEN });
  const planner = new KzPopulationPlanner(params, { seed: SEED, asOf, capacity: PERSONS, shares: EVEN });
  for (let i = 0; i < PERSONS; i++) {
    planner.next();
    kinds.push(POPULATION_KINDS[planner.kind[i]!]!);
  }
});

afterAll(async () => {
  await pool.end();
});

async function statusOf(personId: number): Promise<OsmsStatus> {
  return osmsStatusOn(params, await loadOsmsFacts(getDb(), personId), asOf);
}

describe('loadKzPopulation', () => {
  it('loads N persons, each with at least 12 monthly contributions, and counts what it loaded', async () => {
    const { rows } = await pool.query<{ persons: string; fewest: string; contributions: string }>(
      `select (select count(*) from persons where jurisdiction = 'kz') as persons,
              (select min(n) from (select count(*) as n from persons p
                 left join kz_contributions c on c.person_id = p.id and c.months = 1 group by p.id) t) as fewest,
              (select count(*) from kz_contributions) as contributions`,
    );
    expect(Number(rows[0]!.persons)).toBe(PERSONS);
    expect(Number(rows[0]!.fewest)).toBeGreaterThanOrEqual(12);
    expect(summary.persons).toBe(PERSONS);
    expect(summary.contributions).toBe(Number(rows[0]!.contributions));
  });

  it('gives every person a valid ИИН that encodes their birth date and sex', async () => {
    const { rows } = await pool.query<{ iin: string; birth_date: string; sex: 'M' | 'F' }>(
      `select iin, birth_date::text, sex from persons`,
    );
    for (const row of rows) {
      const checked = validateIin(row.iin);
      expect(checked.ok, row.iin).toBe(true);
      if (!checked.ok) continue;
      expect(checked.value.birthDate).toBe(row.birth_date);
      expect(checked.value.sex).toBe(row.sex === 'M' ? 'male' : 'female');
    }
  });

  it('rebuilds the keys: a payment reference is unique and a person needs a Kazakh register', async () => {
    await expect(
      pool.query(
        `insert into kz_contributions (person_id, payer_kind, payer_id, month_covered, amount, paid_on, payment_reference, source)
         select person_id, payer_kind, payer_id, month_covered, amount, paid_on, payment_reference, source
           from kz_contributions limit 1`,
      ),
    ).rejects.toThrow(/kz_contributions_reference_key/);
    await expect(
      pool.query(
        `insert into persons (jurisdiction, enp, last_name, first_name, sex, birth_date, category)
         values ('ru', '1234567890123456', 'Иванов', 'Иван', 'M', '1980-01-01', 1)`,
      ),
    ).rejects.toThrow(/foreign key|persons_jurisdiction/);
  });

  it('plans kinds the status rule answers as the issue describes them', async () => {
    const expected: Partial<Record<PopulationKind, OsmsStatus['code']>> = {
      employee: 'EMPLOYER_CONTRIBUTIONS',
      foreign: 'EMPLOYER_CONTRIBUTIONS',
      'state-category': 'STATE_CATEGORY',
      'local-body': 'LOCAL_BODY_CATEGORY',
      advance: 'ADVANCE_PAYMENTS',
      temporary: 'TEMPORARY_DOCUMENT',
      'lump-sum': 'LUMP_SUM_NOT_ADVANCE',
    };
    const seen = new Map<PopulationKind, number>();
    for (let i = 0; i < PERSONS; i++) {
      const code = expected[kinds[i]!];
      if (!code) continue;
      const status = await statusOf(i + 1);
      expect({ person: i + 1, kind: kinds[i], code: status.code }).toEqual({
        person: i + 1,
        kind: kinds[i],
        code,
      });
      seen.set(kinds[i]!, (seen.get(kinds[i]!) ?? 0) + 1);
    }
    expect([...seen.keys()].sort()).toEqual(Object.keys(expected).sort());
  });

  it('puts persons in a grace period after their category and self-payers in debt', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < PERSONS; i++) {
      if (kinds[i] === 'grace' || kinds[i] === 'self-with-gaps') codes.add((await statusOf(i + 1)).code);
    }
    expect(codes).toContain('GRACE_AFTER_CATEGORY');
    expect(codes).toContain('DEBT_IN_PAST_MONTHS');
  });

  it('refuses a register that already has persons', async () => {
    await expect(loadKzPopulation(pool, { persons: 10, seed: 1, asOf })).rejects.toBeInstanceOf(
      RegisterNotEmptyError,
    );
  });
});
