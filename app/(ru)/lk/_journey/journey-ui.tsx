import type { ReactNode } from 'react';
import { PROVISIONAL_DUE_NOTE } from '@/lib/applications/provisional-due-note';
import type { DecidedOutcome } from './decided';
import { ErrorSummary } from '@/app/_components/error-summary';
import { Field } from '@/app/_components/field';
import { CarriedAnswers, CheckAnswers, Confirmation, type AnswerRow } from './journey-parts';
import type { JourneyState } from './journey-state';

type FormAction = (form: FormData) => void;

/**
 * The frame of every journey page: the error summary on top. Portal pages are served as plain HTML
 * (ADR 0016): every step is a new page, and `public/portal.js` moves the focus to the summary.
 */
export function JourneyFrame({
  state,
  children,
}: {
  state: JourneyState<unknown, unknown>;
  children: ReactNode;
}) {
  return (
    <div className="journey">
      <ErrorSummary errors={state.errors} formError={state.formError} />
      {children}
    </div>
  );
}

/** The message beside a field, the same words as in the summary. */
export function errorOf(state: JourneyState<unknown, unknown>, field: string): string | undefined {
  return state.errors.find((e) => e.field === field)?.message;
}

/**
 * One question page: a plain form post (works without JavaScript) carrying the answers so far, this
 * page's fields, «Продолжить» and, where there is a page before, «Назад» (which keeps what was typed).
 */
export function StepForm({
  action,
  state,
  children,
}: {
  action: FormAction;
  state: JourneyState<unknown, unknown>;
  children: ReactNode;
}) {
  return (
    <form action={action} noValidate>
      <input type="hidden" name="_step" value={state.step} />
      <CarriedAnswers answers={state.answers} except={[...state.fields]} />
      {children}
      <div className="button-row">
        <button className="button" type="submit">
          Продолжить
        </button>
        {state.back ? (
          <button
            className="button button--secondary"
            type="submit"
            name="_intent"
            value={`change:${state.back}`}
          >
            Назад
          </button>
        ) : null}
      </div>
    </form>
  );
}

/** A question page's heading. */
export function Question({ caption, children }: { caption?: string; children: ReactNode }) {
  return (
    <>
      {caption ? <p className="journey-caption">{caption}</p> : null}
      <h1>{children}</h1>
    </>
  );
}

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
}

/**
 * A group of radios with its legend, hint and error. The first radio carries the field's id, so the error
 * summary's link lands on the group.
 */
export function Radios({
  name,
  legend,
  options,
  value,
  error,
  hint,
  headingLegend = false,
}: {
  name: string;
  legend: string;
  options: RadioOption[];
  value: string | undefined;
  error?: string;
  hint?: ReactNode;
  /** The legend is the page's question (its h1). */
  headingLegend?: boolean;
}) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="radios" aria-describedby={describedBy || undefined}>
        <legend className={headingLegend ? 'radios__legend--page' : undefined}>
          {headingLegend ? <h1>{legend}</h1> : legend}
        </legend>
        {hint ? (
          <div className="hint" id={`${name}-hint`}>
            {hint}
          </div>
        ) : null}
        {error ? (
          <p className="error-message" id={`${name}-error`}>
            <span className="visually-hidden">Ошибка: </span>
            {error}
          </p>
        ) : null}
        {options.map((o, i) => {
          const id = i === 0 ? name : `${name}-${i}`;
          return (
            <div className="radio" key={o.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={o.value}
                defaultChecked={value === o.value}
                aria-describedby={o.hint ? `${id}-item-hint` : undefined}
              />
              <div>
                <label htmlFor={id}>{o.label}</label>
                {o.hint ? (
                  <div className="hint radio__hint" id={`${id}-item-hint`}>
                    {o.hint}
                  </div>
                ) : null}
              </div>
            </div>
          );
        })}
      </fieldset>
    </div>
  );
}

/** A text field whose value survives an error (what the person typed comes back from the server). */
export function TextField({
  state,
  name,
  label,
  hint,
  short = false,
  numeric = false,
  autoComplete = 'off',
}: {
  state: JourneyState<unknown, unknown>;
  name: string;
  label: string;
  hint?: string;
  short?: boolean;
  numeric?: boolean;
  autoComplete?: string;
}) {
  return (
    <Field id={name} name={name} label={label} hint={hint} error={errorOf(state, name)}>
      {(p) => (
        <input
          {...p}
          className={`input${short ? ' input--short' : ''}`}
          type="text"
          inputMode={numeric ? 'numeric' : undefined}
          autoComplete={autoComplete}
          spellCheck={false}
          defaultValue={state.answers[name] ?? ''}
        />
      )}
    </Field>
  );
}

