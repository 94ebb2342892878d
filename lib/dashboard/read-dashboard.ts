import { sql } from 'drizzle-orm';
import { readHandle } from '@/lib/register/replica-reads';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { addDays, moscowDate } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import {
  DASHBOARD_DAYS,
  dashboardQueries,
  FEED_DAYS,
  type ApplicationDayRow,
  type CoverageRow,
  type FeedDayRow,
  type LookupDayRow,
  type RefreshRow,
} from './dashboard-queries';
import { duplicateFigures, type DuplicateFigures } from './duplicate-figures';

export const LOOKUP_CHANNELS = ['clinic_ui', 'rest', 'fhir'] as const;
export type LookupChannel = (typeof LOOKUP_CHANNELS)[number];
export const FEED_SOURCES = ['zags', 'mvd', 'military'] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];
export type CoverageStatus = 'active' | 'suspended' | 'terminated';

export interface InsuredRow {
  code: string;
  name: string;
  active: number;
  suspended: number;
}

export interface Dashboard {
  /** The region shown, or null for the whole country. */
  subjectCode: string | null;
  subjectName: string | null;
  /** The regions an administrator may pick (empty for an operator bound to one). */
  regions: { code: string; name: string }[];
  /** When each figure was last recomputed; null before the first refresh. */
  asOf: { coverage: Date | null; applications: Date | null; lookups: Date | null };
  byRegion: InsuredRow[];
  byInsurer: InsuredRow[];
  byStatus: Record<CoverageStatus, number>;
  applicationDays: { day: string; submitted: number; inTime: number; late: number }[];
  lookupDays: ({ day: string } & Record<LookupChannel, number>)[];
  feeds: {
    source: FeedSource;
    lastReceivedAt: Date | null;
    lastOccurredAt: Date | null;
    days: { day: string; received: number; applied: number; pending: number; rejected: number }[];
  }[];
  feedsAsOf: Date;
  duplicates: DuplicateFigures;
}

/**
 * The dashboards of the console (/konsol/svodka): a ФФОМС administrator sees the country or any region, a
 * ТФОМС operator their own region; the permission is checked before anything is read. Every figure comes
 * from the aggregate tables of migration 0015 (or the feeds' own per-day counts), so the page reads a few
 * hundred rows whatever the register's size. Aggregates name no person: nothing goes to the access log.
 */
