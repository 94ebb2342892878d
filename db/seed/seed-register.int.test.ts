import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeDocument } from '@/lib/domain/ru/documents';
import { validateEnp } from '@/lib/domain/ru/enp';
import { validateSnils } from '@/lib/domain/ru/snils';
import { leavingInsurerTo } from '../reference/fixtures';
import { DEMO_NOT_REGISTERED, DEMO_PEOPLE } from './demo-people';
import { resetRegister } from './reset';
import {
  diffSchemaObjects,
  registerSchemaObjects,
  registerTableOptions,
  type SchemaObject,
} from './schema-objects';
import { RegisterNotEmptyError, seedRegister, type SeedSummary } from './seed-register';
import { REGISTER_EVENT_LABELS } from '@/lib/register/event-labels';

const AS_OF = '2026-11-22';
const PERSONS = 3000;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 3 });

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(sql, params)).rows;
}
async function value<T>(sql: string, params: unknown[] = []): Promise<T> {
  const r = await rows<{ v: T }>(sql, params);
  return r[0]!.v;
}
async function schema(): Promise<SchemaObject[]> {
  const c = await pool.connect();
  try {
    return await registerSchemaObjects(c);
  } finally {
    c.release();
  }
}
/** A digest of every row the seed writes (ids included), table by table. */
async function digest(): Promise<string> {
  return value<string>(`
    select md5(concat_ws('/',
      (select md5(string_agg(p::text, '|' order by id)) from persons p),
      (select md5(string_agg(d::text, '|' order by id)) from identity_documents d),
      (select md5(string_agg(r::text, '|' order by id)) from representations r),
      (select md5(string_agg(c::text, '|' order by id)) from coverages c),
      (select md5(string_agg(a::text, '|' order by id)) from attachments a),
      (select md5(string_agg(e::text, '|' order by id)) from register_events e))) as v`);
}
/** Age in full years on the seeding date, or at death for the deceased. */
const AGE = `extract(year from age(least(coalesce(p.death_date, $1::date), $1::date), p.birth_date))::int`;

let summary: SeedSummary;
let schemaBefore: SchemaObject[];

beforeAll(async () => {
  schemaBefore = await schema();
  summary = await seedRegister(pool, { persons: PERSONS, seed: 42, asOf: AS_OF });
}, 120_000);

afterAll(async () => {
  await pool.end();
});

