import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { decideApplication } from '@/lib/applications/decide-application';
import type { Actor } from '@/lib/auth/actor';
import { addDays, moscowDate } from '@/lib/domain/dates';
import { lookupPolicy } from '@/lib/lookup/lookup-policy';
import { registerPerson } from '@/lib/register/register-person';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { citizen } from '@/testing/applications/citizens';
import {
  createDemoOperators,
  ffoms,
  queuedPolicyApplication,
  smo77001,
  tfoms,
  tfoms77,
} from '@/testing/applications/queue';
import { rejection } from '@/testing/expect-error';
import { adultInput, metaAt } from '@/testing/register/people';
import { duplicateFigures } from './duplicate-figures';
import { readDashboard } from './read-dashboard';
import { refreshDashboard } from './refresh-dashboard';

const now = new Date();
const today = moscowDate(now);
const clinic77: Actor = { kind: 'clinic', id: 'dash-registrar', moCode: '770001' };
const api77: Actor = { kind: 'api_key', id: 'dash-key', moCode: '770001' };

/** The figures straight from the register's tables: what each aggregate must equal after a refresh. */
async function directCounts() {
  const db = getDb();
  const coverage = await db.execute<{ subject: string; insurer: string; status: string; n: number }>(sql`
    select c.subject_code as subject, c.insurer_code as insurer, c.status::text as status, count(distinct c.person_id)::int as n
      from coverages c join persons p on p.id = c.person_id
     where c.recorded_to is null and p.merged_into_id is null
       and c.valid_from <= ${today}::date and (c.valid_to is null or c.valid_to > ${today}::date)
     group by 1, 2, 3 order by 1, 2, 3`);
  const applications = await db.execute<{ submitted: number; in_time: number; late: number }>(sql`
    select (select count(*)::int from applications where submitted_at is not null) as submitted,
           (select count(*)::int from applications where status in ('done', 'refused') and decided_at <= due_at) as in_time,
           (select count(*)::int from applications where status in ('done', 'refused') and decided_at > due_at) as late`);
  const lookups = await db.execute<{ channel: string; n: number }>(sql`
    select channel::text, count(*)::int as n from access_log
     where purpose = 'policy_lookup' and channel in ('clinic_ui', 'rest', 'fhir') group by 1 order by 1`);
  return { coverage: coverage.rows, applications: applications.rows[0]!, lookups: lookups.rows };
}

async function aggregateCounts() {
  const db = getDb();
  const coverage = await db.execute<{ subject: string; insurer: string; status: string; n: number }>(sql`
    select subject_code as subject, insurer_code as insurer, status::text as status, persons as n
      from dashboard_coverage_counts order by 1, 2, 3`);
  const applications = await db.execute<{ submitted: number; in_time: number; late: number }>(sql`
    select coalesce(sum(submitted), 0)::int as submitted, coalesce(sum(decided_in_time), 0)::int as in_time,
           coalesce(sum(decided_late), 0)::int as late from dashboard_application_days`);
  const lookups = await db.execute<{ channel: string; n: number }>(sql`
    select channel::text, sum(lookups)::int as n from dashboard_lookup_days group by 1 order by 1`);
  return { coverage: coverage.rows, applications: applications.rows[0]!, lookups: lookups.rows };
}

async function allAggregateRows() {
  const db = getDb();
  const read = (table: string) =>
    db.execute(sql.raw(`select * from ${table} order by 1, 2, 3`)).then((r) => r.rows);
  return {
    coverage: await read('dashboard_coverage_counts'),
    applications: await read('dashboard_application_days'),
    lookups: await read('dashboard_lookup_days'),
  };
}

async function insurerServing(subjectCode: string): Promise<string> {
  const r = await getDb().execute<{ code: string }>(
    sql`select r.insurer_code as code from insurer_regions r join insurers i on i.code = r.insurer_code
         where r.subject_code = ${subjectCode} and r.served_from <= '2026-01-15' and r.served_to is null
           and i.active_from <= '2026-01-15' and i.active_to is null order by 1 limit 1`,
  );
  return r.rows[0]!.code;
}

