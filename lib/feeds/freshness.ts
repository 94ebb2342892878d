import { desc, max, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { feedDailyCounts } from '@/db/schema';
import type { AnyFeedSource } from './events';
import { servedFeedSources } from './served-sources';

/**
 * How often each source is expected to send: ЗАГС and МВД daily, military commissariats every 14 days; in
 * Kazakhstan the fund's payments daily and the category lists twice a month (every 16 days at the latest).
 */
export const EXPECTED_PERIOD_HOURS: Record<AnyFeedSource, number> = {
  zags: 24,
  mvd: 24,
  military: 14 * 24,
  payments: 24,
  categories: 16 * 24,
};

const SOURCE_NAMES: Record<AnyFeedSource, string> = {
  zags: 'ЗАГС',
  mvd: 'МВД',
  military: 'военных комиссариатов',
  payments: 'платёжной системы ФСМС',
  categories: 'ведомств со списками льготных категорий',
};

export interface SourceFreshness {
  source: AnyFeedSource;
  /** When its last event arrived; null when the source has never sent one (not connected yet). */
  lastReceivedAt: Date | null;
  expectedPeriodHours: number;
  /** Connected, and silent for longer than its expected period. */
  silent: boolean;
}

/** Each source's freshness, from the per-day counters (a few rows per source per day). */
export async function feedFreshness(db: Executor, now: Date): Promise<SourceFreshness[]> {
  const rows = await db
    .select({ source: feedDailyCounts.source, last: max(feedDailyCounts.lastReceivedAt) })
    .from(feedDailyCounts)
    .groupBy(feedDailyCounts.source);
  const last = new Map(rows.map((r) => [r.source, r.last]));
  return servedFeedSources().map((source) => {
    const lastReceivedAt = last.get(source) ?? null;
    const expectedPeriodHours = EXPECTED_PERIOD_HOURS[source];
    const silent =
      lastReceivedAt !== null && now.getTime() - lastReceivedAt.getTime() > expectedPeriodHours * 3_600_000;
    return { source, lastReceivedAt, expectedPeriodHours, silent };
  });
}

/** The operators' words for a silent source. */
export function silenceMessage(f: SourceFreshness, formatInstant: (d: Date) => string): string {
  const period = f.expectedPeriodHours === 24 ? 'ежедневно' : `раз в ${f.expectedPeriodHours / 24} дней`;
  return `Нет событий от ${SOURCE_NAMES[f.source]} с ${formatInstant(f.lastReceivedAt!)}, хотя они ожидаются ${period}: проверьте обмен с источником.`;
}

export interface DailyCount {
  source: AnyFeedSource;
  day: string;
  received: number;
  applied: number;
  pending: number;
  rejected: number;
}

/** Counts per source and day, newest first (the console's dashboard). */
export async function feedDailyHistory(db: Executor, days = 30): Promise<DailyCount[]> {
  const rows = await db
    .select()
    .from(feedDailyCounts)
    .where(sql`${feedDailyCounts.day} > current_date - ${days}::int`)
    .orderBy(desc(feedDailyCounts.day), feedDailyCounts.source);
  return rows.map((r) => ({
    source: r.source as AnyFeedSource,
    day: r.day,
    received: r.received,
    applied: r.applied,
    pending: r.pending,
    rejected: r.rejected,
  }));
}
