import { env } from '@/config/env';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { replicaLag, type ReplicaLag } from '@/db/read-pools';
import { MOSCOW_TIME_ZONE } from '@/config/time-zone';
import { moscowDate, yearOf, type LocalDate } from '@/lib/domain/dates';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { feedFreshness, silenceMessage } from '@/lib/feeds/freshness';
import { logger } from '@/lib/ops/logger';
import { probeDatabase, type NodeRole } from './readiness';

export interface HealthReport {
  status: 'ok' | 'degraded';
  checkedAt: string;
  app: { name: 'oms-register'; version: string; uptimeSeconds: number };
  database: {
    status: 'up' | 'down';
    latencyMs: number | null;
    /** The node's role (the same probe as /api/ready). */
    role: NodeRole;
    error?: string;
  };
  /**
   * The years the deadlines need (this one, and from 1 October the next, in Moscow), and those of them whose production calendar
   * is missing or incomplete; null where the database is down or the jurisdiction counts no working days.
   */
  calendar: { years: number[]; missingYears: number[]; incompleteYears: number[] } | null;
  /** The agencies' feeds: when each last sent, and whether it is silent longer than expected. */
  feeds:
    { source: string; lastReceivedAt: string | null; expectedPeriodHours: number; silent: boolean }[] | null;
  /** Each streaming replica serving reads (ADR 0026): up, and how far behind the primary; empty without. */
  replicas: ReplicaLag[];
  /** What an administrator must act on while the app still serves (in Russian, with a stable code). */
  problems: HealthProblem[];
}

export interface HealthProblem {
  code: 'CALENDAR_MISSING' | 'CALENDAR_INCOMPLETE' | 'FEED_SILENT';
  message: string;
}

const moscowInstant = (d: Date) =>
  d.toLocaleString('ru-RU', { timeZone: MOSCOW_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' });

/**
 * Deadlines in a year without the official calendar count only the Labour Code's own holidays (provisional,
 * marked on each application): someone has to load it.
 */
function calendarProblems(missing: number[], incomplete: number[]): HealthProblem[] {
  return [
    ...missing.map((year) => ({
      code: 'CALENDAR_MISSING' as const,
      message: `Нет производственного календаря на ${year} год: сроки рассмотрения заявлений считаются предварительно, по праздникам Трудового кодекса без переносов. Загрузите календарь.`,
    })),
    ...incomplete.map((year) => ({
      code: 'CALENDAR_INCOMPLETE' as const,
      message: `Производственный календарь на ${year} год неполный (без переносов выходных): загрузите его, когда выйдет постановление о переносах.`,
    })),
  ];
}

const startedAt = Date.now();

/** From this day of the year (MM-DD, Moscow) the next year's production calendar is expected. */
export const NEXT_YEAR_NEEDED_FROM = '10-01';

/** The years the deadlines need from `today` (Moscow), and which of them lack the calendar or are incomplete. */
async function calendarCoverage(today: LocalDate): Promise<NonNullable<HealthReport['calendar']>> {
  const year = yearOf(today);
  const { rows } = await getDb().execute<{ year: number; complete: boolean }>(
    sql`select year, complete from calendar_years where year in (${year}, ${year + 1})`,
  );
  const loaded = new Map(rows.map((r) => [Number(r.year), r.complete]));
  // Next year's calendar is asked for from 1 October: the decree on transfers usually appears in
  // September, and deadlines of applications submitted in late December run into the new year.
  const needed = today.slice(5) >= NEXT_YEAR_NEEDED_FROM ? [year, year + 1] : [year];
  return {
    years: needed,
    missingYears: needed.filter((y) => !loaded.has(y)),
    incompleteYears: needed.filter((y) => loaded.get(y) === false),
  };
}

/** Whether the app can serve: the database answers, the migrations ran, the calendar covers the deadlines. */
export async function checkHealth(now = new Date()): Promise<HealthReport> {
  const base = {
    checkedAt: now.toISOString(),
    app: {
      name: 'oms-register' as const,
      version: env().npm_package_version ?? '0.1.0',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    },
  };
  const [probe, replicas] = await Promise.all([probeDatabase(), replicaLag()]);
  try {
    if (!probe.up) throw new Error('the database did not answer the probe');
    const calendar = jurisdictionProfile().directories.productionCalendar
      ? await calendarCoverage(moscowDate(now))
      : null;
    const feeds = await feedFreshness(getDb(), now);
    const silent = feeds.filter((f) => f.silent);
    return {
      ...base,
      status: 'ok',
      database: { status: 'up', latencyMs: probe.latencyMs, role: probe.role },
      calendar,
      // The report's published shape: the source's key, not its operators' name.
      feeds: feeds.map(({ name: _name, ...f }) => ({
        ...f,
        lastReceivedAt: f.lastReceivedAt?.toISOString() ?? null,
      })),
      replicas,
      problems: [
        ...(calendar ? calendarProblems(calendar.missingYears, calendar.incompleteYears) : []),
        ...silent.map((f) => ({ code: 'FEED_SILENT' as const, message: silenceMessage(f, moscowInstant) })),
      ],
    };
  } catch (err) {
    logger().error({ err }, 'health: the database check failed');
    return {
      ...base,
      status: 'degraded',
      database: {
        status: 'down',
        latencyMs: null,
        role: 'unknown',
        error: 'База данных регистра недоступна.',
      },
      calendar: null,
      feeds: null,
      replicas,
      problems: [],
    };
  }
}
