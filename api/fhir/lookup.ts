import type { Actor } from '@/lib/auth/actor';
import { AppError, type FieldIssue } from '@/lib/errors';
import { toLookupQuery, type FhirLookup } from '@/lib/fhir/search-params';
import { lookupPolicy, lookupToday } from '@/lib/lookup/lookup-policy';
import { lookupWarnings } from '@/lib/lookup/lookup-query';
import type { LookupOutcome } from '@/lib/lookup/policy-answer';

/** A lookup's answer, and the warnings about its accepted parameters (the same as REST's `warnings`). */
export type KnownOutcome = Exclude<LookupOutcome, { kind: 'unavailable' }> & { warnings: FieldIssue[] };

/**
 * Every FHIR interaction that reads a person goes through the clinic lookup use case, so it is authorised,
 * answered from the coverage history as of the date and written to the access log with channel `fhir`.
 * A birth date beside the ЕНП is matched inside the use case (FHIR: parameters AND), so the log row says
 * what the client was told. When the register is down and nothing is known of the person, that is a 503 (the OperationOutcome says
 * the right to care is kept), never "not insured".
 */
export async function runLookup(lookup: FhirLookup, actor: Actor): Promise<KnownOutcome> {
  const query = toLookupQuery(lookup, lookupToday());
  const outcome = await lookupPolicy(query, { actor, channel: 'fhir' });
  if (outcome.kind === 'unavailable') {
    throw new AppError('REGISTER_UNAVAILABLE', { message: outcome.message, details: { asOf: outcome.asOf } });
  }
  return { ...outcome, warnings: lookupWarnings(query) };
}
