'use server';

import { currentStaff } from '@/lib/auth/staff-context';
import { formText } from '../../../_components/form-state';
import {
  kzConsoleSearch,
  KZ_SEARCH_FIELDS,
  type KzSearchFormState,
  type KzSearchFormValues,
} from './kz-console-search';

/** The console's search in a Kazakh register. The employee comes from the session, never from the form. */
export async function kzSearchAction(_prev: KzSearchFormState, form: FormData): Promise<KzSearchFormState> {
  const values = Object.fromEntries(
    KZ_SEARCH_FIELDS.map((f) => [f, formText(form, f)]),
  ) as KzSearchFormValues;
  const staff = await currentStaff();
  if (!staff) return { values, errors: [], formError: 'Сессия закончилась. Войдите снова.', result: null };
  return kzConsoleSearch(staff.actor, values);
}
