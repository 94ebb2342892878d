import { desc, max, sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { feedDailyCounts } from '@/db/schema';
import type { AnyFeedSource } from './events';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { servedFeedSources } from './served-sources';

export interface SourceFreshness {
  source: AnyFeedSource;
  /** Who sends it, as the operators' messages name it (the profile's FeedSourceSpec). */
  name: string;
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
  // The served sources' specs: who they are and how often the profile expects them.
  const specs = new Map(jurisdictionProfile().feeds.sources.map((s) => [s.source, s]));
  return servedFeedSources().map((source) => {
    const { name, expectedPeriodHours } = specs.get(source)!;
    const lastReceivedAt = last.get(source) ?? null;
    const silent =
      lastReceivedAt !== null && now.getTime() - lastReceivedAt.getTime() > expectedPeriodHours * 3_600_000;
    return { source, name, lastReceivedAt, expectedPeriodHours, silent };
  });
}

/** How often a source is expected, in words: «ежедневно», «раз в 14 дней». */
export function expectedPeriodText(hours: number): string {
  return hours === 24 ? 'ежедневно' : `раз в ${hours / 24} дней`;
}

/** The operators' words for a silent source. */
export function silenceMessage(f: SourceFreshness, formatInstant: (d: Date) => string): string {
  return `Нет событий от ${f.name} с ${formatInstant(f.lastReceivedAt!)}, хотя они ожидаются ${expectedPeriodText(f.expectedPeriodHours)}: проверьте обмен с источником.`;
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
