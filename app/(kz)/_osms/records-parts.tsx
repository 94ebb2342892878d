import { categoryName, type OsmsCategory } from '@/lib/domain/kz';
import type {
  ContributionRecord,
  MembershipRecord,
  TemporaryStatusRecord,
} from '@/lib/kz/status/osms-records';
import { dateRu, monthRu, tenge } from './format';

export const PAYER_KINDS: Record<ContributionRecord['payerKind'], string> = {
  employer: 'работодатель',
  self: 'самостоятельно',
  state: 'государство',
  'local-body': 'местный исполнительный орган',
  'lump-sum': 'единовременный платёж',
};

/**
 * The person's payments month by month, newest first: for each of the months shown every contribution
 * with its payer and amount, or that none came. A lump sum is listed apart: it is no month's contribution.
 */
export function PaymentsByMonth({
  months,
  contributions,
}: {
  months: readonly string[];
  contributions: readonly ContributionRecord[];
}) {
  const monthly = contributions.filter((c) => c.payerKind !== 'lump-sum');
  const lumpSums = contributions.filter((c) => c.payerKind === 'lump-sum');
  return (
    <>
      <div className="table-scroll">
        <table className="table" data-testid="payments">
          <caption>Взносы по месяцам</caption>
          <thead>
            <tr>
              <th scope="col">Месяц</th>
              <th scope="col">Плательщик</th>
              <th scope="col">Сумма</th>
              <th scope="col">Дата платежа</th>
            </tr>
          </thead>
          <tbody>
            {[...months].reverse().flatMap((month) => {
              const paid = monthly.filter((c) => c.month === month);
              if (paid.length === 0) {
                return [
                  <tr key={month}>
                    <th scope="row">{monthRu(month)}</th>
                    <td colSpan={3}>взнос не поступал</td>
                  </tr>,
                ];
              }
              return paid.map((c) => (
                <tr key={c.id}>
                  <th scope="row">{monthRu(month)}</th>
                  <td>
                    {c.payerName ?? c.payerId}{' '}
                    <span className="hint-inline">({PAYER_KINDS[c.payerKind]})</span>
                  </td>
                  <td>{tenge(c.amount)}</td>
                  <td>{dateRu(c.paidOn)}</td>
                </tr>
              ));
            })}
          </tbody>
        </table>
      </div>
      {lumpSums.length > 0 ? (
        <>
          <h3>Единовременные платежи</h3>
          <p>
            Платёж сразу за несколько месяцев не даёт статуса застрахованного: для оплаты вперёд каждый месяц
            оплачивается отдельным платежом.
          </p>
          <ul data-testid="lump-sums">
            {lumpSums.map((c) => (
              <li key={c.id}>
                {dateRu(c.paidOn)}: {tenge(c.amount)} за {c.months} мес. начиная с {monthRu(c.month)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function name(category: OsmsCategory): string {
  return categoryName(category);
}

/** The categories the state or a local body pays for, with their periods and when the data came. */
export function Memberships({ memberships }: { memberships: readonly MembershipRecord[] }) {
  if (memberships.length === 0) return <p>Сведений о льготных категориях нет.</p>;
  return (
    <table className="table" data-testid="memberships">
      <caption>Льготные категории</caption>
      <thead>
        <tr>
          <th scope="col">Категория</th>
          <th scope="col">Период</th>
          <th scope="col">Сведения поступили</th>
        </tr>
      </thead>
      <tbody>
        {memberships.map((m) => (
          <tr key={m.id}>
            <th scope="row">{name(m.category)}</th>
            <td>
              с {dateRu(m.from)}
              {m.to ? ` по ${dateRu(m.to)}` : ', действует'}
            </td>
            <td>{dateRu(m.receivedOn)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Temporary statuses on uploaded documents: until when each held or holds, and a revocation. */
export function TemporaryStatuses({ statuses }: { statuses: readonly TemporaryStatusRecord[] }) {
  if (statuses.length === 0) return <p>Временных статусов не было.</p>;
  return (
    <table className="table" data-testid="temporary-statuses">
      <caption>Временные статусы по документам</caption>
      <thead>
        <tr>
          <th scope="col">Категория</th>
          <th scope="col">Документ</th>
          <th scope="col">Срок</th>
        </tr>
      </thead>
      <tbody>
        {statuses.map((t) => (
          <tr key={t.id}>
            <th scope="row">{name(t.category)}</th>
            <td>
              {t.documentName}{' '}
              <span className="hint-inline">
                (загрузил{t.uploadedBy === 'clinic' ? 'а медицинская организация' : 'и вы'}{' '}
                {dateRu(t.uploadedOn)})
              </span>
            </td>
            <td>
              {t.revokedOn
                ? `отозван с ${dateRu(t.revokedOn)}${t.revokeReason ? `: ${t.revokeReason}` : ''}`
                : `по ${dateRu(t.lastDay)}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
