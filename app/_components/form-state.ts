import { isAppError } from '@/lib/errors';

/** The state a server-action form returns: what was typed (never a password), errors per field, a message. */
export interface FormState<TResult = never> {
  values: Record<string, string>;
  errors: { field: string; message: string }[];
  /** A message for the whole form (e.g. "Неверный логин или пароль"). */
  formError: string | null;
  result: TResult | null;
}

export const emptyFormState = <T>(): FormState<T> => ({
  values: {},
  errors: [],
  formError: null,
  result: null,
});

export function errorFor(state: FormState<unknown>, field: string): string | undefined {
  return state.errors.find((e) => e.field === field)?.message;
}

/** A text field of a posted form; files and missing fields read as empty. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A use case's refusal as a form's state: each invalid field beside its input, anything else as the form's
 * message; what was typed is kept. A field the form does not show (`notOnForm`, e.g. an ИИН eGov vouched
 * for) cannot be fixed there, so its refusal is said for the whole form. Anything that is not a catalogued
 * error is rethrown: it is a bug and goes on to the error page.
 */
export function refusalState<T>(
  values: Record<string, string>,
  error: unknown,
  notOnForm: readonly string[] = [],
): FormState<T> {
  if (!isAppError(error)) throw error;
  const errors = error.fields
    .filter((f) => !notOnForm.includes(f.field))
    .map((f) => ({ field: f.field, message: f.message }));
  const whole = errors.length === 0 || errors.length < error.fields.length;
  return { values, errors, formError: whole ? error.message : null, result: null };
}
