import type { Actor } from '@/lib/auth/actor';
import { lookupOsmsStatus } from '@/lib/kz/lookup/lookup-osms-status';
import type { OsmsLookupOutcome } from '@/lib/kz/lookup/osms-answer';
import { parseOsmsLookup } from '@/lib/kz/lookup/osms-lookup-query';
import { kzToday } from '@/lib/kz/today';
import { enforceRateLimit } from '@/lib/rate-limit/rate-limits';
import { refusalState, type FormState } from '../_components/form-state';

export type OsmsLookupFormState = FormState<OsmsLookupOutcome>;

export const OSMS_LOOKUP_FIELDS = ['iin', 'onDate'] as const;
export type OsmsLookupFormValues = Record<(typeof OSMS_LOOKUP_FIELDS)[number], string>;

/**
 * The registrar's lookup by ИИН in a Kazakh deployment, for an actor the session already named:
 * authorisation, validation and the access log are the use case's (the Russian workspace's frame,
 * ./workspace-lookup.ts).
 */
export async function workspaceOsmsLookup(
  actor: Actor,
  values: OsmsLookupFormValues,
): Promise<OsmsLookupFormState> {
  try {
    enforceRateLimit(actor);
    const query = parseOsmsLookup(values, kzToday());
    const outcome = await lookupOsmsStatus(query, { actor, channel: 'clinic_ui' });
    return { values, errors: [], formError: null, result: outcome };
  } catch (error) {
    return refusalState(values, error);
  }
}
