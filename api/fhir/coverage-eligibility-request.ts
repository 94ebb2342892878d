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

/**
 * POST /fhir/CoverageEligibilityRequest — "is this person covered on servicedDate?". Nothing is stored;
 * the answer is a CoverageEligibilityResponse (200), or an OperationOutcome when the request cannot be
 * understood (400) or the register cannot answer (503).
 */
export async function postEligibilityRequest({ req, res, actor }: AuthenticatedContext): Promise<void> {
  if (!JSON_BODY.test(req.headers['content-type'] ?? '')) {
    sendResource(
      res,
      415,
      httpOutcome(
        'not-supported',
        'Тело запроса — ресурс в формате FHIR JSON (Content-Type: application/fhir+json).',
      ),
    );
    return;
  }
  const raw = await readBody(req, BODY_LIMIT);
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new AppError('VALIDATION_FAILED', { message: 'Тело запроса не является корректным JSON.' });
  }
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
