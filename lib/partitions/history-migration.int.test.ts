import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { databaseUrl } from '@/db/embedded';
import { applyMigrationFile, applyMigrationsBefore } from '@/testing/db/raw-migrations';

/**
 * Migration 0018 on a register that already has history: a database of its own is migrated to 0017,
 * given access-log rows and events over several months, then migrated by 0018. Every row must survive
 * unchanged in its month's partition, and ids continue where they were.
 */
const serverUrl = inject('testServerUrl');
const name = `oms_m18_${randomBytes(4).toString('hex')}`;
let client: pg.Client;

async function value<T>(query: string): Promise<T> {
  const { rows } = await client.query<{ v: T }>(query);
  return rows[0]!.v;
}

const SUMS = {
  log: `select count(*)::int || ':' || md5(string_agg(l::text, '|' order by id)) as v from access_log l`,
  events: `select count(*)::int || ':' || md5(string_agg(e::text, '|' order by id)) as v from register_events e`,
};

beforeAll(async () => {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  client = new pg.Client({ connectionString: databaseUrl(serverUrl, name) });
  await client.connect();
  await applyMigrationsBefore(client, '0018');
});

afterAll(async () => {
  await client.end();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

describe('migration 0018 on a populated register', () => {
  it('keeps every access-log row and event, each in its Moscow month, and the ids go on', async () => {
    await client.query(`insert into persons (enp, last_name, first_name, sex, birth_date, category)
      select lpad(g::text, 16, '0'), 'Проверкин', 'Пётр', 'M', '1980-01-01', 1 from generate_series(1, 3) g`);
    // Ten days apart from 01.11.2025 (Moscow midnight included), and a gap left in the ids.
    await client.query(`insert into access_log (id, at, actor_kind, actor_id, person_id, channel, purpose, result)
      select g * 2, timestamptz '2025-11-01 00:00+03' + (g - 1) * interval '10 days', 'clinic', 'reg' || g,
             1 + g % 3, 'clinic_ui', 'policy_lookup', 'found' from generate_series(1, 30) g`);
    await client.query(`select setval('access_log_id_seq', 60)`);
    await client.query(`insert into register_events (person_id, entity, action, effective_date, recorded_at,
                          actor_kind, actor_id, source, data)
      select 1 + g % 3, 'person', 'person.registered', '2025-01-01',
             timestamptz '2025-06-30 23:59:59+03' + g * interval '17 days', 'system', 'test', 'seed',
             jsonb_build_object('g', g) from generate_series(1, 20) g`);
    const before = { log: await value<string>(SUMS.log), events: await value<string>(SUMS.events) };
    expect(before.log).toMatch(/^30:/);

    await applyMigrationFile(client, '0018_partitioned_history.sql');

    expect(await value<string>(SUMS.log)).toBe(before.log);
    expect(await value<string>(SUMS.events)).toBe(before.events);
    expect(
      await value<string>(`select string_agg(distinct relkind::text, '') as v from pg_class
                            where relname in ('access_log', 'register_events')`),
    ).toBe('p');
    // Each row lies in the partition of its Moscow month; the default partitions stay empty.
    const misplaced = await value<number>(`
      select count(*)::int as v from (
        select tableoid::regclass::text as p, at as t, 'access_log' as base from access_log
        union all select tableoid::regclass::text, recorded_at, 'register_events' from register_events) r
       where p <> base || '_p' || to_char(t at time zone 'Europe/Moscow', 'YYYYMM')`);
    expect(misplaced).toBe(0);
    expect(
      await value<number>(`select count(*)::int as v from access_log where at = '2025-11-01 00:00+03'`),
    ).toBe(1);
    expect(
      await value<string>(
        `select tableoid::regclass::text as v from access_log where at = '2025-11-01 00:00+03'`,
      ),
    ).toBe('access_log_p202511');

    const { rows } = await client.query<{ id: string }>(
      `insert into access_log (actor_kind, actor_id, channel, purpose, result)
       values ('staff', 'after', 'console', 'card', 'found') returning id`,
    );
    expect(Number(rows[0]!.id)).toBe(61);
    const events = await client.query<{ id: string }>(
      `insert into register_events (person_id, entity, action, effective_date, actor_kind, actor_id, source)
       values (1, 'person', 'person.renamed', '2026-01-01', 'system', 'test', 'test') returning id`,
    );
    expect(Number(events.rows[0]!.id)).toBe(21);
  });

  it('keeps the names of the keys, indexes, foreign keys and triggers', async () => {
    const indexes = await value<string>(`
      select string_agg(indexname, ',' order by indexname) as v from pg_indexes
       where tablename in ('access_log', 'register_events')`);
    expect(indexes).toBe(
      [
        'access_log_actor_idx',
        'access_log_at_idx',
        'access_log_organisation_idx',
        'access_log_person_idx',
        'access_log_pkey',
        'access_log_purpose_idx',
        'register_events_person_idx',
        'register_events_pkey',
      ].join(','),
    );
    const constraints = await value<string>(`
      select string_agg(conname || ' ' || pg_get_constraintdef(oid), '; ' order by conname) as v from pg_constraint
       where conrelid in ('access_log'::regclass, 'register_events'::regclass) and contype in ('p', 'f')`);
    expect(constraints).toBe(
      [
        'access_log_person_id_persons_id_fk FOREIGN KEY (person_id) REFERENCES persons(id)',
        'access_log_pkey PRIMARY KEY (id, at)',
        'register_events_person_id_persons_id_fk FOREIGN KEY (person_id) REFERENCES persons(id)',
        'register_events_pkey PRIMARY KEY (id, recorded_at)',
      ].join('; '),
    );
    // NOT NULL constraints (named on PostgreSQL 18) carry the names a fresh table's have.
    expect(
      await value<number>(`select count(*)::int as v from pg_constraint
                            where conrelid in ('access_log'::regclass, 'register_events'::regclass)
                              and contype = 'n' and conname !~ '^(access_log|register_events)_[a-z_]+_not_null$'`),
    ).toBe(0);
    const triggers = await value<string>(`
      select string_agg(tgname, ',' order by tgname) as v from pg_trigger
       where tgrelid in ('access_log'::regclass, 'register_events'::regclass)`);
    expect(triggers).toContain('access_log_append_only');
    expect(triggers).toContain('register_events_no_truncate');
    expect(
      await value<string | null>(`select to_regclass('access_log_unpartitioned')::text as v`),
    ).toBeNull();
  });
});
