import type { ReactNode } from 'react';
import { ANSWER_PREFIX } from './journey-state';

/** The answers given on other pages, carried along as hidden fields (except those of this page). */
export function CarriedAnswers({
  answers,
  except = [],
}: {
  answers: Record<string, string>;
  except?: string[];
}) {
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

/**
 * The last page: the application's number and what happens next. `done` is GOV.UK's green panel; a refusal
 * or an application waiting for an operator is a plainer panel, so the colour does not promise success.
 */
export function Confirmation({
  title,
  number,
  tone = 'done',
  children,
}: {
  title: string;
  number?: string;
  tone?: 'done' | 'waiting' | 'refused';
  children: ReactNode;
}) {
  return (
    <>
      <section
        className={`confirmation${tone === 'done' ? '' : ` confirmation--${tone}`}`}
        aria-labelledby="confirmation-title"
        data-testid="confirmation"
      >
        <h1 id="confirmation-title" tabIndex={-1}>
          {title}
        </h1>
        {number ? (
          <p className="confirmation__number">
            Номер заявления: <strong data-testid="application-number">{number}</strong>
          </p>
        ) : null}
      </section>
      {children}
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the cabinet uses plain links (a full page load shows the new status and unread count) */}
        <a href="/lk/zayavleniya">Мои заявления</a> — статус заявления и его история. Когда статус изменится,
        мы пришлём уведомление в личный кабинет.
      </p>
      <p>
        <a href="/lk">Вернуться в личный кабинет</a>
      </p>
    </>
  );
}
