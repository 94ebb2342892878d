import { verifyApiKey } from '@/lib/api-keys/verify-api-key';
import { AppError } from '@/lib/errors';
import { lookupOsmsStatus } from '@/lib/kz/lookup/lookup-osms-status';
import { parseOsmsLookup } from '@/lib/kz/lookup/osms-lookup-query';
import type { OsmsAnswer } from '@/lib/kz/lookup/osms-answer';
import { kzToday } from '@/lib/kz/today';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { sendJson, sendProblem, type ApiContext } from '../http';
import { parseQuery } from './query';
import { osmsLookupQuerySchema } from './osms-schemas';

/**
 * GET /api/v1/lookup?iin=…[&onDate=…] in a Kazakh deployment (ADR 0033): the same door, key, rate limit
 * and problem+json conventions as the Russian lookup (./lookup.ts), answered by the ОСМС status.
 */
export async function getOsmsLookup({ req, res, url }: ApiContext): Promise<void> {
  const instance = url.pathname;
  try {
    const actor = await verifyApiKey(req.headers.authorization);
    enforceRateLimit(actor);
    const query = parseOsmsLookup(parseQuery(url, osmsLookupQuerySchema), kzToday());
    const outcome = await lookupOsmsStatus(query, { actor, channel: 'rest' });
    switch (outcome.kind) {
      case 'found':
        return sendJson(res, 200, outcome.answer satisfies OsmsAnswer);
      case 'not_found':
        throw new AppError('PERSON_NOT_FOUND', {
          message: outcome.status.text,
          details: { reasonCode: outcome.status.code, nextStep: outcome.status.advice, asOf: outcome.asOf },
        });
      case 'unavailable':
        throw new AppError('REGISTER_UNAVAILABLE', { details: { asOf: outcome.asOf, stale: true } });
    }
  } catch (error) {
    sendProblem(res, error, instance);
  }
}
