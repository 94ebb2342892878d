/**
 * Multi-page journeys without JavaScript: each step posts the answers so far (hidden fields) plus the
 * current page's fields to one server action, which validates the page and answers with the next step.
 * Nothing is stored until the final "Отправить", so an abandoned journey leaves no trace.
 */
export interface JourneyState<TResult = unknown, TView = unknown> {
  /** Which journey (its folder under /lk): the one action and the one page renderer look it up by this. */
  journey: string;
  step: string;
  /** The fields the current page asks (they are not carried along as hidden answers). */
  fields: readonly string[];
  /** The page before this one, for «Назад»; null on the first page. */
  back: string | null;
  answers: Record<string, string>;
  errors: { field: string; message: string }[];
  formError: string | null;
  result: TResult | null;
  /** What the step needs on screen (choices, the pre-check), loaded by the server for this step. */
  view: TView | null;
}

export const ANSWER_PREFIX = 'answer.';

/** The pages every journey has besides its own steps: the start page, «Проверьте ответы», the outcome. */
export const START = 'start';
export const CHECK = 'check';
export const DONE = 'done';

/** What the person pressed: go on, go back to change one answer, or send the application. */
export type JourneyIntent = { kind: 'continue' } | { kind: 'change'; step: string } | { kind: 'submit' };

export function readJourneyForm(form: FormData): {
  step: string;
  answers: Record<string, string>;
  intent: JourneyIntent;
} {
  const answers: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value !== 'string') continue;
    if (key.startsWith(ANSWER_PREFIX)) answers[key.slice(ANSWER_PREFIX.length)] = value;
  }
  // Fields of the current page override what was carried along.
  for (const [key, value] of form.entries()) {
    if (
      typeof value === 'string' &&
      !key.startsWith(ANSWER_PREFIX) &&
      !key.startsWith('$') &&
      !key.startsWith('_')
    ) {
      answers[key] = value.trim();
    }
  }
  const intentRaw = form.get('_intent');
  const intent: JourneyIntent =
    typeof intentRaw === 'string' && intentRaw.startsWith('change:')
      ? { kind: 'change', step: intentRaw.slice('change:'.length) }
      : intentRaw === 'submit'
        ? { kind: 'submit' }
        : { kind: 'continue' };
  const step = form.get('_step');
  return { step: typeof step === 'string' ? step : '', answers, intent };
}

export function journeyAt<T, V = unknown>(
  journey: string,
  step: string,
  answers: Record<string, string>,
  extra: Partial<JourneyState<T, V>> = {},
): JourneyState<T, V> {
  return {
    journey,
    step,
    fields: [],
    back: null,
    answers,
    errors: [],
    formError: null,
    result: null,
    view: null,
    ...extra,
  };
}
