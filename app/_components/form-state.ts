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
