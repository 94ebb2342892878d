'use server';

import { currentStaff } from '@/lib/auth/staff-context';
import { formText } from '../../_components/form-state';
import { consoleSearch, SEARCH_FIELDS, type SearchFormState, type SearchFormValues } from './console-search';

/** The register search of the console. The employee comes from the session, never from the form. */
export async function searchAction(_prev: SearchFormState, form: FormData): Promise<SearchFormState> {
  const values = Object.fromEntries(SEARCH_FIELDS.map((f) => [f, formText(form, f)])) as SearchFormValues;
  const staff = await currentStaff();
  if (!staff) return { values, errors: [], formError: 'Сессия закончилась. Войдите снова.', result: null };
  return consoleSearch(staff.actor, values);
}
