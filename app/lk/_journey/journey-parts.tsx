import type { ReactNode } from 'react';
import { ANSWER_PREFIX } from './journey-state';

/** The answers given on other pages, carried along as hidden fields (except those of this page). */
export function CarriedAnswers({ answers, except = [] }: { answers: Record<string, string>; except?: string[] }) {
  return (
    <>
      {Object.entries(answers)
        .filter(([k]) => !except.includes(k))
        .map(([k, v]) => (
          <input key={k} type="hidden" name={`${ANSWER_PREFIX}${k}`} value={v} />
        ))}
    </>
  );
}

export interface AnswerRow {
  label: string;
  value: ReactNode;
  /** The step to go back to for changing this answer. */
  step: string;
}

/** GOV.UK "check your answers": each answer with an «Изменить» button that returns to its page. */
export function CheckAnswers({ rows }: { rows: AnswerRow[] }) {
  return (
    <dl className="summary-list check-answers">
      {rows.map((r) => (
        <div key={r.label} className="check-answers__row">
          <dt>{r.label}</dt>
          <dd>{r.value}</dd>
          <dd>
            <button className="button--link" type="submit" name="_intent" value={`change:${r.step}`}>
              Изменить<span className="visually-hidden"> {r.label.toLowerCase()}</span>
            </button>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function Confirmation({ title, number, children }: { title: string; number?: string; children: ReactNode }) {
  return (
    <section className="confirmation" aria-live="polite" data-testid="confirmation">
      <h1>{title}</h1>
      {number ? (
        <p className="confirmation__number">
          Номер заявления: <strong>{number}</strong>
        </p>
      ) : null}
      <div>{children}</div>
    </section>
  );
}
