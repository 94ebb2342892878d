import { verifyApiKey } from '@/lib/api-keys/verify-api-key';
import { lookupPolicy, lookupToday } from '@/lib/lookup/lookup-policy';
import { lookupWarnings, parseLookupQuery } from '@/lib/lookup/lookup-query';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { AppError } from '@/lib/errors';
import { sendJson, sendProblem, type ApiContext } from '../http';
import { parseQuery } from './query';
import { lookupQuerySchema } from './schemas';

/** GET /api/v1/lookup — the clinic lookup for МИС, by document + birth date, ЕНП, or СНИЛС + birth date. */
export async function getLookup({ req, res, url }: ApiContext): Promise<void> {
  const instance = url.pathname;
  try {
    const actor = await verifyApiKey(req.headers.authorization);
    enforceRateLimit(actor);
    const query = parseLookupQuery(parseQuery(url, lookupQuerySchema), lookupToday());
    const outcome = await lookupPolicy(query, { actor, channel: 'rest' });
    // Accepted but worth saying (an ЕНП prefix not in today's directory): `warnings`, only when there are any.
    const warnings = lookupWarnings(query).map(({ field, code, message }) => ({ field, code, message }));
    const withWarnings = warnings.length ? { warnings } : {};
    switch (outcome.kind) {
      case 'found':
        return sendJson(res, 200, { ...(outcome.answer satisfies PolicyAnswer), ...withWarnings });
      case 'not_found':
        throw new AppError('PERSON_NOT_FOUND', {
          message: outcome.status.text,
          details: {
            reasonCode: outcome.status.code,
            nextStep: outcome.status.nextStep,
            asOf: outcome.asOf,
            ...withWarnings,
          },
        });
      case 'unavailable':
        throw new AppError('REGISTER_UNAVAILABLE', { details: { asOf: outcome.asOf, stale: true } });
    }
  } catch (error) {
    sendProblem(res, error, instance);
  }
}
