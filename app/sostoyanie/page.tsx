import type { Metadata } from 'next';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { checkHealth } from '@/lib/health/check-health';
import { serviceStatus, type CalendarYearState, type Verdict } from '@/lib/health/service-status';

export const metadata: Metadata = { title: 'Состояние сервиса' };
// Checked on every visit, like /api/health: a cached verdict would say nothing.
export const dynamic = 'force-dynamic';

const TONE: Record<Verdict, 'ok' | 'warn' | 'bad'> = { ok: 'ok', limited: 'warn', down: 'bad' };
const YEAR_TONE: Record<CalendarYearState, 'ok' | 'warn' | 'bad'> = {
  loaded: 'ok',
  incomplete: 'warn',
  missing: 'bad',
};

/**
 * «Состояние сервиса» for people: the same health check as /api/health (which stays for machines), in
 * words. It answers even when the register does not: the check catches that and says so.
 */
export default async function ServiceStatusPage() {
  const status = serviceStatus(await checkHealth());
  return (
    <>
      <h1>Состояние сервиса</h1>
      <div
        className={`status status--${TONE[status.verdict]}`}
        role="region"
        aria-labelledby="verdict"
        data-testid="service-verdict"
        data-verdict={status.verdict}
      >
        <h2 id="verdict">{status.title}</h2>
        <p>{status.summary}</p>
      </div>
      <dl className="summary-list">
        <dt>Регистр застрахованных лиц</dt>
        <dd data-testid="register-status">{status.register.text}</dd>
        <dt>Проверено</dt>
        <dd>{formatMoscowDateTime(status.checkedAt)} (время московское)</dd>
      </dl>

      <h2>Производственный календарь</h2>
      <p>
        Заявления рассматриваются в течение рабочего дня: срок считается по производственному календарю с
        праздниками и переносами выходных. Нужен календарь на этот год и на следующий — срок заявления,
        поданного в конце декабря, приходится на январь.
      </p>
      {status.calendar ? (
        <table className="table" data-testid="calendar-years">
          <caption className="visually-hidden">Производственный календарь по годам</caption>
          <thead>
            <tr>
              <th scope="col">Год</th>
              <th scope="col">Состояние</th>
            </tr>
          </thead>
          <tbody>
            {status.calendar.map((y) => (
              <tr key={y.year} data-year={y.year} data-state={y.state}>
                <th scope="row">{y.year}</th>
                <td>
                  <strong className={`tag tag--${YEAR_TONE[y.state]}`}>{y.label}</strong>
                  <span className="hint-block">{y.text}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Сведения о календаре хранятся в регистре и будут показаны, когда он снова ответит.</p>
      )}

      <h2>Для систем мониторинга</h2>
      <p>
        Та же проверка в машиночитаемом виде: <a href="/api/health">/api/health</a> (JSON; код ответа 503,
        когда регистр не отвечает).
      </p>
    </>
  );
}