/** A date typed as ДД.ММ.ГГГГ. */
export function DateField(props: {
  state: JourneyState<unknown, unknown>;
  name: string;
  label: string;
  hint?: string;
}) {
  return <TextField {...props} hint={props.hint ?? 'Например, 27.03.2020'} short numeric />;
}

/**
 * «Проверьте ответы»: every answer with «Изменить» (back to its page, answers kept) and the button that
 * sends the application. The answers travel as hidden fields, including the form's token, so a double
 * post is the same application.
 */
export function CheckForm({
  action,
  state,
  rows,
  children,
}: {
  action: FormAction;
  state: JourneyState<unknown, unknown>;
  rows: AnswerRow[];
  children?: ReactNode;
}) {
  return (
    <form action={action} noValidate>
      <input type="hidden" name="_step" value="check" />
      <CarriedAnswers answers={state.answers} />
      <Question>Проверьте ответы</Question>
      <CheckAnswers rows={rows} />
      {children}
      <button className="button" type="submit" name="_intent" value="submit">
        Отправить заявление
      </button>
    </form>
  );
}

/** The start page's button: a post, so the journey starts on the server (and gets its form token). */
export function StartForm({ action }: { action: FormAction }) {
  return (
    <form action={action}>
      <input type="hidden" name="_step" value="start" />
      <button className="button button--start" type="submit">
        Начать
      </button>
    </form>
  );
}

/** The «За кого» question: the citizen or one of the children they represent. */
export function PersonQuestion({
  state,
  people,
  question = 'За кого вы подаёте заявление?',
}: {
  state: JourneyState<unknown, unknown>;
  people: readonly { value: string; name: string; birthDate: string; self: boolean }[];
  question?: string;
}) {
  return (
    <Radios
      name="person"
      legend={question}
      headingLegend
      hint="Родитель подаёт заявления за своих детей до 18 лет."
      value={state.answers.person}
      error={errorOf(state, 'person')}
      options={people.map((p) => ({
        value: p.value,
        label: p.self ? `За себя — ${p.name}` : `${p.name}, ${p.birthDate}`,
      }))}
    />
  );
}

/** Why a step cannot go on now (the register's pre-check said no), as a page of its own without a form. */
export interface Stop {
  /** Whose application, when the citizen chose someone. */
  caption?: string;
  /** What cannot be changed, in the accusative: «страховую компанию», «поликлинику». */
  what: string;
  message: string;
  nextAllowedDate: string | null;
  /** What stays as it is (the current insurer, the current clinic). */
  after: ReactNode;
  /** Below the buttons. */
  closing?: ReactNode;
}

/** What a pre-check of the register said (may the person change their insurer, their clinic now). */
export interface Precheck {
  allowed: boolean;
  message: string;
  nextAllowedDate: string | null;
  person?: string;
}

/** The stop page of a pre-check that said no (null when it allows going on). */
export function stopUnlessAllowed<P extends Precheck>(
  check: P | undefined,
  what: string,
  after: (check: P) => ReactNode,
  closing?: ReactNode,
): Stop | null {
  if (check?.allowed) return null;
  return {
    caption: check?.person,
    what,
    message: check?.message ?? '',
    nextAllowedDate: check?.nextAllowedDate ?? null,
    after: check ? after(check) : null,
    closing,
  };
}

/**
 * The page of a step that cannot go on: the reason, from when it will be possible, and — where there was a
 * page before (the «За кого» question) — a button to go back and choose someone else.
 */
export function StopPage({
  action,
  state,
  stop,
}: {
  action: FormAction;
  state: JourneyState<unknown, unknown>;
  stop: Stop;
}) {
  return (
    <>
      <Question caption={stop.caption}>Сменить {stop.what} сейчас нельзя</Question>
      <div className="status status--bad" data-testid="precheck">
        <h2>Почему</h2>
        <p>{stop.message}</p>
        {stop.nextAllowedDate ? (
          <p>
            Сменить {stop.what} можно будет <strong>с {stop.nextAllowedDate}</strong>.
          </p>
        ) : null}
      </div>
      {stop.after}
      {state.back ? (
        <form action={action}>
          <input type="hidden" name="_step" value={state.step} />
          <button
            className="button button--secondary"
            type="submit"
            name="_intent"
            value={`change:${state.back}`}
          >
            Выбрать другого человека
          </button>
        </form>
      ) : null}
      {stop.closing}
    </>
  );
}

