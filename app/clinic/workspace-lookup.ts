import type { Actor } from '@/lib/auth/actor';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { lookupPolicy, lookupToday } from '@/lib/lookup/lookup-policy';
import { lookupWarnings, parseLookupQuery, type LookupInput } from '@/lib/lookup/lookup-query';
import type { LookupOutcome } from '@/lib/lookup/policy-answer';
import { refusalState, type FormState } from '../_components/form-state';

/** The answer, and what is worth saying without refusing (an ЕНП prefix outside today's directory). */
export interface LookupFormResult {
  outcome: LookupOutcome;
  warnings: string[];
}

export type LookupFormState = FormState<LookupFormResult>;

export const LOOKUP_FIELDS = [
  'mode',
  'docType',
  'series',
  'number',
  'birthDate',
  'enp',
  'snils',
  'onDate',
] as const;
export type LookupFormValues = Record<(typeof LOOKUP_FIELDS)[number], string>;

/**
 * The registrar's lookup for an actor the session already named: authorisation, validation and the access
 * log are the use case's. The form's mode decides which fields count, so a value typed into another card is
 * never sent along. (Separate from the server action so the outage test can drive it: api/v1/degraded.)
 */
export async function workspaceLookup(actor: Actor, values: LookupFormValues): Promise<LookupFormState> {
  const mode = values.mode;
  const input: LookupInput =
    mode === 'enp'
      ? { enp: values.enp, onDate: values.onDate }
      : mode === 'snils'
        ? { snils: values.snils, birthDate: values.birthDate, onDate: values.onDate }
        : {
            docType: values.docType,
            series: values.series,
            number: values.number,
            birthDate: values.birthDate,
            onDate: values.onDate,
          };
  try {
    enforceRateLimit(actor);
    const query = parseLookupQuery(input, lookupToday());
    const outcome = await lookupPolicy(query, { actor, channel: 'clinic_ui' });
    const warnings = lookupWarnings(query).map((w) => w.message);
    return { values, errors: [], formError: null, result: { outcome, warnings } };
  } catch (error) {
    return refusalState(values, error);
  }
}
