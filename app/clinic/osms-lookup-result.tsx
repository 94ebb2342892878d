import { TIME_ZONES } from '@/config/time-zone';
import { formatDateRu } from '@/lib/domain/dates';
import { formatDateTimeIn } from '@/lib/domain/zoned-time';
import type { OsmsLookupOutcome } from '@/lib/kz/lookup/osms-answer';
import { RegisterUnavailable } from './register-unavailable';

/** The upload of a category document for the one-month temporary status (app/(kz)/clinic/vremennyi-status). */
export const TEMPORARY_STATUS_PAGE = '/clinic/vremennyi-status';

function uploadHref(iin: string): string {
  return `${TEMPORARY_STATUS_PAGE}?${new URLSearchParams({ iin }).toString()}`;
}

/**
 * The ОСМС answer, readable at a glance at the front desk: the verdict first, then the ground (or why not
 * and what to do), until when, and who. A person without status may have a category whose data has not
 * arrived yet: the registrar is offered the document upload for the temporary status.
 */
export function OsmsLookupResult({ outcome }: { outcome: OsmsLookupOutcome }) {
  if (outcome.kind === 'unavailable') return <RegisterUnavailable message={outcome.message} />;
  if (outcome.kind === 'not_found') {
    return (
      <section className="status status--bad" aria-live="polite" data-testid="lookup-result">
        <h2>Не найден в регистре</h2>
        <p>{outcome.status.text}</p>
        <p>{outcome.status.advice}</p>
      </section>
    );
  }
  const a = outcome.answer;
  const fio = [a.person.lastName, a.person.firstName, a.person.patronymic].filter(Boolean).join(' ');
  return (
    <section
      className={`status status--${a.insured ? 'ok' : 'bad'}`}
      aria-live="polite"
      data-testid="lookup-result"
    >
      <h2>{a.insured ? 'Застрахован в системе ОСМС' : 'Не застрахован в системе ОСМС на эту дату'}</h2>
      {a.stale ? (
        <p>
          <strong>
            Регистр недоступен: статус определён по последним известным сведениям на{' '}
            {a.staleSince ? formatDateTimeIn(new Date(a.staleSince), TIME_ZONES.kz) : '—'}. Право на
            медицинскую помощь сохраняется до восстановления работы.
          </strong>
        </p>
      ) : null}
      <p data-testid="lookup-ground">{a.text}</p>
      {a.advice ? <p>{a.advice}</p> : null}
      <dl className="summary-list">
        <dt>ФИО</dt>
        <dd>{fio}</dd>
        <dt>Дата рождения</dt>
        <dd>{formatDateRu(a.person.birthDate)}</dd>
        <dt>ИИН</dt>
        <dd>{a.iin}</dd>
        <dt>Категория</dt>
        <dd>{a.category?.name ?? '—'}</dd>
        <dt>Статус действует</dt>
        <dd data-testid="lookup-until">
          {!a.insured
            ? '—'
            : a.until
              ? `по ${formatDateRu(a.until)} включительно`
              : a.dataUnavailableSince
                ? `до восстановления информационных систем (недоступны с ${formatDateRu(a.dataUnavailableSince)})`
                : 'без ограничения срока, пока поступают сведения'}
        </dd>
        <dt>Сведения на дату</dt>
        <dd>{formatDateRu(a.asOf)}</dd>
      </dl>
      {!a.insured && !a.stale ? (
        <p>
          Если у пациента есть документ о льготной категории, а сведения о ней ещё не поступили,{' '}
          <a href={uploadHref(a.iin)}>загрузите документ</a>: пациент получит временный статус на один месяц.
        </p>
      ) : null}
    </section>
  );
}
