import type { KzFeedSource } from '@/lib/auth/actor';

/**
 * Kazakhstan's feed sources and the event types each may send (issue 14): the fund's payments (from the
 * payment system and «Правительство для граждан») and the agencies' category lists (twice a month). The
 * event schemas are the feeds' (lib/kz/feeds); this list is what the jurisdiction profile publishes.
 */
export const KZ_FEED_EVENT_TYPES = {
  payments: ['contribution.paid', 'contribution.reversed'],
  categories: ['category.joined', 'category.left'],
} as const satisfies Record<KzFeedSource, readonly string[]>;

/**
 * Who each source is and how often it sends: the fund's payments daily, the category lists twice a month
 * (every 16 days at the latest).
 */
export const KZ_FEED_SENDERS = {
  payments: { title: 'Платежи ФСМС', name: 'платёжной системы ФСМС', expectedPeriodHours: 24 },
  categories: {
    title: 'Списки льготных категорий',
    name: 'ведомств со списками льготных категорий',
    expectedPeriodHours: 16 * 24,
  },
} as const satisfies Record<KzFeedSource, { title: string; name: string; expectedPeriodHours: number }>;

export const KZ_FEED_SOURCES = Object.keys(KZ_FEED_EVENT_TYPES) as KzFeedSource[];

export function isKzFeedSource(value: string): value is KzFeedSource {
  return Object.hasOwn(KZ_FEED_EVENT_TYPES, value);
}
