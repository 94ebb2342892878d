import { env } from '@/config/env';
import { eq } from 'drizzle-orm';
import { apiKeys, medicalOrganisations } from '@/db/schema';
import { closeWithDb, getDb } from '@/db/client';
import type { Listener } from '@/db/listener';
import type { Actor } from '@/lib/auth/actor';
import { moscowDate } from '@/lib/domain/dates';
import { AppError } from '@/lib/errors';
import { toAppError } from '@/lib/register/db-errors';
import { hashApiKey, parseApiKey, sameHash } from './key-format';
import { listenForKeyChanges } from './key-invalidation';
import { moActiveOn } from './mo-activity';

interface Verified {
  hash: string;
  actor: Actor & { kind: 'api_key' };
  revoked: boolean;
  moActiveFrom: string;
  moActiveTo: string | null;
  checkedAt: number;
}

/** Keys of every МО of a large region fit; an attacker's made-up prefixes cannot grow the map further. */
const MAX_CACHED = 50_000;

/**
 * Verified keys, remembered so a busy МО system does not cost a key query per request — but only while
 * this process hears the database's invalidations (key-invalidation.ts): a revoked key, or a key of an МО
 * whose dates change, is dropped the moment the change commits, in every process. Without that channel
 * (not yet connected, or lost) nothing is trusted from memory while the database can be read. While the
 * database cannot be read, a key seen before keeps working from memory, so clinics get the last-known
 * answers of the degraded mode (rule 10) rather than a refusal.
 */
export class VerifiedKeyCache {
  private readonly entries = new Map<string, Verified>();
  /** Bumped by every invalidation: a key read before it must not be remembered after it. */
  private generation = 0;
  private listening = false;
  /** Entries read before the channel came up may have missed a change: they are not trusted. */
  private listeningSince = Infinity;

  constructor(private readonly ttlMs: number) {}

  /** The entry to use without reading the database, if any. */
  fresh(prefix: string): Verified | undefined {
    const entry = this.entries.get(prefix);
    if (!entry || !this.listening || entry.checkedAt < this.listeningSince) return undefined;
    return Date.now() - entry.checkedAt <= this.ttlMs ? entry : undefined;
  }

  /** Whatever is remembered, however old: the degraded mode's fallback. */
  last(prefix: string): Verified | undefined {
    return this.entries.get(prefix);
  }

  get currentGeneration(): number {
    return this.generation;
  }

