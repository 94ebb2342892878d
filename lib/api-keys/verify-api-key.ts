import { eq } from 'drizzle-orm';
import { apiKeys } from '@/db/schema';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { hashApiKey, parseApiKey, sameHash } from './key-format';

interface Verified {
  hash: string;
  actor: Actor;
  revoked: boolean;
  checkedAt: number;
}

/**
 * Verified keys are remembered for a few seconds so a busy МО system does not cost a key query per
 * request; revocation through `revokeApiKey` clears the entry at once (and other processes within TTL).
 */
const TTL_MS = Number(process.env.API_KEY_CACHE_MS ?? 5_000);
const cache = new Map<string, Verified>();

export function forgetVerifiedKey(prefix: string): void {
  cache.delete(prefix);
}

/** The actor behind `Authorization: Bearer <key>`; UNAUTHENTICATED for a missing, unknown or revoked key. */
export async function verifyApiKey(authorization: string | undefined): Promise<Actor> {
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
    const [row] = await getDb().select().from(apiKeys).where(eq(apiKeys.prefix, parsed.prefix));
    if (!row) throw new AppError('UNAUTHENTICATED', { message: 'Ключ API не найден.' });
    entry = {
      hash: row.secretHash,
      actor: { kind: 'api_key', id: row.prefix, moCode: row.moCode },
      revoked: row.revokedAt !== null,
      checkedAt: Date.now(),
    };
    cache.set(parsed.prefix, entry);
  }
  if (!sameHash(entry.hash, hashApiKey(key)))
    throw new AppError('UNAUTHENTICATED', { message: 'Ключ API не найден.' });
  if (entry.revoked) throw new AppError('UNAUTHENTICATED', { message: 'Ключ API отозван.' });
  return entry.actor;
}
