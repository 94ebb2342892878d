import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { Fragment } from 'react';
import type { ApplicationReview } from '@/lib/applications/application-review';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { REFUSAL_REASONS } from '@/lib/applications/refusal-reasons';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';
import { formatEnp } from '@/lib/domain/ru/enp';
import { IssueForm, RefuseForm } from './decision-forms';
import { applicationReview, segment } from './review';

type Params = Promise<{ nomer: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The path segment as typed: percent-decoded when it decodes, as is when it does not (`%D0`). */

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { nomer } = await params;
  return { title: `Заявление № ${segment(nomer).slice(0, 20)}` };
}

const CHECK_OUTCOMES: Record<ApplicationReview['checks'][number]['outcome'], [string, string]> = {
  passed: ['пройдена', 'tag tag--ok'],
  doubt: ['вызвала сомнение', 'tag tag--bad'],
  not_run: ['не проводилась', 'tag'],
};

const DONE_NOTICES: Record<string, string> = {
  oformleno: 'Решение принято: полис оформлен, заявитель получил уведомление.',
  otkaz: 'Решение принято: в заявлении отказано, заявитель получил уведомление с причиной.',
};

/**
 * The application page of the console: what was submitted, the automatic checks, the history, the persons
 * concerned, and — while it waits and the employee may decide — the decision forms.
 */
export default async function ApplicationReviewPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const { nomer } = await params;
  const number = segment(nomer);
  const done = (await searchParams).reshenie;
  const review = await applicationReview(number);
  const app = review.application;
  const notice = typeof done === 'string' ? DONE_NOTICES[done] : undefined;
  return (
    <>
      <p>
        <Link href="/konsol/zayavleniya">← К очереди заявлений</Link>
      </p>
      <h1>Заявление № {app.number}</h1>
      {notice ? (
        <div className="panel panel--action" role="status" data-testid="decision-notice">
          <p>{notice}</p>
        </div>
      ) : null}
      <dl className="summary-list" data-testid="application-head">
        <dt>Вид</dt>
        <dd>{app.kindLabel}</dd>
        <dt>Статус</dt>
        <dd data-testid="application-status">{app.statusLabel}</dd>
        <dt>Регион, СМО</dt>
        <dd>
          {review.regionName ?? '—'}
          {review.insurerName ? `, ${review.insurerName}` : ''}
        </dd>
        <dt>Подано (мск)</dt>
        <dd>{app.submittedAt ? formatMoscowDateTime(app.submittedAt) : '—'}</dd>
        <dt>Срок (мск)</dt>
        <dd>
          {app.dueAt ? formatMoscowDateTime(app.dueAt) : '—'}
          {review.timeLeft ? (
            <>
              {' '}
              <span className={review.timeLeft.overdue ? 'tag tag--bad' : 'tag'}>{review.timeLeft.text}</span>
            </>
          ) : null}
        </dd>
        {app.decidedAt ? (
          <>
            <dt>Решение (мск)</dt>
            <dd>
              {formatMoscowDateTime(app.decidedAt)}
              {review.decidedBy ? `, ${review.decidedBy}` : ''}
            </dd>
          </>
        ) : null}
        {app.reasonText ? (
          <>
            <dt>{app.status === 'refused' ? 'Причина отказа' : 'Почему у специалиста'}</dt>
            <dd data-testid="application-reason">{app.reasonText}</dd>
          </>
        ) : null}
      </dl>

      <h2>Данные заявления</h2>
      {review.data.map((section) => (
        <Fragment key={section.title}>
          <h3>{section.title}</h3>
          <dl className="summary-list">
            {section.rows.map((r) => (
              <Fragment key={r.label}>
                <dt>{r.label}</dt>
                <dd>{r.value}</dd>
              </Fragment>
            ))}
          </dl>
        </Fragment>
      ))}

      <h2>Автоматические проверки</h2>
      {review.checks.length ? (
        <table className="table" data-testid="checks">
          <caption className="visually-hidden">Результаты автоматических проверок</caption>
          <thead>
            <tr>
              <th scope="col">Проверка</th>
              <th scope="col">Результат</th>
            </tr>
          </thead>
          <tbody>
            {review.checks.map((c) => (
              <tr key={c.label}>
                <td>{c.label}</td>
                <td>
                  <span className={CHECK_OUTCOMES[c.outcome][1]}>{CHECK_OUTCOMES[c.outcome][0]}</span>
                  {c.text ? <p>{c.text}</p> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Заявление этого вида проверяет и исполняет регистр при подаче: отдельных проверок нет.</p>
      )}
      {review.laterDoubts.length ? (
        <>
          <h3>После проверок</h3>
          <ul>
            {review.laterDoubts.map((d) => (
              <li key={d}>{d}</li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>Кого касается</h2>
      {review.persons.length ? (
        <ul className="people-list" data-testid="persons">
          {review.persons.map((p) => (
            <li key={p.personId}>
              <Link href={`/konsol/lica/${p.personId}?zayavlenie=${app.number}` as Route}>{p.name}</Link>,{' '}
              {formatDateRu(p.birthDate as LocalDate)} г. р., ЕНП {formatEnp(p.enp)} — {p.role}
            </li>
          ))}
        </ul>
      ) : (
        <p>Заявителя пока нет в регистре; проверки не нашли в регистре похожих людей.</p>
      )}

      <h2>История</h2>
      <table className="table" data-testid="history">
        <caption className="visually-hidden">История статусов заявления</caption>
        <thead>
          <tr>
            <th scope="col">Когда (мск)</th>
            <th scope="col">Статус</th>
            <th scope="col">Кто</th>
            <th scope="col">Комментарий</th>
          </tr>
        </thead>
        <tbody>
          {review.history.map((h, i) => (
            <tr key={i}>
              <td>{formatMoscowDateTime(h.at)}</td>
              <td>{h.statusLabel}</td>
              <td>{h.by}</td>
              <td>{h.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {review.canDecide ? (
        <section aria-labelledby="decision-title">
          <h2 id="decision-title">Решение</h2>
          <div className="decision-forms">
            {review.issuable ? <IssueForm number={app.number} /> : null}
            <RefuseForm number={app.number} reasons={Object.entries(REFUSAL_REASONS)} />
          </div>
        </section>
      ) : null}
    </>
  );
}