  remember(prefix: string, entry: Verified, readAtGeneration: number): void {
    if (readAtGeneration !== this.generation) return;
    this.entries.delete(prefix);
    this.entries.set(prefix, entry);
    if (this.entries.size > MAX_CACHED) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  forgetKey(prefix: string): void {
    this.generation++;
    this.entries.delete(prefix);
  }

  forgetMo(moCode: string): void {
    this.generation++;
    for (const [prefix, entry] of this.entries)
      if (entry.actor.moCode === moCode) this.entries.delete(prefix);
  }

  /**
   * The invalidation channel is up (`true`) or lost (`false`). Reads that began before it came up may have
   * missed a change: `fresh` does not trust them (`listeningSince`), but they are still what the database
   * said last, so they stay remembered for the degraded mode — a key verified just before the channel
   * came up must still work during an outage.
   */
  setListening(listening: boolean): void {
    this.listening = listening;
    this.listeningSince = listening ? Date.now() : Infinity;
  }
}

const TTL_MS = env().API_KEY_CACHE_MS;
const processCache = globalThis as unknown as {
  __omsKeyCache?: { cache: VerifiedKeyCache; listener: Listener | null };
};

/**
 * This process's cache, listening for invalidations from its first use on. Closing the database (tests
 * of an outage, shutdown) closes the listener but keeps what is remembered, as a real outage would.
 */
function sharedCache(): VerifiedKeyCache {
  const state = (processCache.__omsKeyCache ??= { cache: new VerifiedKeyCache(TTL_MS), listener: null });
  const url = env().DATABASE_URL;
  if (!state.listener && url) {
    const listener = listenForKeyChanges(url, state.cache);
    state.listener = listener;
    closeWithDb(async () => {
      if (state.listener === listener) state.listener = null;
      await listener.close();
      state.cache.setListening(false);
    });
  }
  return state.cache;
}

/** Drops a key from this process's cache at once (the others hear it from the database). */
export function forgetVerifiedKey(prefix: string): void {
  processCache.__omsKeyCache?.cache.forgetKey(prefix);
}

async function loadKey(prefix: string): Promise<Verified | null> {
  // When the read began, not when it ended: a change committed while it ran may not be in its answer.
  const checkedAt = Date.now();
  const [row] = await getDb()
    .select({
      prefix: apiKeys.prefix,
      moCode: apiKeys.moCode,
      secretHash: apiKeys.secretHash,
      revokedAt: apiKeys.revokedAt,
      moActiveFrom: medicalOrganisations.activeFrom,
      moActiveTo: medicalOrganisations.activeTo,
    })
    .from(apiKeys)
    .innerJoin(medicalOrganisations, eq(medicalOrganisations.code, apiKeys.moCode))
    .where(eq(apiKeys.prefix, prefix));
  if (!row) return null;
  return {
    hash: row.secretHash,
    actor: { kind: 'api_key', id: row.prefix, moCode: row.moCode },
    revoked: row.revokedAt !== null,
    moActiveFrom: row.moActiveFrom,
    moActiveTo: row.moActiveTo,
    checkedAt,
  };
}

/**
 * The actor behind `Authorization: Bearer <key>`.
 *
 * - UNAUTHENTICATED (401) for a missing, malformed, unknown or revoked key: we do not know who asks.
 * - FORBIDDEN (403) for a valid key of an МО that is not working on today's date (its `active_to` has
 *   passed, or `active_from` has not come): we know who asks, and they are out of scope — an МО that has
 *   stopped working has no patients to look up. The key stays valid should the МО be restored.
 * - REGISTER_UNAVAILABLE (503) when the key has not been seen before and the database cannot be read.
 */
export async function verifyApiKey(
  authorization: string | undefined,
  now: Date = new Date(),
  cache: VerifiedKeyCache = sharedCache(),
): Promise<Actor & { kind: 'api_key' }> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match) {
    throw new AppError('UNAUTHENTICATED', {
      message: 'Нужен ключ API: заголовок Authorization: Bearer <ключ>.',
    });
  }
  const key = match[1]!;
  const parsed = parseApiKey(key);
  if (!parsed) throw new AppError('UNAUTHENTICATED', { message: 'Ключ API указан неверно.' });
  let entry = cache.fresh(parsed.prefix);
  if (!entry) {
    const generation = cache.currentGeneration;
    let loaded: Verified | null;
    try {
      loaded = await loadKey(parsed.prefix);
    } catch (error) {
      const appError = toAppError(error);
      const last = cache.last(parsed.prefix);
      if (appError.code !== 'REGISTER_UNAVAILABLE' || !last) throw appError;
      loaded = last; // the database is down: trust what it said last
    }
    if (!loaded) {
      cache.forgetKey(parsed.prefix);
      throw new AppError('UNAUTHENTICATED', { message: 'Ключ API не найден.' });
    }
    entry = loaded;
    cache.remember(parsed.prefix, entry, generation);
  }
  if (!sameHash(entry.hash, hashApiKey(key)))
    throw new AppError('UNAUTHENTICATED', { message: 'Ключ API не найден.' });
  if (entry.revoked) throw new AppError('UNAUTHENTICATED', { message: 'Ключ API отозван.' });
  const today = moscowDate(now);
  if (!moActiveOn({ activeFrom: entry.moActiveFrom, activeTo: entry.moActiveTo }, today)) {
    throw new AppError('FORBIDDEN', {
      message:
        entry.moActiveTo !== null && entry.moActiveTo < today
          ? 'Медицинская организация, которой выдан ключ API, прекратила деятельность: поиск по ключу недоступен.'
          : 'Медицинская организация, которой выдан ключ API, ещё не начала деятельность: поиск по ключу недоступен.',
      details: { reasonCode: 'MO_INACTIVE', moCode: entry.actor.moCode },
    });
  }
  return entry.actor;
}
