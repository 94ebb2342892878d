import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { kzProfile } from '@/lib/jurisdiction/kz';
import { isFeedSource, type AnyFeedSource } from './events';

/**
 * The sources this deployment serves: its jurisdiction profile's (ADR 0029, 0031) — a Russian register
 * takes ЗАГС, МВД and the military commissariats, a Kazakh one the fund's payments and the category lists.
 * The API, the key and import tools refuse another country's source as unknown.
 */
export function servedFeedSources(): AnyFeedSource[] {
  return jurisdictionProfile()
    .feeds.sources.map((s) => s.source)
    .filter(isFeedSource);
}

export function isServedFeedSource(s: string): s is AnyFeedSource {
  return servedFeedSources().includes(s as AnyFeedSource);
}

/** The served sources as a people-readable list, for messages (`zags, mvd или military`). */
export function servedSourcesText(conjunction = 'или'): string {
  const list = servedFeedSources();
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} ${conjunction} ${list.at(-1)}` : list.join('');
}

/** Each source's name for people: the console's feed pages and the API document say it the same way. */
export const FEED_SOURCE_NAMES: Record<AnyFeedSource, string> = {
  zags: 'ЗАГС',
  mvd: 'МВД',
  military: 'Военные комиссариаты',
  payments: `Платежи ${kzProfile.texts.fundShortName}`,
  categories: 'Списки льготных категорий',
};

/** The served sources' names, for a text about them (`ЗАГС, МВД, Военные комиссариаты`). */
export function servedSourceNames(): string {
  return servedFeedSources()
    .map((s) => FEED_SOURCE_NAMES[s])
    .join(', ');
}
