import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { exportAuditLog } from '@/lib/audit/export-audit-log';
import { readAuditLog } from '@/lib/audit/read-audit-log';
import { refreshDashboard } from '@/lib/dashboard/refresh-dashboard';
import type { LocalDate } from '@/lib/domain/dates';
import { whoLookedMeUp } from '@/lib/portal/who-looked-me-up';
import { personEvents } from '@/lib/register/attachment-facts';
import { readPersonCard } from '@/lib/register/person-card';
import { registeredCitizen } from '@/testing/applications/citizens';
import { addAccess, auditActors } from '@/testing/audit/entries';
import { upkeepPartitions } from './partition-upkeep';

/**
 * Every query of the application on the partitioned tables keeps using an index in each partition it
 * reads, and a time filter prunes the partitions outside it (ADR 0027). The statements are the real ones:
 * captured from the pg client while the use cases run, then planned again with EXPLAIN (FORMAT JSON) and
 * the same parameters. Sequential scans are disabled while planning, so a Seq Scan in a plan means no
 * index can serve that query (tables this small would otherwise be scanned whole by choice).
 */

interface Statement {
  text: string;
  values: unknown[];
}

const PARTITION = /^(access_log|register_events)_(p\d{6}|default)$/;
const captured: Statement[] = [];
let capturing = false;
// Kept unbound on purpose: it is put back on the prototype, and the wrapper calls it with the client as `this`.
// eslint-disable-next-line @typescript-eslint/unbound-method
const originalQuery = pg.Client.prototype.query;

function record(config: unknown, values: unknown): void {
  if (!capturing) return;
  const c = config as { text?: unknown; values?: unknown[] };
  const text = typeof config === 'string' ? config : typeof c?.text === 'string' ? c.text : null;
  if (text === null || !/\b(from|join)\s+"?(access_log|register_events)"?/i.test(text)) return;
  captured.push({ text, values: (Array.isArray(values) ? values : c.values) ?? [] });
}

