import { jurisdictionProfile } from '@/lib/jurisdiction/current';
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

/**
 * A source's title for people (the profile's: «ЗАГС», «Платежи ФСМС»): the console's feed pages and the API
 * document say it the same way. A source this deployment does not serve is shown by its key.
 */
export function feedSourceTitle(source: string): string {
  return jurisdictionProfile().feeds.sources.find((s) => s.source === source)?.title ?? source;
}

/** The served sources' senders, for a sentence («Сведения органов ЗАГС, МВД и военных комиссариатов»). */
export function servedSendersText(): string {
  const names = jurisdictionProfile().feeds.sources.map((s) => s.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} и ${names.at(-1)}` : names.join('');
}

/** The served sources' titles, for a text about them (`ЗАГС, МВД, Военные комиссариаты`). */
export function servedSourceNames(): string {
  return servedFeedSources().map(feedSourceTitle).join(', ');
}
