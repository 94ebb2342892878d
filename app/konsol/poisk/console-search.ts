import type { Actor } from '@/lib/auth/actor';
import { searchRegister, type SearchQuery, type SearchResult } from '@/lib/register/search-register';
import { refusalState, type FormState } from '@/app/_components/form-state';

export type SearchFormState = FormState<SearchResult>;

export const SEARCH_FIELDS = [
  'po',
  'fullName',
  'birthDate',
  'documentKind',
  'series',
  'number',
  'enp',
  'snils',
  'page',
] as const;
export type SearchFormValues = Record<(typeof SEARCH_FIELDS)[number], string>;

/** The form's values as the use case's query: only the fields of the chosen way of searching count. */
export function toSearchQuery(values: SearchFormValues): SearchQuery {
  const page = values.page ? Number(values.page) : 1;
  switch (values.po) {
    case 'document':
      return {
        kind: 'document',
        documentKind: Number(values.documentKind),
        series: values.series,
        number: values.number,
        page,
      };
    case 'enp':
      return { kind: 'enp', enp: values.enp, page };
    case 'snils':
      return { kind: 'snils', snils: values.snils, page };
    default:
      return { kind: 'name', fullName: values.fullName, birthDate: values.birthDate, page };
  }
}

/** Runs the search for the signed-in employee; refusals become the form's errors. */
export async function consoleSearch(actor: Actor, values: SearchFormValues): Promise<SearchFormState> {
  try {
    const result = await searchRegister(actor, toSearchQuery(values));
    return { values, errors: [], formError: null, result };
  } catch (error) {
    return refusalState(values, error);
  }
}