/** The same form had been sent before: the outcome shown is the first application's. */
export function Repeated({ repeated }: { repeated: boolean }) {
  return repeated ? (
    <p className="inset">Это заявление уже было отправлено раньше: показываем его результат.</p>
  ) : null;
}

/** What an operator is to check in an application the automatic check could not decide. */
export function ReviewReasons({ reasons }: { reasons: readonly string[] }) {
  return reasons.length ? (
    <>
      <p>Что нужно проверить:</p>
      <ul>
        {reasons.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </>
  ) : null;
}

/** An application the register could not decide at once: an operator will (what they check, by when). */
export function WaitingConfirmation({
  number,
  repeated,
  dueProvisional,
  children,
}: {
  number: string | undefined;
  repeated: boolean;
  /** The due time in `children` was counted without the official production calendar. */
  dueProvisional: boolean;
  /** Who decides by when, and what that means meanwhile. */
  children: ReactNode;
}) {
  return (
    <Confirmation title="Заявление принято" number={number} tone="waiting">
      <Repeated repeated={repeated} />
      <h2>Что дальше</h2>
      {children}
      {dueProvisional ? (
        <p className="hint-block" data-testid="due-provisional">
          {PROVISIONAL_DUE_NOTE}
        </p>
      ) : null}
    </Confirmation>
  );
}

/** An application refused (or cancelled) by the register or an operator, with the reason when there is one. */
export function ClosedConfirmation({
  title,
  number,
  repeated,
  refusal,
  children,
}: {
  title: string;
  number: string | undefined;
  repeated: boolean;
  refusal: string | null;
  children?: ReactNode;
}) {
  return (
    <Confirmation title={title} number={number} tone="refused">
      <Repeated repeated={repeated} />
      {refusal ? <p>{refusal}</p> : null}
      {children}
    </Confirmation>
  );
}

/** The outcome of journeys 3–6, decided by the register at once (or waiting when it could not be). */
function DecidedConfirmation({
  outcome,
  doneTitle,
  refusedTitle,
  children,
}: {
  outcome: DecidedOutcome;
  doneTitle: string;
  refusedTitle: string;
  /** What the change means, for a done application. */
  children: ReactNode;
}) {
  const repeated = <Repeated repeated={outcome.repeated} />;
  if (outcome.status === 'refused') {
    return (
      <Confirmation title={refusedTitle} number={outcome.number} tone="refused">
        {repeated}
        <h2>Почему</h2>
        <p data-testid="refusal">{outcome.refusal}</p>
        {outcome.nextAllowedDate ? (
          <p>
            Подать заявление снова можно <strong>с {outcome.nextAllowedDate}</strong>.
          </p>
        ) : null}
      </Confirmation>
    );
  }
  if (outcome.status === 'submitted') {
    return (
      <WaitingConfirmation
        number={outcome.number}
        repeated={outcome.repeated}
        dueProvisional={outcome.dueProvisional}
      >
        <p>
          Регистр не смог рассмотреть заявление сразу. Его рассмотрит сотрудник до{' '}
          <strong>{outcome.dueAt}</strong> (по московскому времени).
        </p>
      </WaitingConfirmation>
    );
  }
  return (
    <Confirmation title={doneTitle} number={outcome.number}>
      {repeated}
      <h2>Что дальше</h2>
      {children}
    </Confirmation>
  );
}

/**
 * The outcome screen of a journey the register decides at once (3–6): its titles for done and refused,
 * and what a done change means.
 */
export function decidedScreen<R extends DecidedOutcome>(
  doneTitle: string,
  refusedTitle: string,
  meaning: (r: R) => ReactNode,
): (r: R) => ReactNode {
  return function DecidedScreen(r) {
    return (
      <DecidedConfirmation outcome={r} doneTitle={doneTitle} refusedTitle={refusedTitle}>
        {meaning(r)}
      </DecidedConfirmation>
    );
  };
}
