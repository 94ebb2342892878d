import type { z } from 'zod';
import { verifyApiKey } from '@/lib/api-keys/verify-api-key';
import { lookupPolicy, lookupToday } from '@/lib/lookup/lookup-policy';
import { lookupWarnings, parseLookupQuery } from '@/lib/lookup/lookup-query';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { sendJson, sendProblem, type ApiContext } from '../http';
import { lookupQuerySchema } from './schemas';

/** The query string as one value per name; a name given twice is an error, not "the last one wins". */
export function queryParams(url: URL): { values: Record<string, string>; repeated: FieldIssue[] } {
  const values: Record<string, string> = {};
  const repeated: FieldIssue[] = [];
  for (const [name, value] of url.searchParams) {
    if (Object.hasOwn(values, name)) {
      if (!repeated.some((i) => i.field === name))
        repeated.push(fieldIssue(name, 'VALIDATION_FAILED', 'Параметр указан несколько раз.'));
    } else values[name] = value;
  }
  return { values, repeated };
}

export function shapeIssues(issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => fieldIssue(key, 'VALIDATION_FAILED', 'Неизвестный параметр запроса.'))
      : [fieldIssue(String(i.path[0] ?? 'query'), 'VALIDATION_FAILED', 'Недопустимое значение параметра.')],
  );
}

/** GET /api/v1/lookup — the clinic lookup for МИС, by document + birth date, ЕНП, or СНИЛС + birth date. */
export async function getLookup({ req, res, url }: ApiContext): Promise<void> {
  const instance = url.pathname;
  try {
    const actor = await verifyApiKey(req.headers.authorization);
    enforceRateLimit(actor);
    const { values, repeated } = queryParams(url);
    const params = lookupQuerySchema.safeParse(values);
    if (!params.success || repeated.length) {
      throw AppError.validation([...repeated, ...(params.success ? [] : shapeIssues(params.error.issues))]);
    }
    const query = parseLookupQuery(params.data, lookupToday());
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