describe('seedRegister', () => {
  it('loads the requested number of persons with their rows', async () => {
    expect(summary.persons).toBe(PERSONS);
    expect(await value<string>('select count(*)::text as v from persons')).toBe(String(PERSONS));
    expect(
      await value<string>(`select count(*)::text as v from register_events where action = 'person.loaded'`),
    ).toBe(String(PERSONS));
    expect(summary.documents).toBeGreaterThan(PERSONS);
    expect(summary.coverages).toBeGreaterThan(PERSONS);
    expect(summary.attachments).toBeGreaterThan(PERSONS * 0.85);
    expect(summary.representations).toBeGreaterThan(PERSONS * 0.1);
  });

  it('writes only register events the console can name', async () => {
    const actions = (await pool.query<{ action: string }>('select distinct action from register_events'))
      .rows;
    expect(actions.length).toBeGreaterThan(1);
    for (const { action } of actions) expect(Object.keys(REGISTER_EVENT_LABELS)).toContain(action);
  });

  it('leaves the schema exactly as migrated: same keys, indexes and constraints, all validated', async () => {
    const after = await schema();
    expect(diffSchemaObjects(schemaBefore, after)).toEqual([]);
    expect(after.length).toBeGreaterThanOrEqual(29);
    expect(after.every((o) => o.validated)).toBe(true);
    // Autovacuum, switched off during the load, is back to the default.
    const c = await pool.connect();
    try {
      expect(await registerTableOptions(c)).toEqual([]);
    } finally {
      c.release();
    }
    expect(after.map((o) => o.name)).toEqual(
      expect.arrayContaining(['coverages_no_overlap', 'attachments_no_overlap']),
    );
  });

  it('gives every person a valid ЕНП with a known prefix (the first region of coverage) and a valid СНИЛС', async () => {
    const people = await rows<{ enp: string; snils: string | null; first_subject: string }>(
      `select p.enp, p.snils,
              (select c.subject_code from coverages c where c.person_id = p.id order by c.valid_from limit 1) as first_subject
         from persons p`,
    );
    for (const p of people) {
      expect(validateEnp(p.enp).ok, p.enp).toBe(true);
      expect(p.enp.slice(0, 2)).toBe(p.first_subject);
      if (p.snils !== null) expect(validateSnils(p.snils).ok, p.snils).toBe(true);
    }
    expect(people.filter((p) => p.snils !== null).length / people.length).toBeGreaterThan(0.95);
    const noSnils = await rows<{ age: number }>(
      `select ${AGE} as age from persons p where snils is null and citizenship = 'RUS'`,
      [AS_OF],
    );
    expect(noSnils.length).toBeGreaterThan(0);
  });

  it('issues passports from 14 and birth certificates below 14, in F011 form', async () => {
    const docs = await rows<{
      kind: number;
      series: string | null;
      number: string;
      is_current: boolean;
      age: number;
      citizenship: string;
    }>(
      `select d.kind, d.series, d.number, d.is_current, ${AGE} as age, p.citizenship
         from identity_documents d join persons p on p.id = d.person_id`,
      [AS_OF],
    );
    for (const d of docs) {
      const n = normalizeDocument({ kind: d.kind, series: d.series, number: d.number });
      expect(n.ok && n.value, `${d.kind} ${d.series} ${d.number}`).toEqual({
        kind: d.kind,
        series: d.series,
        number: d.number,
      });
      if (d.kind === 14) expect(d.age).toBeGreaterThanOrEqual(14);
      if (d.kind === 3 && d.is_current) expect(d.age).toBeLessThan(14);
    }
    // Some teens keep their old birth certificate, no longer current.
    expect(docs.some((d) => d.kind === 3 && !d.is_current && d.age >= 14)).toBe(true);
    // Passport series start with the ОКАТО prefix of a region.
    const prefixes = new Set(
      (await rows<{ p: string }>('select distinct left(okato, 2) as p from subjects')).map((r) => r.p),
    );
    for (const d of docs.filter((x) => x.kind === 14)) expect(prefixes.has(d.series!.slice(0, 2))).toBe(true);
    // Every citizen has exactly one current passport or birth certificate; foreigners a status document.
    const wrong = await value<string>(
      `select count(*)::text as v from persons p
        where p.citizenship = 'RUS'
          and (select count(*) from identity_documents d where d.person_id = p.id and d.is_current and d.kind in (3, 14)) <> 1`,
    );
    expect(wrong).toBe('0');
    const foreigners = await value<string>(
      `select count(*)::text as v from persons p
        where p.citizenship <> 'RUS'
          and not exists (select 1 from identity_documents d where d.person_id = p.id and d.kind in (11, 23))`,
    );
    expect(foreigners).toBe('0');
  });

  it('links children to an older representative', async () => {
    const reps = await rows<{ gap: number; kind: string; child_age: number }>(
      `select extract(year from age(c.birth_date, r.birth_date))::int as gap, x.kind,
              extract(year from age($1::date, c.birth_date))::int as child_age
         from representations x join persons c on c.id = x.child_id join persons r on r.id = x.representative_id`,
      [AS_OF],
    );
    expect(reps.length).toBeGreaterThan(0);
    for (const r of reps) {
      expect(r.gap).toBeGreaterThanOrEqual(18);
      expect(r.kind).toBe('parent');
      expect(r.child_age).toBeLessThan(18);
    }
  });

  it('covers every person, with insurers that serve the region at the start of each period', async () => {
    expect(
      await value<string>(
        'select count(*)::text as v from persons p where not exists (select 1 from coverages c where c.person_id = p.id)',
      ),
    ).toBe('0');
    const notServed = await value<string>(
      `select count(*)::text as v from coverages c
        where not exists (select 1 from insurer_regions ir
                           where ir.insurer_code = c.insurer_code and ir.subject_code = c.subject_code
                             and ir.served_from <= c.valid_from and (ir.served_to is null or ir.served_to > c.valid_from))`,
    );
    expect(notServed).toBe('0');
    // Citizens have exactly one open period; foreigners' periods end with their permit.
    expect(
      await value<string>(
        `select count(*)::text as v from persons p where p.citizenship = 'RUS'
            and (select count(*) from coverages c where c.person_id = p.id and c.valid_to is null) <> 1`,
      ),
    ).toBe('0');
    expect(
      await value<string>(
        `select count(*)::text as v from coverages c join persons p on p.id = c.person_id
          where p.citizenship <> 'RUS' and c.status = 'active' and c.valid_to is null`,
      ),
    ).toBe('0');
    // Deaths set death_date and end the coverage with a terminated period from that day.
    expect(
      await value<string>(
        `select count(*)::text as v from persons p
          where (p.death_date is not null) <> exists (select 1 from coverages c where c.person_id = p.id
                                                         and c.status = 'terminated' and c.reason = 'death'
                                                         and c.valid_from = p.death_date and c.valid_to is null)`,
      ),
    ).toBe('0');
    const shares = await rows<{ status: string; reason: string; share: number }>(
      `select status::text, reason, count(*)::float / ${PERSONS} as share from coverages where valid_to is null group by 1, 2`,
    );
    const share = (status: string) =>
      shares.filter((s) => s.status === status).reduce((a, s) => a + s.share, 0);
    expect(share('suspended')).toBeGreaterThan(0.003);
    expect(share('suspended')).toBeLessThan(0.025);
    expect(share('terminated')).toBeGreaterThan(0.005);
    expect(share('terminated')).toBeLessThan(0.03);
    expect(shares.map((s) => s.reason)).toEqual(
      expect.arrayContaining(['military_service', 'death', 'permit_expired']),
    );
    // Histories exist: earlier periods closed by an insurer change.
    expect(
      Number(
        await value<string>(`select count(*)::text as v from coverages where reason = 'insurer_change'`),
      ),
    ).toBeGreaterThan(PERSONS * 0.03);
    // Military service suspends mostly men of service age.
    const soldiers = await rows<{ sex: string; age: number }>(
      `select p.sex::text, ${AGE} as age from coverages c join persons p on p.id = c.person_id where c.reason = 'military_service'`,
      [AS_OF],
    );
    expect(
      soldiers.filter((s) => s.sex === 'M' && s.age >= 18 && s.age <= 46).length / soldiers.length,
    ).toBeGreaterThan(0.8);
  });

  it('spreads people over all 89 regions, big regions more', async () => {
    const regions = await rows<{ subject_code: string; n: number }>(
      `select subject_code, count(*)::int as n from coverages where valid_to is null or valid_to > $1::date group by 1`,
      [AS_OF],
    );
    expect(regions.length).toBe(89);
    const n = (code: string) => regions.find((r) => r.subject_code === code)!.n;
    expect(n('77')).toBeGreaterThan(n('87') * 10);
  });

  it("attaches people to primary-care clinics of their region, children to children's polyclinics", async () => {
    const wrong = await rows<{ id: number }>(
      `select a.id from attachments a
         join medical_organisations m on m.code = a.mo_code
         join lateral (select c.subject_code from coverages c where c.person_id = a.person_id
                       order by c.valid_from desc limit 1) cur on true
        where a.valid_to is null and (not m.primary_care or m.subject_code <> cur.subject_code)`,
    );
    expect(wrong).toEqual([]);
    const children = await rows<{ name: string }>(
      `select m.name_full as name from attachments a
         join persons p on p.id = a.person_id join medical_organisations m on m.code = a.mo_code
        where a.valid_to is null and p.death_date is null and ${AGE} < 18`,
      [AS_OF],
    );
    expect(children.length).toBeGreaterThan(0);
    for (const c of children) expect(c.name).toMatch(/Детская/);
  });

  it('writes one person.loaded event per person, effective at the first coverage', async () => {
    const wrong = await value<string>(
      `select count(*)::text as v from persons p
         join register_events e on e.person_id = p.id
        where e.action = 'person.loaded' and (e.entity <> 'person' or e.source <> 'seed' or e.actor_kind <> 'system'
           or e.actor_id <> 'seeder' or e.entity_id <> p.id
           or e.effective_date <> (select min(valid_from) from coverages c where c.person_id = p.id))`,
    );
    expect(wrong).toBe('0');
    // Only the demo people carry history besides: the changes their stories need (a move, an insurer change…).
    const history = await rows<{ person_id: number; action: string; data: unknown }>(
      `select person_id, action, data from register_events where action <> 'person.loaded' order by person_id, id`,
    );
    expect(history.every((e) => e.person_id <= 8)).toBe(true);
    expect(history).toContainEqual({
      person_id: 5,
      action: 'coverage.region_changed',
      data: { fromSubjectCode: '63', insurerChanged: true },
    });
    expect(history).toContainEqual({
      person_id: 4,
      action: 'coverage.insurer_changed',
      data: { basis: 'annual' },
    });
  });

  it('loads the demo people with their identifiers, and not the unregistered identity', async () => {
    for (const d of DEMO_PEOPLE) {
      const [p] = await rows<{
        id: number;
        enp: string;
        snils: string | null;
        last_name: string;
        first_name: string;
        patronymic: string;
        birth_date: string;
      }>(
        `select id::int, enp, snils, last_name, first_name, patronymic, to_char(birth_date, 'YYYY-MM-DD') as birth_date
           from persons where id = $1`,
        [d.id],
      );
      expect(p).toEqual({
        id: d.id,
        enp: d.enp,
        snils: d.snils,
        last_name: d.lastName,
        first_name: d.firstName,
        patronymic: d.patronymic,
        birth_date: d.birthDate,
      });
      const doc = await rows(
        'select 1 from identity_documents where person_id = $1 and kind = $2 and series is not distinct from $3 and number = $4 and is_current',
        [d.id, d.document.kind, d.document.series, d.document.number],
      );
      expect(doc.length, d.key).toBe(1);
    }
    const current = async (id: number) =>
      (
        await rows<{ status: string; reason: string; insurer_code: string; subject_code: string }>(
          `select status::text, reason, insurer_code, subject_code from coverages where person_id = $1 order by valid_from desc limit 1`,
          [id],
        )
      )[0]!;
    expect(await current(3)).toMatchObject({ status: 'suspended', reason: 'military_service' });
    expect(await current(7)).toMatchObject({ status: 'terminated', reason: 'death' });
    expect(await current(8)).toMatchObject({ status: 'active', insurer_code: '77004' });
    expect(await current(5)).toMatchObject({ subject_code: '77', reason: 'region_change' });
    expect(await current(4)).toMatchObject({ reason: 'insurer_change' });
    expect(
      await value<string>(
        `select to_char(valid_from, 'YYYY') as v from coverages where person_id = 4 and reason = 'insurer_change'`,
      ),
    ).toBe('2026');
    expect(await value<string>(`select citizenship as v from persons where id = 6`)).toBe('UZB');
    expect(
      await value<string>(`select to_char(death_date, 'YYYY-MM-DD') as v from persons where id = 7`),
    ).toBe('2025-08-14');
    expect(
      await value<string>(`select representative_id::text as v from representations where child_id = 2`),
    ).toBe('1');
    expect(
      await value<string>(
        `select to_char(served_to, 'YYYY-MM-DD') as v from insurer_regions where insurer_code = '77004'`,
      ),
    ).toBe(leavingInsurerTo(new Date()));
    const absent = await rows(
      `select 1 from persons where snils = $1 or (last_name = $2 and first_name = $3 and birth_date = $4)
        union all select 1 from identity_documents where kind = $5 and series = $6 and number = $7`,
      [
        DEMO_NOT_REGISTERED.snils,
        DEMO_NOT_REGISTERED.lastName,
        DEMO_NOT_REGISTERED.firstName,
        DEMO_NOT_REGISTERED.birthDate,
        DEMO_NOT_REGISTERED.document.kind,
        DEMO_NOT_REGISTERED.document.series,
        DEMO_NOT_REGISTERED.document.number,
      ],
    );
    expect(absent).toEqual([]);
  });

  it('moves the sequences past the loaded values, so ordinary inserts work', async () => {
    expect(await value<string>(`select nextval('enp_serial_seq')::text as v`)).toBe(String(PERSONS + 1));
    const id = await value<number>(
      `insert into persons (enp, last_name, first_name, sex, birth_date, category)
       values ('7700000000999998', 'Новая', 'Персона', 'F', '2000-01-01', 2) returning id::int as v`,
    );
    expect(id).toBe(PERSONS + 1);
    const next = async (table: string) =>
      Number(await value<string>(`select max(id)::text as v from ${table}`)) + 1;
    const docId = await next('identity_documents');
    expect(
      await value<number>(
        `insert into identity_documents (person_id, kind, series, number) values ($1, 14, '4599', '000001') returning id::int as v`,
        [id],
      ),
    ).toBe(docId);
    const covId = await next('coverages');
    expect(
      await value<number>(
        `insert into coverages (person_id, insurer_code, subject_code, status, reason, valid_from)
         values ($1, '77001', '77', 'active', 'initial_load', '2026-01-01') returning id::int as v`,
        [id],
      ),
    ).toBe(covId);
    const attId = await next('attachments');
    expect(
      await value<number>(
        `insert into attachments (person_id, mo_code, valid_from) values ($1, '770001', '2026-01-01') returning id::int as v`,
        [id],
      ),
    ).toBe(attId);
    const repId = await next('representations');
    expect(
      await value<number>(
        `insert into representations (representative_id, child_id, kind, valid_from) values (1, $1, 'guardian', '2026-01-01') returning id::int as v`,
        [id],
      ),
    ).toBe(repId);
    const evId = await next('register_events');
    expect(
      await value<number>(
        `insert into register_events (person_id, entity, action, effective_date, actor_kind, actor_id, source)
         values ($1, 'person', 'person.registered', '2026-01-01', 'system', 'test', 'test') returning id::int as v`,
        [id],
      ),
    ).toBe(evId);
    // The constraints are really back: an overlapping coverage period is refused.
    await expect(
      pool.query(
        `insert into coverages (person_id, insurer_code, subject_code, status, reason, valid_from)
         values ($1, '77002', '77', 'active', 'insurer_change', '2026-06-01')`,
        [id],
      ),
    ).rejects.toThrow(/coverages_no_overlap/);
  });

  it('refuses to seed a register that has persons, in the library and the CLI', async () => {
    await expect(seedRegister(pool, { persons: 10, seed: 1, asOf: AS_OF })).rejects.toBeInstanceOf(
      RegisterNotEmptyError,
    );
    const cli = spawnSync('npx', ['tsx', 'db/seed/cli.ts', '--persons', '10'], {
      env: { ...process.env },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/--reset/);
  }, 60_000);

  it('refuses bad arguments before touching any database', () => {
    const cli = spawnSync('npx', ['tsx', 'db/seed/cli.ts', '--persons', '-3'], {
      env: { ...process.env, DATABASE_URL: 'postgres://nobody:nothing@127.0.0.1:1/none' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/usage: npm run db:seed/);
  }, 60_000);

  it('is deterministic: the same seed gives the same rows, another seed other rows', async () => {
    await resetRegister(pool);
    await seedRegister(pool, { persons: PERSONS, seed: 42, asOf: AS_OF });
    const first = await digest();
    await resetRegister(pool);
    await seedRegister(pool, { persons: PERSONS, seed: 42, asOf: AS_OF, chunkBytes: 64 * 1024 });
    expect(await digest()).toBe(first);
    await resetRegister(pool);
    await seedRegister(pool, { persons: PERSONS, seed: 43, asOf: AS_OF });
    expect(await digest()).not.toBe(first);
    expect(diffSchemaObjects(schemaBefore, await schema())).toEqual([]);
  }, 120_000);

  it('loads just the demo people when asked for fewer persons than there are demo people', async () => {
    await resetRegister(pool);
    const only = await seedRegister(pool, { persons: 0, seed: 1, asOf: AS_OF });
    expect(only.persons).toBe(DEMO_PEOPLE.length);
    expect(await value<string>('select count(*)::text as v from persons')).toBe(String(DEMO_PEOPLE.length));
    expect(await value<string>(`select nextval('enp_serial_seq')::text as v`)).toBe(
      String(DEMO_PEOPLE.length + 1),
    );
  }, 60_000);
});
