import { isAppError } from '@/lib/errors';
import type { FormState } from '../../_components/form-state';

/**
 * A use case's refusal as a console form's state: the invalid fields beside their inputs, anything else
 * as the form's message; what was typed is kept. Anything that is not a catalogued error is rethrown.
 */
export function refusalState<T>(values: Record<string, string>, error: unknown): FormState<T> {
  if (!isAppError(error)) throw error;
  return error.fields.length
    ? {
        values,
        errors: error.fields.map((f) => ({ field: f.field, message: f.message })),
        formError: null,
        result: null,
      }
    : { values, errors: [], formError: error.message, result: null };
}
