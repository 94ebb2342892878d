import type { Metadata, Route } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { ErrorSummary } from '@/app/_components/error-summary';
import { Field } from '@/app/_components/field';
import { ACTOR_KIND_LABELS, channelLabels, readPurposeLabels } from '@/lib/audit/audit-labels';
import { ANY_READ, organisationCodesText } from '@/lib/audit/audit-filter';
import { readAuditLog, type AuditEntry, type AuditPage } from '@/lib/audit/read-audit-log';
import { STAFF_ACTION_NAMES, STAFF_ACTIONS } from '@/lib/audit/staff-actions';
import { requireConsolePage } from '../_shell/require-section';
import { formatDateTimeIn } from '@/lib/domain/zoned-time';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { isAppError } from '@/lib/errors';
import {
  auditInputFromParams,
  auditParams,
  auditQuery,
  type AuditField,
  type SearchParams,
} from './audit-params';

export const metadata: Metadata = { title: 'Журнал аудита' };

const PATH = '/konsol/zhurnal';

type Outcome =
  | { ok: true; page: AuditPage }
  | { ok: false; errors: { field: string; message: string }[]; formError: string | null };

function TextFilter(props: {
  field: AuditField;
  label: string;
  hint?: string;
  value: string;
  error?: string;
  inputMode?: 'numeric';
}) {
  return (
    <Field
      id={props.field}
      name={auditParams()[props.field]}
      label={props.label}
      hint={props.hint}
      error={props.error}
    >
      {(p) => (
        <input
          {...p}
          className="input"
          type="text"
          defaultValue={props.value}
          inputMode={props.inputMode}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );
}

interface TextFilterSpec {
  field: AuditField;
  label: string;
  hint: string;
  inputMode?: 'numeric';
}

/** Who, where, whom: the person by the register's key (ЕНП; ИИН). */
function whoWhereWhom(): readonly TextFilterSpec[] {
  const key = jurisdictionProfile().personIdentifier;
  return [
    { field: 'who', label: 'Кто', hint: 'Логин сотрудника, регистратора или ключа' },
    {
      field: 'organisation',
      label: 'Организация',
      hint: `Например: ${organisationCodesText()}`,
    },
    { field: 'person', label: `Кого: ${key.label}`, hint: `${key.digits} цифр`, inputMode: 'numeric' },
  ];
}

const PERIOD: readonly TextFilterSpec[] = [
  { field: 'from', label: 'С даты', hint: 'ДД.ММ.ГГГГ' },
  { field: 'to', label: 'По дату', hint: 'ДД.ММ.ГГГГ, включительно' },
];

function whom(e: AuditEntry) {
  if (e.personKey) return jurisdictionProfile().personIdentifier.format(e.personKey);
  return e.personId ? `№ ${e.personId}` : '—';
}

function detailsOf(e: AuditEntry): string {
  return [
    e.result ? `результат: ${e.result}` : null,
    e.target,
    e.details,
    e.note,
    e.address ? `адрес ${e.address}` : null,
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * The audit log (issue 11, item 5): every staff action and every read of personal data, newest first,
 * with filters in the query string (a plain GET form: works without JavaScript, bookmarkable), paged on
 * the server, and the same filter's CSV export. What an employee may see is decided by the use case.
 */
export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const { input, after } = auditInputFromParams(params);
  const staff = await requireConsolePage(`${PATH}${auditQuery(input, after)}`);
  let outcome: Outcome;
  try {
    outcome = { ok: true, page: await readAuditLog({ ...input, after }, staff.actor) };
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'FORBIDDEN') forbidden();
    outcome = {
      ok: false,
      errors: error.fields.map((f) => ({ field: f.field, message: f.message })),
      formError: error.fields.length ? null : error.message,
    };
  }
  const errorFor = (field: AuditField) =>
    outcome.ok ? undefined : outcome.errors.find((e) => e.field === field)?.message;
  const query = auditQuery(input);
  const profile = jurisdictionProfile();
  const names = auditParams();

  return (
    <>
      <h1>Журнал аудита</h1>
      <p className="lead">
        {staff.actor.role === 'tfoms_operator'
          ? `Действия сотрудников и обращения к персональным данным в регионе ${staff.actor.subjectCode}: организаций региона и о застрахованных в нём.`
          : 'Действия сотрудников и обращения к персональным данным по всей стране.'}
      </p>
      {!outcome.ok ? <ErrorSummary errors={outcome.errors} formError={outcome.formError} /> : null}
      <form method="get" action={PATH} className="filters" aria-label="Фильтры журнала" noValidate>
        {whoWhereWhom().map((f) => (
          <TextFilter key={f.field} {...f} value={input[f.field]} error={errorFor(f.field)} />
        ))}
        <Field id="what" name={names.what} label="Что" error={errorFor('what')}>
          {(p) => (
            <select {...p} className="select" defaultValue={input.what}>
              <option value="">Любое действие</option>
              <optgroup label="Действия сотрудников">
                {STAFF_ACTIONS.map((code) => (
                  <option key={code} value={code}>
                    {STAFF_ACTION_NAMES[code]}
                  </option>
                ))}
              </optgroup>
              <optgroup label="Обращения к персональным данным">
                <option value={ANY_READ}>Любое обращение</option>
                {Object.entries(readPurposeLabels()).map(([code, label]) => (
                  <option key={code} value={code}>
                    {label}
                  </option>
                ))}
              </optgroup>
            </select>
          )}
        </Field>
        <Field id="channel" name={names.channel} label="Канал" error={errorFor('channel')}>
          {(p) => (
            <select {...p} className="select" defaultValue={input.channel}>
              <option value="">Любой канал</option>
              {Object.entries(channelLabels()).map(([code, label]) => (
                <option key={code} value={code}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {PERIOD.map((f) => (
          <TextFilter key={f.field} {...f} value={input[f.field]} error={errorFor(f.field)} />
        ))}
        <div className="button-group">
          <button className="button" type="submit">
            Показать
          </button>
          <Link href={PATH}>Сбросить фильтры</Link>
        </div>
      </form>

      {outcome.ok ? (
        <>
          <p>
            <a href={`${PATH}/vygruzka${query}`} download>
              Выгрузить в CSV всё, что подходит под фильтры
            </a>{' '}
            <span className="hint">
              (кодировка UTF-8, разделитель «;», {profile.texts.timeZoneName}; выгрузка записывается в журнал)
            </span>
          </p>
          {!outcome.page.personFound ? (
            <div className="panel" data-testid="audit-no-person">
              <p>Человека с таким {profile.personIdentifier.label} в регистре нет.</p>
            </div>
          ) : outcome.page.entries.length === 0 ? (
            <div className="panel" data-testid="audit-empty">
              <p>{after ? 'Более ранних записей нет.' : 'Записей, подходящих под фильтры, нет.'}</p>
            </div>
          ) : (
            <table className="table table--doc" data-testid="audit-entries">
              <caption>Записи журнала, сначала последние</caption>
              <thead>
                <tr>
                  <th scope="col">Время ({profile.texts.timeZoneShort})</th>
                  <th scope="col">Кто</th>
                  <th scope="col">Организация</th>
                  <th scope="col">Что</th>
                  <th scope="col">Кого ({profile.personIdentifier.label})</th>
                  <th scope="col">Канал</th>
                  <th scope="col">Подробности</th>
                </tr>
              </thead>
              <tbody>
                {outcome.page.entries.map((e) => (
                  <tr key={`${e.source}${e.id}`} data-testid="audit-entry">
                    <td>
                      <time dateTime={e.at.toISOString()}>{formatDateTimeIn(e.at, profile.timeZone)}</time>
                    </td>
                    <td>
                      {e.actor}
                      <span className="hint-block">{ACTOR_KIND_LABELS[e.actorKind] ?? e.actorKind}</span>
                    </td>
                    <td>{e.organisation ?? '—'}</td>
                    <td>{e.whatLabel}</td>
                    <td>{whom(e)}</td>
                    <td>{channelLabels()[e.channel] ?? e.channel}</td>
                    <td>{detailsOf(e) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="button-group">
            {after ? <Link href={`${PATH}${query}` as Route}>К последним записям</Link> : null}
            {outcome.page.next ? (
              <Link href={`${PATH}${auditQuery(input, outcome.page.next)}` as Route} rel="next">
                Более ранние записи
              </Link>
            ) : null}
          </p>
        </>
      ) : null}
    </>
  );
}
