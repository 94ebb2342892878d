import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/lib/errors';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may read /metrics (ADR 0028): with METRICS_TOKEN set, whoever sends it as a bearer token (compared
 * in constant time), from anywhere; without it, only a client on this machine — a scraper beside the
 * process, or an operator's ssh tunnel — and nobody from outside.
 */
export function metricsRefusal(
  token: string | undefined,
  authorization: string | undefined,
  remoteAddress: string | undefined,
): AppError | null {
  if (token === undefined) {
    return LOOPBACK.has(remoteAddress ?? '')
      ? null
      : new AppError('FORBIDDEN', { message: 'Метрики доступны только с этого сервера.' });
  }
  const sent = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  if (sent !== undefined && timingSafeEqual(digest(sent), digest(token))) return null;
  return new AppError('UNAUTHENTICATED', {
    message: 'Для чтения метрик нужен токен доступа (заголовок Authorization: Bearer).',
  });
}