/** The statements on the partitioned tables that `work` sends. */
async function statementsOf(work: () => Promise<unknown>): Promise<Statement[]> {
  captured.length = 0;
  capturing = true;
  try {
    await work();
  } finally {
    capturing = false;
  }
  return [...captured];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function scans(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  if (node['Relation Name'] && PARTITION.test(node['Relation Name'])) out.push(node);
  for (const child of node.Plans ?? []) scans(child, out);
  return out;
}

/** The scans of partitions in the statement's plan (a COPY's plan is its query's). */
async function partitionScans(s: Statement): Promise<PlanNode[]> {
  const query = /^\s*copy\s*\(([\s\S]*)\)\s*to\s+stdout/i.exec(s.text)?.[1] ?? s.text;
  const client = await getDb().$client.connect();
  try {
    await client.query('begin');
    await client.query('set local enable_seqscan = off');
    const { rows } = await client.query<{ 'QUERY PLAN': { Plan: PlanNode }[] }>(
      `explain (format json) ${query}`,
      s.values,
    );
    await client.query('rollback');
    const plan = rows[0]!['QUERY PLAN'][0]!.Plan;
    return scans(plan);
  } finally {
    client.release();
  }
}

/** The index a scan reads: its own, or a bitmap scan's. */
function indexOf(node: PlanNode): string | undefined {
  return node['Index Name'] ?? node.Plans?.map(indexOf).find((name) => name !== undefined);
}

/**
 * The index each table's partitions must be read through, by the name PostgreSQL gives a partition's copy
 * of the table's index (`access_log_p202601_person_id_at_idx` for `access_log_person_idx`).
 */
type Expected = Partial<Record<'access_log' | 'register_events', string>>;

/**
 * Plans every statement: each must read every partition through an index — the expected one for its table
 * when given. Returns the partitions each statement reads.
 */
async function expectIndexed(statements: Statement[], expected: Expected = {}): Promise<Set<string>[]> {
  expect(statements.length).toBeGreaterThan(0);
  const read: Set<string>[] = [];
  for (const s of statements) {
    const nodes = await partitionScans(s);
    expect(nodes.length, s.text).toBeGreaterThan(0);
    for (const n of nodes) {
      const where = `${n['Relation Name']} in ${s.text}`;
      expect(n['Node Type'], where).not.toBe('Seq Scan');
      expect(n['Node Type'], where).toMatch(/^(Index Scan|Index Only Scan|Bitmap Heap Scan)$/);
      const table = PARTITION.exec(n['Relation Name']!)![1] as keyof Expected;
      const columns = expected[table];
      // On an empty partition every index costs the same; the planner's choice there says nothing.
      if (columns && filled.has(n['Relation Name']!))
        expect(indexOf(n), where).toBe(`${n['Relation Name']}_${columns}_idx`);
    }
    read.push(new Set(nodes.map((n) => n['Relation Name']!)));
  }
  return read;
}

let citizen: Awaited<ReturnType<typeof registeredCitizen>>;
/** The partitions holding rows. */
let filled: Set<string>;
const { ffoms } = auditActors;

beforeAll(async () => {
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    record(args[0], args[1]);
    return (originalQuery as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pg.Client.prototype.query;
  // Months from October 2025 to June 2026, so a time filter has partitions to leave out.
  await upkeepPartitions({ today: '2025-10-01' as LocalDate, monthsAhead: 8, retentionMonths: 1200 });
  citizen = await registeredCitizen('2026-01-10T09:00:00Z');
  for (const at of ['2025-11-10T10:00:00Z', '2026-01-12T10:00:00Z', '2026-03-09T10:00:00Z']) {
    await addAccess({
      at,
      actor: { kind: 'clinic', id: 'reg77', moCode: '770003' },
      channel: 'clinic_ui',
      personId: citizen.personId,
      purpose: 'policy_lookup',
    });
  }
  // Background: 20,000 reads over the months, of many actors, organisations and purposes and of nobody in
  // particular (person_id may be empty: a lookup that found nobody), so the planner's statistics look like
  // a real log's and each filter's own index is the cheap way in.
  await getDb().execute(sql`
    insert into access_log (at, actor_kind, actor_id, organisation_code, person_id, channel, purpose, result)
    select timestamptz '2025-10-01 00:00+03' + (g % 270) * interval '1 day' + (g % 997) * interval '1 minute',
           'api_key', 'key' || (g % 400), (770000 + g % 300)::text, null,
           (array['rest', 'fhir', 'clinic_ui'])[1 + g % 3]::access_channel, 'purpose_' || (g % 40), 'not_found'
      from generate_series(1, 20000) g`);
  await getDb().execute(sql`analyze access_log; analyze register_events`);
  const parts = await getDb().execute<{ p: string }>(sql`
    select distinct tableoid::regclass::text as p from access_log
    union select distinct tableoid::regclass::text from register_events`);
  filled = new Set(parts.rows.map((r) => r.p));
  expect(filled.size).toBeGreaterThan(9);
});

afterAll(() => {
  pg.Client.prototype.query = originalQuery;
});

describe('queries on the partitioned tables (ADR 0027)', () => {
  it('the person card reads its events and access log through the per-person indexes', async () => {
    const viewer = { kind: 'staff', id: 'tfoms77-plans', role: 'tfoms_operator', subjectCode: '77' } as const;
    const statements = await statementsOf(() =>
      readPersonCard(viewer, { personId: citizen.personId, purpose: 'citizen_request' }),
    );
    expect(statements.some((s) => /from "register_events"/.test(s.text))).toBe(true);
    expect(statements.some((s) => /from "access_log"/.test(s.text))).toBe(true);
    await expectIndexed(statements, { access_log: 'person_id_at', register_events: 'person_id_recorded_at' });
  });

  it("the citizen's «who looked me up» reads through the per-person index", async () => {
    const statements = await statementsOf(() => whoLookedMeUp({}, citizen.actor, {}));
    await expectIndexed(statements, { access_log: 'person_id_at' });
  });

  it('the change rules read a person’s events through the per-person index', async () => {
    const statements = await statementsOf(() =>
      personEvents(getDb(), citizen.personId, ['attachment.changed']),
    );
    await expectIndexed(statements, { register_events: 'person_id_recorded_at' });
  });

  it("the audit log's filters each use their index, and a time range reads only its months", async () => {
    for (const [filter, columns] of [
      [{ who: 'reg77' }, 'actor_id_at'],
      [{ organisation: '770003' }, 'organisation_code_at'],
      [{ what: 'policy_lookup' }, 'purpose_at'],
      [{ person: citizen.enp }, 'person_id_at'],
      [{ channel: 'clinic_ui' }, 'at'],
      [{}, 'at'],
    ] as const) {
      await expectIndexed(await statementsOf(() => readAuditLog(filter, ffoms)), { access_log: columns });
    }
    const ranged = await expectIndexed(
      await statementsOf(() => readAuditLog({ from: '01.03.2026', to: '31.03.2026' }, ffoms)),
    );
    expect(ranged.map((r) => [...r].sort())).toContainEqual(['access_log_p202603']);
  });

  it("the audit log's CSV export reads a time range's months only, through the index", async () => {
    const statements = await statementsOf(async () => {
      const stream = await exportAuditLog(
        { who: 'reg77', from: '01.01.2026', to: '31.01.2026' },
        { actor: ffoms, staffId: null, login: 'admin' },
      );
      for await (const chunk of stream) expect(chunk).toBeDefined();
    });
    const copies = statements.filter((s) => /^\s*copy/i.test(s.text));
    expect(copies).toHaveLength(1);
    const [read] = await expectIndexed(copies, { access_log: 'actor_id_at' });
    expect([...read!]).toEqual(['access_log_p202601']);
  });

  it("the dashboards' refresh reads only the access log's months of its window", async () => {
    // The first refresh reads everything; later ones their window.
    await refreshDashboard({ now: new Date('2026-03-15T11:50:00Z') });
    const statements = await statementsOf(() => refreshDashboard({ now: new Date('2026-03-15T12:00:00Z') }));
    const read = await expectIndexed(statements, { access_log: 'purpose_at' });
    const all = new Set(read.flatMap((r) => [...r]));
    // A 45-day window from 15.03.2026 starts on 29.01: January onwards, nothing before.
    expect(all).toContain('access_log_p202601');
    expect(all).toContain('access_log_p202603');
    for (const month of ['202510', '202511', '202512']) expect(all).not.toContain(`access_log_p${month}`);
  });
});
