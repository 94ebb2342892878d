import type { ReactNode } from 'react';
import type { AnswerRow } from './journey-parts';
import { CHECK, DONE, START, type JourneyState } from './journey-state';
import { CheckForm, JourneyFrame, StartForm, StepForm, StopPage, type Stop } from './journey-ui';

/** What a journey's screen gets: the state the server answered with, its answers and its view. */
export interface Screen<V> {
  state: JourneyState<unknown, V>;
  answers: Record<string, string>;
  view: Partial<NonNullable<V>>;
}

/** One step's page: its question and fields; or, when the register says this person cannot go on, why. */
export interface StepScreen<V> {
  /** The question and fields, inside the step's form (with «Продолжить» and, after the first page, «Назад»). */
  form: (s: Screen<V>) => ReactNode;
  /** Instead of the form: why the step cannot go on now (null when it can). */
  stop?: (s: Screen<V>) => Stop | null;
}

/**
 * A journey's screens — the words around the one engine (journey-flow.ts) and the one set of step
 * components (journey-ui.tsx): the step pages by step id, the «Проверьте ответы» rows, the outcome.
 */
export interface JourneyScreens<R, V> {
  /** The journey's id, as its server spec has it. */
  id: string;
  steps: Readonly<Record<string, StepScreen<V>>>;
  check: {
    rows: (s: Screen<V>) => AnswerRow[];
    /** What sending means, under the rows. */
    note: (s: Screen<V>) => ReactNode;
  };
  done: (result: R) => ReactNode;
}

/** The «За кого» row of a check page: only for a citizen who was asked (someone with children). */
export function personRow(label: string, person: string | null | undefined): AnswerRow[] {
  return person ? [{ label, value: person, step: 'person' }] : [];
}

/**
 * The page of a journey for the state the server answered with. Rendered on the server only (ADR 0016):
 * the browser gets plain HTML whose forms post to the journey's action.
 */
export function JourneyScreenOf<R, V>({
  screens,
  state,
  action,
  canStart,
  children,
}: {
  screens: JourneyScreens<R, V>;
  state: JourneyState<R, V>;
  action: (form: FormData) => void;
  /** False when the start page explains why this citizen cannot apply (no «Начать»). */
  canStart: boolean;
  /** The start page's text. */
  children: ReactNode;
}) {
  const s: Screen<V> = { state, answers: state.answers, view: state.view ?? {} };
  const step = Object.hasOwn(screens.steps, state.step) ? screens.steps[state.step] : undefined;
  const stop = step?.stop?.(s);
  const page =
    state.step === DONE && state.result !== null ? (
      screens.done(state.result)
    ) : state.step === CHECK ? (
      <CheckForm action={action} state={state} rows={screens.check.rows(s)}>
        {screens.check.note(s)}
      </CheckForm>
    ) : stop ? (
      <StopPage action={action} state={state} stop={stop} />
    ) : step && state.step !== START ? (
      <StepForm action={action} state={state}>
        {step.form(s)}
      </StepForm>
    ) : (
      <>
        {children}
        {canStart ? <StartForm action={action} /> : null}
      </>
    );
  return <JourneyFrame state={state}>{page}</JourneyFrame>;
}
