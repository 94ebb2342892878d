import { verifyApiKey } from '@/lib/api-keys/verify-api-key';
import { lookupPolicy, lookupToday } from '@/lib/lookup/lookup-policy';
import { parseLookupQuery } from '@/lib/lookup/lookup-query';
import { AppError } from '@/lib/errors';
import { sendJson, sendProblem, type ApiContext } from '../http';
import { lookupQuerySchema } from './schemas';

/** GET /api/v1/lookup — the clinic lookup for МИС, by document + birth date, ЕНП, or СНИЛС + birth date. */
export async function getLookup({ req, res, url }: ApiContext): Promise<void> {
  const instance = url.pathname;
  try {
    const actor = await verifyApiKey(req.headers.authorization);
    const params = lookupQuerySchema.safeParse(Object.fromEntries(url.searchParams));
    if (!params.success) {
      throw AppError.validation(
        params.error.issues.map((i) => ({
          field: String(i.path[0] ?? 'query'),
          code: 'VALIDATION_FAILED',
          message:
            i.code === 'unrecognized_keys'
              ? 'Неизвестный параметр запроса.'
              : 'Недопустимое значение параметра.',
        })),
      );
    }
    const query = parseLookupQuery(params.data, lookupToday());
    const outcome = await lookupPolicy(query, { actor, channel: 'rest' });
    switch (outcome.kind) {
      case 'found':
        return sendJson(res, 200, outcome.answer);
      case 'not_found':
        throw new AppError('PERSON_NOT_FOUND', {
          message: outcome.status.text,
          details: { reasonCode: outcome.status.code, nextStep: outcome.status.nextStep, asOf: outcome.asOf },
        });
      case 'unavailable':
        throw new AppError('REGISTER_UNAVAILABLE', { details: { asOf: outcome.asOf, stale: true } });
    }
  } catch (error) {
    sendProblem(res, error, instance);
  }
}
