import type { AnyFeedSource } from '@/lib/feeds/events';
import { parseFeedEvent, type ParsedEvent } from '@/lib/feeds/outcome';

/** ОСМС feed events for integration tests: unique ids, and events parsed as the feeds' doors parse them. */

let n = 0;
/** A fresh id (event id, payment reference) with a readable prefix. */
export const testId = (prefix: string) => `${prefix}-${++n}-${Math.random().toString(36).slice(2, 8)}`;

/** The events as the seam receives them; a test event its schema refuses is a broken test. */
export function parsedEvents(source: AnyFeedSource, events: object[]): ParsedEvent[] {
  return events.map((e, i) => {
    const r = parseFeedEvent(source, e, i + 1);
    if (!r.ok) throw new Error(`test event refused by its schema: ${JSON.stringify(r.outcome)}`);
    return r.parsed;
  });
}

/** A `contribution.paid` of 4,000 ₸ by an employer for September 2026, paid on 20.10.2026. */
export function paidEvent(iin: string, over: Record<string, unknown> = {}, eventId = testId('pay')) {
  return {
    eventId,
    type: 'contribution.paid',
    occurredAt: '2026-10-20T10:00:00+05:00',
    data: {
      iin,
      payer: { kind: 'employer', id: '190340012345', name: 'ТОО «Пример»' },
      month: '2026-09',
      amount: 4000,
      paidOn: '2026-10-20',
      reference: testId('REF'),
      ...over,
    },
  };
}
