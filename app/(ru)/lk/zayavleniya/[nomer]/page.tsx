import type { Metadata } from 'next';
import { Fragment } from 'react';
import { formatEnp } from '@/lib/domain/ru/enp';
import {
  getApplication,
  type ApplicationDetails,
  type GetApplicationInput,
} from '@/lib/portal/get-application';
import { dateRu, dateTimeRu, refusalFrom, signedInCitizen, type Refusal } from '../../_cabinet/cabinet';
import { ApplicationHeadRows, ApplicationStatusTag, DueTime, RefusalPanel } from '../../_cabinet/parts';

export const metadata: Metadata = { title: 'Заявление' };

/**
 * The address names the application by its number (`2026-00000012`, as on the confirmation) or by its id.
 * Either is only a reference: the use case answers «не найдено» for anything not the citizen's own or
 * their child's, exactly as for a number that does not exist.
 */
function reference(segment: string): GetApplicationInput {
  const s = segment.trim();
  if (/^\d{1,15}$/.test(s)) return { id: Number(s) };
  return { number: s.slice(0, 32) };
}

function str(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** What was done, in words, from the result the use case recorded (its keys differ by kind). */
function outcome(a: ApplicationDetails): { label: string; value: string }[] {
  const r = a.result ?? {};
  const rows: { label: string; value: string }[] = [];
  const enp = str(r.enp);
  if (enp) rows.push({ label: 'ЕНП', value: formatEnp(enp) });
  const effective = str(r.effectiveDate) ?? str(r.coverageFrom);
  if (effective && /^\d{4}-\d{2}-\d{2}$/.test(effective))
    rows.push({ label: 'С какого дня', value: dateRu(effective) });
  const clinic = str(r.clinicName);
  if (clinic) rows.push({ label: 'Поликлиника', value: clinic });
  return rows;
}

/** Journey 8: one application with its status history. */
export default async function ApplicationPage({ params }: { params: Promise<{ nomer: string }> }) {
  const { nomer } = await params;
  const citizen = await signedInCitizen(`/lk/zayavleniya/${encodeURIComponent(nomer)}`);
  let app: ApplicationDetails | null = null;
  let refusal: Refusal | null = null;
  try {
    app = await getApplication(reference(decodeURIComponent(nomer)), citizen.actor);
  } catch (error) {
    refusal = refusalFrom(error);
  }
  if (!app) {
    return (
      <>
        <h1>Заявление</h1>
        <RefusalPanel refusal={refusal!} backHref="/lk/zayavleniya" />
      </>
    );
  }
  const results = outcome(app);
  return (
    <>
      <p>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- the cabinet uses plain links (full page loads keep the frame's unread count fresh) */}
        <a href="/lk/zayavleniya" className="back-link">
          Мои заявления
        </a>
      </p>
      <h1>
        Заявление № {app.number}
        <span className="h1-caption">{app.kindLabel}</span>
      </h1>
      <dl className="summary-list" data-testid="application-summary">
        <ApplicationHeadRows app={app} moscowNote />
        {app.dueAt ? (
          <>
            <dt>Срок рассмотрения</dt>
            <DueTime
              dueAt={app.dueAt}
              provisional={app.dueProvisional}
              lateNote={app.overdue ? ' — срок прошёл, заявление рассматривается с опозданием' : null}
            />
          </>
        ) : null}
        {app.decidedAt ? (
          <>
            <dt>Решение принято</dt>
            <dd>{dateTimeRu(app.decidedAt)} (мск)</dd>
          </>
        ) : null}
        {app.reasonText ? (
          <>
            <dt>{app.status === 'refused' ? 'Причина отказа' : 'Комментарий'}</dt>
            <dd>{app.reasonText}</dd>
          </>
        ) : null}
        {results.map((r) => (
          <Fragment key={r.label}>
            <dt>{r.label}</dt>
            <dd>{r.value}</dd>
          </Fragment>
        ))}
      </dl>
      {app.overdue ? (
        <div className="notice">
          <p>
            Срок рассмотрения прошёл. Если решение нужно срочно, позвоните в свою страховую компанию и
            назовите номер заявления.
          </p>
        </div>
      ) : null}

      <h2>История</h2>
      <ol className="timeline" data-testid="application-history">
        {app.history.map((h, i) => (
          <li key={`${h.status}-${i}`}>
            <ApplicationStatusTag status={h.status} label={h.statusLabel} />{' '}
            <time dateTime={h.at.toISOString()}>{dateTimeRu(h.at)}</time>
            {h.reason ? <p>{h.reason}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
