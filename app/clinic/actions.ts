'use server';

import { currentIdentity } from '@/lib/auth/session';
import { formText } from '../_components/form-state';
import {
  OSMS_LOOKUP_FIELDS,
  workspaceOsmsLookup,
  type OsmsLookupFormState,
  type OsmsLookupFormValues,
} from './workspace-osms-lookup';
import {
  LOOKUP_FIELDS,
  workspaceLookup,
  type LookupFormState,
  type LookupFormValues,
} from './workspace-lookup';

/** The registrar's lookup. The actor comes from the session cookie only. */
export async function lookupAction(_prev: LookupFormState, form: FormData): Promise<LookupFormState> {
  const values = Object.fromEntries(LOOKUP_FIELDS.map((f) => [f, formText(form, f)])) as LookupFormValues;
  const identity = await currentIdentity();
  if (!identity) return { values, errors: [], formError: 'Сессия закончилась. Войдите снова.', result: null };
  return workspaceLookup(identity.actor, values);
}

/** The registrar's lookup by ИИН (a Kazakh deployment). The actor comes from the session cookie only. */
export async function osmsLookupAction(
  _prev: OsmsLookupFormState,
  form: FormData,
): Promise<OsmsLookupFormState> {
  const values = Object.fromEntries(
    OSMS_LOOKUP_FIELDS.map((f) => [f, formText(form, f)]),
  ) as OsmsLookupFormValues;
  const identity = await currentIdentity();
  if (!identity) return { values, errors: [], formError: 'Сессия закончилась. Войдите снова.', result: null };
  return workspaceOsmsLookup(identity.actor, values);
}
