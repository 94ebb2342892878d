import { describe, expect, it } from 'vitest';
import { eventTypesOf, KZ_FEED_SOURCES } from '@/lib/feeds/events';
import { KZ_FEED_EVENT_TYPES } from './feed-sources';

describe('the ОСМС sources', () => {
  it('publish in the profile exactly the event types their schemas validate', () => {
    for (const source of KZ_FEED_SOURCES)
      expect(eventTypesOf(source)).toEqual([...KZ_FEED_EVENT_TYPES[source]]);
  });
});