/** A person insured in the Moscow region (50), by an insurer serving it; returns that insurer. */
async function insuredIn50(): Promise<string> {
  const insurer = await insurerServing('50');
  await registerPerson(
    adultInput({
      coverage: { insurerCode: insurer, subjectCode: '50', reason: 'new_policy', on: '2026-01-15' },
      attachment: null,
    }),
    metaAt('2026-01-15T09:00:00Z'),
  );
  return insurer;
}

// Submitted 25 days ago: one decided an hour later (in time), one 20 days later (late whatever the holidays).
const submittedAt = new Date(now.getTime() - 25 * 86_400_000);
const inTimeAt = new Date(submittedAt.getTime() + 3_600_000);
const lateAt = new Date(submittedAt.getTime() + 20 * 86_400_000);

beforeAll(async () => {
  await createDemoOperators();
});

describe('dashboards', () => {
  it('each aggregate equals a direct count of the register after writes, and the page figures follow', async () => {
    await refreshDashboard({ now });
    const before = await readDashboard(tfoms77, {}, { now });

    // Three insured in Moscow (one suspended), one in the Moscow region; two applications; three lookups.
    const a = await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
    await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
    const c = await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
    await suspendPolicy({ personId: c.personId, reason: 'military_service' }, metaAt('2026-02-01T09:00:00Z'));
    await insuredIn50();
    const choice = { subjectCode: '77', insurerCode: '77002' };
    const first = await queuedPolicyApplication(submittedAt, choice);
    const second = await queuedPolicyApplication(submittedAt, choice);
    await decideApplication({ number: first.application.number, decision: 'issue' }, tfoms77, {
      now: inTimeAt,
    });
    await decideApplication({ number: second.application.number, decision: 'issue' }, tfoms77, {
      now: lateAt,
    });
    const byEnp = { by: 'enp', enp: a.enp, onDate: today } as never;
    await lookupPolicy(byEnp, { actor: clinic77, channel: 'clinic_ui' });
    await lookupPolicy(byEnp, { actor: api77, channel: 'rest' });
    await lookupPolicy(byEnp, { actor: api77, channel: 'fhir' });

    const refreshed = await refreshDashboard({ now });
    expect(refreshed.fromDay).toBe(addDays(today, -45));
    expect(await aggregateCounts()).toEqual(await directCounts());

    const after = await readDashboard(tfoms77, {}, { now });
    const moscow = (d: typeof before) =>
      d.byRegion.find((r) => r.code === '77') ?? { active: 0, suspended: 0 };
    // The two issued applications add two insured persons (active) to Moscow too.
    expect(moscow(after).active - moscow(before).active).toBe(2 + 2);
    expect(moscow(after).suspended - moscow(before).suspended).toBe(1);
    expect(after.byRegion.map((r) => r.code)).toEqual(['77']);
    expect(after.byStatus.suspended - before.byStatus.suspended).toBe(1);

    const dayOf = (d: typeof after, iso: string) => d.applicationDays.find((x) => x.day === iso)!;
    const submittedDay = moscowDate(submittedAt);
    expect(dayOf(after, submittedDay).submitted - dayOf(before, submittedDay).submitted).toBe(2);
    expect(dayOf(after, moscowDate(inTimeAt)).inTime - dayOf(before, moscowDate(inTimeAt)).inTime).toBe(1);
    expect(dayOf(after, moscowDate(lateAt)).late - dayOf(before, moscowDate(lateAt)).late).toBe(1);

    const lookupsToday = after.lookupDays.find((x) => x.day === today)!;
    const lookupsBefore = before.lookupDays.find((x) => x.day === today)!;
    expect([
      lookupsToday.clinic_ui - lookupsBefore.clinic_ui,
      lookupsToday.rest - lookupsBefore.rest,
      lookupsToday.fhir - lookupsBefore.fhir,
    ]).toEqual([1, 1, 1]);
    expect(after.asOf.coverage?.toISOString()).toBe(now.toISOString());
  });

  it('a ФФОМС administrator sees the country or one region; a ТФОМС operator only their own; others nothing', async () => {
    const insurer50 = await insuredIn50();
    await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
    await refreshDashboard({ now });

    const country = await readDashboard(ffoms, {}, { now });
    expect(country.subjectCode).toBeNull();
    expect(country.byRegion.map((r) => r.code).sort()).toEqual(expect.arrayContaining(['50', '77']));
    expect(country.regions.length).toBeGreaterThan(80);

    const region50 = await readDashboard(ffoms, { subjectCode: '50' }, { now });
    expect(region50.byRegion.map((r) => r.code)).toEqual(['50']);
    expect(region50.byInsurer.map((r) => r.code)).toContain(insurer50);
    expect(region50.byInsurer.map((r) => r.code)).not.toContain('77001');

    const own = await readDashboard(tfoms('50'), {}, { now });
    expect(own.subjectCode).toBe('50');
    expect(own.regions).toEqual([]);
    expect(own.byRegion).toEqual(region50.byRegion);

    expect((await rejection(readDashboard(tfoms77, { subjectCode: '50' }, { now }))).code).toBe('FORBIDDEN');
    expect((await rejection(readDashboard(smo77001, {}, { now }))).code).toBe('FORBIDDEN');
    expect((await rejection(readDashboard(citizen(), {}, { now }))).code).toBe('FORBIDDEN');
    expect((await rejection(readDashboard(clinic77, {}, { now }))).code).toBe('FORBIDDEN');
    const unknown = await rejection(readDashboard(ffoms, { subjectCode: '00' }, { now }));
    expect(unknown.code).toBe('VALIDATION_FAILED');
    expect(unknown.fields.map((f) => f.field)).toEqual(['region']);
    const malformed = await rejection(readDashboard(ffoms, { subjectCode: '7' }, { now }));
    expect(malformed.fields.map((f) => f.field)).toEqual(['region']);
  });

  it('the refresh is idempotent: again, or twice at once, it leaves the same figures', async () => {
    await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z'));
    await refreshDashboard({ now });
    const once = await allAggregateRows();
    expect(once.coverage.length).toBeGreaterThan(0);
    await refreshDashboard({ now });
    expect(await allAggregateRows()).toEqual(once);
    await Promise.all([refreshDashboard({ now }), refreshDashboard({ now })]);
    expect(await allAggregateRows()).toEqual(once);
  });

  it('counts merged records and, once the duplicate scan table exists, its candidate pairs by state and region', async () => {
    const db = getDb();
    const before = await duplicateFigures(db, null);
    const before77 = await duplicateFigures(db, '77');
    const before50 = await duplicateFigures(db, '50');
    const [a, b, d] = [
      await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z')),
      await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z')),
      await registerPerson(adultInput(), metaAt('2026-01-15T09:00:00Z')),
    ];
    // A merge as the duplicates' use case leaves it: the retired record points at the survivor.
    await db.execute(sql`update persons set merged_into_id = ${a.personId} where id = ${d.personId}`);
    const merged = await duplicateFigures(db, null);
    expect(merged.mergedPersons - before.mergedPersons).toBe(1);
    expect((await duplicateFigures(db, '77')).mergedPersons - before77.mergedPersons).toBe(1);
    expect((await duplicateFigures(db, '50')).mergedPersons).toBe(before50.mergedPersons);

    // The scan's table in the shape of migration 0014 (created here while the two branches are apart).
    await db.execute(sql`
      create table if not exists duplicate_candidates (
        id bigint primary key generated by default as identity,
        person_a_id bigint not null references persons(id), person_b_id bigint not null references persons(id),
        score smallint not null, reasons text[] not null, status varchar(16) not null default 'open',
        decided_at timestamptz)`);
    const base = await duplicateFigures(db, null);
    const base50 = await duplicateFigures(db, '50');
    await db.execute(sql`
      insert into duplicate_candidates (person_a_id, person_b_id, score, reasons, status, decided_at)
      values (${a.personId}, ${b.personId}, 90, array['same_birth_date_similar_name'], 'open', null),
             (${b.personId}, ${d.personId}, 70, array['same_document'], 'not_duplicate', now())`);
    const after = await duplicateFigures(db, null);
    expect(after.candidates).not.toBeNull();
    expect(after.candidates!.open - (base.candidates?.open ?? 0)).toBe(1);
    expect(after.candidates!.notDuplicate - (base.candidates?.notDuplicate ?? 0)).toBe(1);
    expect(after.candidates!.merged).toBe(base.candidates?.merged ?? 0);
    expect(await duplicateFigures(db, '50')).toEqual({
      ...base50,
      candidates: base50.candidates ?? { open: 0, merged: 0, notDuplicate: 0 },
    });
  });
});
