import { systemActor } from '../../lib/auth/actor';
import { createFeedKey, revokeFeedKey } from '../../lib/feeds/feed-keys';
import type { AnyFeedSource } from '../../lib/feeds/events';

/**
 * A fuzz suite's feed keys: one valid key of each source, issued in its beforeAll, and how to revoke them
 * all in its afterAll.
 */
export async function issueFeedKeys<Source extends AnyFeedSource>(
  sources: readonly Source[],
  label: string,
): Promise<{ keys: Record<Source, string>; revoke: () => Promise<void> }> {
  const actor = systemActor('fuzz-suite');
  const keys = {} as Record<Source, string>;
  const prefixes: string[] = [];
  for (const source of sources) {
    const created = await createFeedKey({ source, label }, actor);
    keys[source] = created.key;
    prefixes.push(created.prefix);
  }
  return {
    keys,
    revoke: async () => {
      for (const prefix of prefixes.splice(0)) await revokeFeedKey({ prefix }, actor);
    },
  };
}
