import { listen, type Listener } from '@/db/listener';
import type { VerifiedKeyCache } from './verify-api-key';

/** The channel the database's triggers notify on (migration 0005): `key:<prefix>` or `mo:<code>`. */
export const KEY_CHANGES_CHANNEL = 'api_key_changed';

/**
 * Keeps a cache of verified keys true to the database: a revoked key, or the keys of an МО whose dates
 * change, are dropped as soon as the change commits. The cache trusts itself only while this channel is
 * up; on reconnect, anything may have been missed, so every key is read again on its next use.
 */
export function listenForKeyChanges(url: string, cache: VerifiedKeyCache): Listener {
  return listen(url, KEY_CHANGES_CHANNEL, {
    onNotify: (payload) => {
      if (payload.startsWith('key:')) cache.forgetKey(payload.slice(4));
      else if (payload.startsWith('mo:')) cache.forgetMo(payload.slice(3));
    },
    onListening: () => cache.setListening(true),
    onLost: () => cache.setListening(false),
  });
}
