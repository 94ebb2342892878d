import { dateRu, monthRu } from './format';

/** What the public check and the cabinet both show of a status (never amounts or names). */
export interface StatusView {
  insured: boolean;
  code: string;
  text: string;
  advice: string | null;
  until: string | null;
  months: readonly { month: string; paid: boolean }[];
}

/** Insured or not as a coloured tag; the words carry the meaning, the colour only repeats it. */
export function StatusTag({ insured }: { insured: boolean }) {
  return insured ? (
    <strong className="tag tag--ok">Застрахован</strong>
  ) : (
    <strong className="tag tag--bad">Не застрахован</strong>
  );
}

/** The status, its ground or why not, until when, and what to do. */
export function StatusPanel({ status, headingId }: { status: StatusView; headingId: string }) {
  return (
    <section className="panel" aria-labelledby={headingId} data-testid="osms-status">
      <h2 id={headingId}>
        Статус в системе ОСМС: <StatusTag insured={status.insured} />
      </h2>
      <p data-testid="osms-status-text">{status.text}</p>
      {status.insured ? (
        <p data-testid="osms-status-until">
          {status.until
            ? `Статус действует по ${dateRu(status.until)} включительно, если за это время не поступят новые взносы или данные о категории.`
            : 'Срок не ограничен: статус сохраняется, пока действует его основание.'}
        </p>
      ) : null}
      {status.advice ? (
        <>
          <h3>Что делать</h3>
          <p data-testid="osms-status-advice">{status.advice}</p>
        </>
      ) : null}
    </section>
  );
}

/** The 12 months before this one: whether a contribution came for each (any payer), oldest first. */
export function MonthMarks({ months }: { months: StatusView['months'] }) {
  return (
    <table className="table" data-testid="osms-months">
      <caption>Взносы за последние {months.length} месяцев</caption>
      <thead>
        <tr>
          <th scope="col">Месяц</th>
          <th scope="col">Взнос</th>
        </tr>
      </thead>
      <tbody>
        {months.map((m) => (
          <tr key={m.month}>
            <th scope="row">{monthRu(m.month)}</th>
            <td>{m.paid ? 'поступил' : 'не поступал'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