export async function readDashboard(
  actor: Actor,
  request: { subjectCode?: string | null },
  opts: { now?: Date } = {},
): Promise<Dashboard> {
  const subjectCode = dashboardScope(actor, request.subjectCode ?? null);
  requirePermission(actor, 'dashboard:read', subjectCode == null ? {} : { subjectCode });
  // Aggregates a job recomputes every few minutes: a replica serves them (ADR 0026).
  const db = readHandle('dashboard', actor);
  const now = opts.now ?? new Date();
  let subjectName: string | null = null;
  if (subjectCode != null) {
    const s = await db.execute<{ name: string }>(
      sql`select name_ru as name from subjects where code = ${subjectCode}`,
    );
    if (!s.rows[0])
      throw AppError.validation([
        fieldIssue('region', 'VALIDATION_FAILED', 'Такого региона нет в справочнике.'),
      ]);
    subjectName = s.rows[0].name;
  }
  const today = moscowDate(now);
  const from = addDays(today, -(DASHBOARD_DAYS - 1));
  const feedFrom = addDays(today, -(FEED_DAYS - 1));
  const q = dashboardQueries({ subjectCode, today });
  const mayPick = actor.kind === 'system' || (actor.kind === 'staff' && actor.role === 'ffoms_admin');
  const [regions, refreshes, coverage, apps, lookups, feeds, duplicates] = await Promise.all([
    mayPick
      ? db.execute<{ code: string; name: string }>(
          sql`select code, name_ru as name from subjects order by name_ru`,
        )
      : Promise.resolve({ rows: [] as { code: string; name: string }[] }),
    db.execute<RefreshRow>(q.refreshes),
    db.execute<CoverageRow>(q.coverage),
    db.execute<ApplicationDayRow>(q.applications),
    db.execute<LookupDayRow>(q.lookups),
    db.execute<FeedDayRow>(q.feeds),
    duplicateFigures(db, subjectCode),
  ]);

  const asOf = (figure: string) => refreshes.rows.find((r) => r.figure === figure)?.at ?? null;
  const days = dayRange(from, DASHBOARD_DAYS);
  return {
    subjectCode,
    subjectName,
    regions: regions.rows,
    asOf: {
      coverage: toDate(asOf('coverage')),
      applications: toDate(asOf('applications')),
      lookups: toDate(asOf('lookups')),
    },
    byRegion: insuredBy(coverage.rows, (r) => ({ code: r.subject, name: r.subject_name })),
    byInsurer: insuredBy(coverage.rows, (r) => ({ code: r.insurer, name: r.insurer_name })),
    byStatus: {
      active: sum(coverage.rows.filter((r) => r.status === 'active')),
      suspended: sum(coverage.rows.filter((r) => r.status === 'suspended')),
      terminated: sum(coverage.rows.filter((r) => r.status === 'terminated')),
    },
    applicationDays: days.map((day) => {
      const r = apps.rows.find((a) => a.day === day);
      return { day, submitted: r?.submitted ?? 0, inTime: r?.in_time ?? 0, late: r?.late ?? 0 };
    }),
    lookupDays: days.map((day) => {
      const of = (c: LookupChannel) =>
        lookups.rows.find((l) => l.day === day && l.channel === c)?.lookups ?? 0;
      return { day, clinic_ui: of('clinic_ui'), rest: of('rest'), fhir: of('fhir') };
    }),
    feeds: FEED_SOURCES.map((source) => {
      const rows = feeds.rows.filter((f) => f.source === source);
      const latest = rows.find((f) => f.day == null);
      return {
        source,
        lastReceivedAt: toDate(latest?.last_received_at ?? null),
        lastOccurredAt: toDate(latest?.last_occurred_at ?? null),
        days: dayRange(feedFrom, FEED_DAYS).map((day) => {
          const r = rows.find((f) => f.day === day);
          return {
            day,
            received: r?.received ?? 0,
            applied: r?.applied ?? 0,
            pending: r?.pending ?? 0,
            rejected: r?.rejected ?? 0,
          };
        }),
      };
    }),
    feedsAsOf: now,
    duplicates,
  };
}

/**
 * The region whose figures the actor asks for: an administrator's choice (the country when none), a
 * ТФОМС operator's own region unless they ask for another (which the permission then refuses).
 */
function dashboardScope(actor: Actor, requested: string | null): string | null {
  if (requested != null && !/^\d{2}$/.test(requested)) {
    throw AppError.validation([fieldIssue('region', 'VALIDATION_FAILED', 'Код региона — две цифры.')]);
  }
  if (actor.kind === 'staff' && actor.role === 'tfoms_operator') return requested ?? actor.subjectCode;
  return requested;
}

function insuredBy<R extends { status: CoverageStatus; persons: number }>(
  rows: readonly R[],
  key: (r: R) => { code: string; name: string },
): InsuredRow[] {
  const by = new Map<string, InsuredRow>();
  for (const r of rows) {
    if (r.status === 'terminated') continue;
    const k = key(r);
    const row = by.get(k.code) ?? { ...k, active: 0, suspended: 0 };
    row[r.status] += r.persons;
    by.set(k.code, row);
  }
  return [...by.values()].sort(
    (a, b) => b.active + b.suspended - (a.active + a.suspended) || a.code.localeCompare(b.code),
  );
}

const sum = (rows: readonly { persons: number }[]) => rows.reduce((n, r) => n + r.persons, 0);
const toDate = (v: Date | string | null) => (v == null ? null : new Date(v));

function dayRange(from: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(from as Parameters<typeof addDays>[0], i));
}
