import { MOSCOW_TIME_ZONE } from '@/config/time-zone';
import { formatDateRu } from '@/lib/domain/dates';
import { formatEnp } from '@/lib/domain/ru/enp';
import type { LookupOutcome } from '@/lib/lookup/policy-answer';

const HEADLINES = {
  active: { text: 'Застрахован', tone: 'ok' },
  suspended: { text: 'Полис приостановлен', tone: 'warn' },
  terminated: { text: 'Полис не действует', tone: 'bad' },
  none: { text: 'Не застрахован на эту дату', tone: 'bad' },
} as const;

/** Accepted, but worth knowing (e.g. an ЕНП first assigned in a subject that has since merged). */
function Warnings({ warnings }: { warnings: readonly string[] }) {
  return warnings.map((w) => (
    <p key={w} className="hint-block" data-testid="lookup-warning">
      {w}
    </p>
  ));
}

/** The answer, readable at a glance at the front desk: the verdict first, then who and with whom. */
export function LookupResult({
  outcome,
  warnings = [],
}: {
  outcome: LookupOutcome;
  warnings?: readonly string[];
}) {
  if (outcome.kind === 'unavailable') {
    return (
      <section className="status status--warn" aria-live="polite" data-testid="lookup-result">
        <h2>Регистр временно недоступен</h2>
        <p>{outcome.message}</p>
        <p>
          Сведений об этом человеке в последнем известном состоянии нет. Не отказывайте в помощи из-за этого.
        </p>
      </section>
    );
  }
  if (outcome.kind === 'not_found') {
    return (
      <section className="status status--bad" aria-live="polite" data-testid="lookup-result">
        <h2>Не найден в регистре</h2>
        <Warnings warnings={warnings} />
        <p>{outcome.status.text}</p>
        {outcome.status.nextStep ? <p>{outcome.status.nextStep}</p> : null}
      </section>
    );
  }
  const a = outcome.answer;
  const headline = HEADLINES[a.status];
  const fio = [a.person.lastName, a.person.firstName, a.person.patronymic].filter(Boolean).join(' ');
  return (
    <section className={`status status--${headline.tone}`} aria-live="polite" data-testid="lookup-result">
      <h2>{headline.text}</h2>
      <Warnings warnings={warnings} />
      {a.stale ? (
        <p>
          <strong>
            Регистр недоступен: показано последнее известное состояние на{' '}
            {a.staleSince
              ? new Date(a.staleSince).toLocaleString('ru-RU', { timeZone: MOSCOW_TIME_ZONE })
              : '—'}
            . Право на медицинскую помощь сохраняется до восстановления работы.
          </strong>
        </p>
      ) : null}
      <p>{a.statusText}</p>
      {a.nextStep ? <p>{a.nextStep}</p> : null}
      <dl className="summary-list">
        <dt>ФИО</dt>
        <dd>{fio}</dd>
        <dt>Дата рождения</dt>
        <dd>{formatDateRu(a.person.birthDate)}</dd>
        <dt>ЕНП</dt>
        <dd>{formatEnp(a.enp)}</dd>
        <dt>Страховая компания</dt>
        <dd>
          {a.insurer
            ? `${a.insurer.name} (${a.insurer.code})${a.insurer.phone ? `, тел. ${a.insurer.phone}` : ''}`
            : '—'}
        </dd>
        <dt>Регион страхования</dt>
        <dd>{a.region?.name ?? '—'}</dd>
        <dt>Прикреплён к</dt>
        <dd>{a.clinic ? `${a.clinic.name} (${a.clinic.code})` : '—'}</dd>
        <dt>Период</dt>
        <dd>
          {a.coverage
            ? `с ${formatDateRu(a.coverage.from)}${a.coverage.to ? ` по ${formatDateRu(a.coverage.to)} (не включая)` : ', бессрочно'}`
            : '—'}
        </dd>
        <dt>Сведения на дату</dt>
        <dd>{formatDateRu(a.asOf)}</dd>
      </dl>
    </section>
  );
}
