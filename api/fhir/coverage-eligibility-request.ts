import { AppError } from '@/lib/errors';
import { toEligibilityResponse } from '@/lib/fhir/coverage-eligibility-response';
import { httpOutcome } from '@/lib/fhir/operation-outcome';
import { eligibilityRequestLookup } from '@/lib/fhir/search-params';
import { readBody } from '../http';
import { runLookup } from './lookup';
import { sendResource, type AuthenticatedContext } from './respond';

/** A request body is one small resource; anything larger is not a CoverageEligibilityRequest. */
const BODY_LIMIT = 64 * 1024;
const JSON_BODY = /^application\/(fhir\+)?json(\s*;.*)?$/i;

export const NOT_JSON = Symbol('not FHIR JSON');

/**
 * The body of a POST: parsed FHIR JSON, or NOT_JSON once a 415 has been answered (another media type). Too
 * large a body and JSON that does not parse are refusals thrown like any other.
 */
export async function readResourceBody({
  req,
  res,
}: Pick<AuthenticatedContext, 'req' | 'res'>): Promise<unknown> {
  if (!JSON_BODY.test(req.headers['content-type'] ?? '')) {
    sendResource(
      res,
      415,
      httpOutcome(
        'not-supported',
        'Тело запроса — ресурс в формате FHIR JSON (Content-Type: application/fhir+json).',
      ),
    );
    return NOT_JSON;
  }
  const raw = await readBody(req, BODY_LIMIT);
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    throw new AppError('VALIDATION_FAILED', { message: 'Тело запроса не является корректным JSON.' });
  }
}

/**
 * POST /fhir/CoverageEligibilityRequest — "is this person covered on servicedDate?". Nothing is stored;
 * the answer is a CoverageEligibilityResponse (200), or an OperationOutcome when the request cannot be
 * understood (400) or the register cannot answer (503).
 */
export async function postEligibilityRequest({ req, res, actor }: AuthenticatedContext): Promise<void> {
  const body = await readResourceBody({ req, res });
  if (body === NOT_JSON) return;
  const { lookup, request, purpose } = eligibilityRequestLookup(body);
  const outcome = await runLookup(lookup, actor);
  sendResource(
    res,
    200,
    toEligibilityResponse(outcome, {
      request,
      purpose,
      asked: lookup.asked,
      created: new Date().toISOString(),
    }),
  );
}
