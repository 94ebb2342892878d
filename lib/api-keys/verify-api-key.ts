import { env } from '@/config/env';
import { eq } from 'drizzle-orm';
import { apiKeys, medicalOrganisations } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { moscowDate } from '@/lib/domain/dates';
import { AppError } from '@/lib/errors';
import { toAppError } from '@/lib/register/db-errors';
import { hashApiKey, parseApiKey, sameHash } from './key-format';
import { moActiveOn } from './mo-activity';

interface Verified {
  hash: string;
  actor: Actor & { kind: 'api_key' };
  revoked: boolean;
  moActiveFrom: string;
  moActiveTo: string | null;
  checkedAt: number;
}

/**
 * Verified keys are remembered for a few seconds so a busy МО system does not cost a key query per
 * request; revocation through `revokeApiKey` clears the entry at once (and other processes within TTL).
 * While the database cannot be read, a key seen before keeps working from memory, so clinics get the
 * last-known answers of the degraded mode (rule 10) rather than a refusal.
 */
const TTL_MS = env().API_KEY_CACHE_MS;
/** Keys of every МО of a large region fit; an attacker's made-up prefixes cannot grow the map further. */
const MAX_CACHED = 50_000;
const cache = new Map<string, Verified>();

export function forgetVerifiedKey(prefix: string): void {
  cache.delete(prefix);
}

function remember(prefix: string, entry: Verified): void {
  cache.delete(prefix);
  cache.set(prefix, entry);
  if (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
}

async function loadKey(prefix: string): Promise<Verified | null> {
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
    checkedAt: Date.now(),
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
  let entry = cache.get(parsed.prefix);
  if (!entry || Date.now() - entry.checkedAt > TTL_MS) {
    let loaded: Verified | null;
    try {
      loaded = await loadKey(parsed.prefix);
    } catch (error) {
      const appError = toAppError(error);
      if (appError.code !== 'REGISTER_UNAVAILABLE' || !entry) throw appError;
      loaded = entry; // the database is down: trust what it said last
    }
    if (!loaded) {
      cache.delete(parsed.prefix);
      throw new AppError('UNAUTHENTICATED', { message: 'Ключ API не найден.' });
    }
    entry = loaded;
    remember(parsed.prefix, entry);
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
