import type { Actor } from '@/lib/auth/actor';
import { searchKzPersons, type KzSearchQuery, type KzSearchResult } from '@/lib/kz/console/search-kz-persons';
import { refusalState, type FormState } from '@/app/_components/form-state';

export type KzSearchFormState = FormState<KzSearchResult>;

export const KZ_SEARCH_FIELDS = ['po', 'iin', 'fullName', 'birthDate', 'page'] as const;
export type KzSearchFormValues = Record<(typeof KZ_SEARCH_FIELDS)[number], string>;

/** The form's values as the use case's query: only the fields of the chosen way of searching count. */
export function toKzSearchQuery(values: KzSearchFormValues): KzSearchQuery {
  const page = values.page ? Number(values.page) : 1;
  return values.po === 'name'
    ? { kind: 'name', fullName: values.fullName, birthDate: values.birthDate, page }
    : { kind: 'iin', iin: values.iin, page };
}

/** Runs the search for the signed-in employee; refusals become the form's errors. */
export async function kzConsoleSearch(actor: Actor, values: KzSearchFormValues): Promise<KzSearchFormState> {
  try {
    const result = await searchKzPersons(actor, toKzSearchQuery(values));
    return { values, errors: [], formError: null, result };
  } catch (error) {
    return refusalState(values, error);
  }
}
