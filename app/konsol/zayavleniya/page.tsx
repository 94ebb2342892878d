import type { Metadata, Route } from 'next';
import Link from 'next/link';
import {
  listApplicationQueue,
  QUEUE_STATUS_LABELS,
  QUEUE_STATUSES,
  type QueuePage,
} from '@/lib/applications/application-queue';
import { APPLICATION_KIND_LABELS, formatMoscowDateTime } from '@/lib/applications/labels';
import { requireConsolePage } from '../_shell/require-section';
import { isAppError, type FieldIssue } from '@/lib/errors';
import { ErrorSummary } from '../../_components/error-summary';
import { Field } from '../../_components/field';
import { queueHref, readQueueQuery, toFilter, type QueueQuery, type SearchParams } from './queue-params';

export const metadata: Metadata = { title: 'Заявления' };

/** The use case's field names → the form's. */
const FORM_FIELDS: Record<string, string> = {
  status: 'status',
  kind: 'vid',
  subjectCode: 'region',
  insurerCode: 'smo',
  number: 'nomer',
  page: 'stranica',
};

function Counters({ counters }: { counters: QueuePage['counters'] }) {
  const items: [string, number, string][] = [
    ['Ждут решения', counters.waiting, ''],
    ['Срок сегодня', counters.dueToday, counters.dueToday ? 'queue-counter--warn' : ''],
    ['Просрочено', counters.overdue, counters.overdue ? 'queue-counter--bad' : ''],
    ['Решено в срок за месяц', counters.decidedInTime, ''],
    ['Решено с опозданием за месяц', counters.decidedLate, counters.decidedLate ? 'queue-counter--bad' : ''],
  ];
  return (
    <dl className="queue-counters" aria-label="Счётчики очереди" data-testid="queue-counters">
      {items.map(([label, value, modifier]) => (
        <div key={label} className={`queue-counter ${modifier}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Filters({ q, role, errors }: { q: QueueQuery; role: string; errors: FieldIssue[] }) {
  const error = (field: string) => errors.find((e) => FORM_FIELDS[e.field] === field)?.message;
  const text = (name: 'region' | 'smo' | 'nomer', label: string, placeholder?: string) => (
    <Field id={name} name={name} label={label} error={error(name)}>
      {(p) => (
        <input {...p} className="input input--short" placeholder={placeholder} defaultValue={q[name]} />
      )}
    </Field>
  );
  return (
    <form method="get" action="/konsol/zayavleniya" className="queue-filters" aria-label="Фильтры очереди">
      <Field id="status" name="status" label="Статус" error={error('status')}>
        {(p) => (
          <select {...p} className="select" defaultValue={q.status || 'waiting'}>
            {QUEUE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {QUEUE_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="vid" name="vid" label="Вид заявления" error={error('vid')}>
        {(p) => (
          <select {...p} className="select" defaultValue={q.vid}>
            <option value="">Все виды</option>
            {Object.entries(APPLICATION_KIND_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {role !== 'tfoms_operator' ? text('region', 'Регион (код субъекта)') : null}
      {role !== 'smo_operator' ? text('smo', 'Страховая компания (код)') : null}
      {text('nomer', 'Номер заявления', '2026-00000042')}
      <div className="form-group queue-filters__check">
        <input
          id="prosrocheno"
          name="prosrocheno"
          type="checkbox"
          value="1"
          defaultChecked={q.prosrocheno === '1'}
        />
        <label htmlFor="prosrocheno">Только просроченные</label>
      </div>
      <div className="queue-filters__actions">
        <button className="button" type="submit">
          Показать
        </button>{' '}
        <Link href="/konsol/zayavleniya">Сбросить фильтры</Link>
      </div>
    </form>
  );
}

function QueueTable({ page }: { page: QueuePage }) {
  if (page.items.length === 0) {
    return (
      <p className="panel" data-testid="queue-empty">
        Заявлений с такими условиями нет.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table queue-table" data-testid="queue">
        <caption className="visually-hidden">Заявления</caption>
        <thead>
          <tr>
            <th scope="col">Номер</th>
            <th scope="col">Вид</th>
            <th scope="col">Заявитель</th>
            <th scope="col">Статус</th>
            <th scope="col">Подано (мск)</th>
            <th scope="col">Срок (мск)</th>
            <th scope="col">Осталось</th>
            <th scope="col">Регион, СМО</th>
          </tr>
        </thead>
        <tbody>
          {page.items.map((a) => (
            <tr key={a.id} data-testid="queue-row" data-number={a.number}>
              <td>
                <Link href={`/konsol/zayavleniya/${a.number}` as Route}>{a.number}</Link>
              </td>
              <td>{a.kindLabel}</td>
              <td>{a.applicant}</td>
              <td>{a.statusLabel}</td>
              <td>{a.submittedAt ? formatMoscowDateTime(a.submittedAt) : '—'}</td>
              <td>{a.dueAt ? formatMoscowDateTime(a.dueAt) : '—'}</td>
              <td>
                {a.timeLeft ? (
                  <span className={a.timeLeft.overdue ? 'tag tag--bad' : 'tag'}>{a.timeLeft.text}</span>
                ) : a.decidedAt ? (
                  `решено ${formatMoscowDateTime(a.decidedAt)}`
                ) : (
                  '—'
                )}
              </td>
              <td>
                {a.regionName ?? a.subjectCode ?? '—'}
                {a.insurerName ? `, ${a.insurerName} (${a.insurerCode})` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * «Заявления»: the queue against the deadline, in the employee's scope (the use case decides it), with
 * filters as a plain GET form, the counters and pages.
 */
export default async function ApplicationQueuePage({ searchParams }: { searchParams: SearchParams }) {
  const q = readQueueQuery(await searchParams);
  const staff = await requireConsolePage(queueHref(q, Number(q.stranica) || 1));
  let page: QueuePage | null = null;
  let errors: FieldIssue[] = [];
  let refusal: string | null = null;
  try {
    page = await listApplicationQueue(toFilter(q), staff.actor);
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'VALIDATION_FAILED') errors = error.fields;
    else if (error.code === 'FORBIDDEN')
      refusal =
        'Эти заявления вне вашей зоны ответственности: выберите свой регион или свою страховую компанию.';
    else throw error;
  }
  const current = page?.page ?? 1;
  return (
    <>
      <h1>Заявления</h1>
      <p className="lead">
        Заявления, которые автоматическая проверка передала специалисту, и решения по ним. Срок рассмотрения —
        до конца следующего рабочего дня после подачи.
      </p>
      <ErrorSummary
        errors={errors.map((e) => ({ field: FORM_FIELDS[e.field] ?? e.field, message: e.message }))}
        formError={refusal}
      />
      {page ? <Counters counters={page.counters} /> : null}
      <Filters q={q} role={staff.role} errors={errors} />
      {page ? <QueueTable page={page} /> : null}
      {page && (current > 1 || page.hasNext) ? (
        <nav className="pagination" aria-label="Страницы очереди">
          {current > 1 ? <Link href={queueHref(q, current - 1)}>Предыдущая страница</Link> : null}
          <span>Страница {current}</span>
          {page.hasNext ? <Link href={queueHref(q, current + 1)}>Следующая страница</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
