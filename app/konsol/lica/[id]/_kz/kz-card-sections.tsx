import type { Route } from 'next';
import Link from 'next/link';
import { categoryName, categoryPayer, type OsmsStatus } from '@/lib/domain/kz';
import type { TimelineEntry } from '@/lib/domain/kz/status-timeline';
import type { KzPersonCard } from '@/lib/kz/console/read-kz-person-card';
import type { LedgerRow } from '@/lib/kz/console/payment-ledger';
import { dateRu, monthRu, tenge } from '../../../../(kz)/_osms/format';
import { PAYER_KINDS } from '../../../../(kz)/_osms/records-parts';
import { StatusTag } from '../../../../(kz)/_osms/status-parts';
import { formatDateTimeIn } from '@/lib/domain/zoned-time';

/** The status's words for a table cell: the ground, or why not. */
function statusCell(status: OsmsStatus) {
  return (
    <>
      <StatusTag insured={status.insured} /> {status.text}
    </>
  );
}

/**
 * The status on every month start and on every change (newest first): one row per day, with the words the
 * rule gives — the same the person and the clinic read.
 */
export function StatusTimeline({ entries, caption }: { entries: readonly TimelineEntry[]; caption: string }) {
  return (
    <table className="table" data-testid="osms-timeline">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Дата</th>
          <th scope="col">Статус и основание</th>
          <th scope="col">Действует по</th>
          <th scope="col">Отметка</th>
        </tr>
      </thead>
      <tbody>
        {[...entries].reverse().map((e) => (
          <tr key={e.on}>
            <th scope="row">{dateRu(e.on)}</th>
            <td>{statusCell(e.status)}</td>
            <td>{e.status.insured ? (e.status.until ? dateRu(e.status.until) : 'без срока') : '—'}</td>
            <td>
              {[e.monthStart ? 'начало месяца' : null, e.changed ? 'изменение статуса' : null]
                .filter(Boolean)
                .join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function PaymentsTable({ rows, timeZone }: { rows: readonly LedgerRow[]; timeZone: string }) {
  if (rows.length === 0) return <p>Взносы не поступали.</p>;
  return (
    <table className="table" data-testid="osms-payments">
      <thead>
        <tr>
          <th scope="col">Месяц</th>
          <th scope="col">Вид плательщика</th>
          <th scope="col">Плательщик</th>
          <th scope="col">Сумма</th>
          <th scope="col">Оплачен</th>
          <th scope="col">Номер платежа</th>
          <th scope="col">Записан</th>
          <th scope="col">Состояние</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {monthRu(r.month)}
              {r.payerKind === 'lump-sum' ? ` и ещё ${r.months - 1} мес. одним платежом` : ''}
            </th>
            <td>{PAYER_KINDS[r.payerKind]}</td>
            <td>
              {r.payerName ?? '—'} ({r.payerId})
            </td>
            <td>{tenge(r.amount)}</td>
            <td>{dateRu(r.paidOn)}</td>
            <td>{r.paymentReference}</td>
            <td>
              {formatDateTimeIn(r.recordedAt, timeZone)}, {r.source}
            </td>
            <td>{r.retractedAt ? `отозван ${formatDateTimeIn(r.retractedAt, timeZone)}` : 'учтён'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MembershipsTable({ card, timeZone }: { card: KzPersonCard; timeZone: string }) {
  const rows = card.read.memberships;
  if (rows.length === 0) return <p>Сведений о льготных категориях нет.</p>;
  return (
    <table className="table" data-testid="osms-categories">
      <thead>
        <tr>
          <th scope="col">Категория</th>
          <th scope="col">Взносы платит</th>
          <th scope="col">С</th>
          <th scope="col">По</th>
          <th scope="col">Сведения поступили</th>
          <th scope="col">Источник</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((m) => (
          <tr key={m.id}>
            <th scope="row">{categoryName(m.category)}</th>
            <td>{categoryPayer(m.category) === 'state' ? 'государство' : 'местный исполнительный орган'}</td>
            <td>{dateRu(m.from)}</td>
            <td>{m.to ? dateRu(m.to) : 'по настоящее время'}</td>
            <td>{dateRu(m.receivedOn)}</td>
            <td>
              {m.source}, записано {formatDateTimeIn(m.recordedAt, timeZone)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const KIB = 1024;
const size = (bytes: number) =>
  bytes < KIB * KIB
    ? `${Math.max(1, Math.round(bytes / KIB))} КБ`
    : `${(bytes / KIB / KIB).toFixed(1).replace('.', ',')} МБ`;
const FILE_KIND: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
};

/** The document's link (staff download, logged), its kind and size. */
export function DocumentLink({
  personId,
  t,
}: {
  personId: number;
  t: KzPersonCard['read']['temporaryStatuses'][number];
}) {
  return (
    <>
      <Link href={`/konsol/lica/${personId}/dokument/${t.id}` as Route} prefetch={false}>
        {t.documentName}
      </Link>{' '}
      ({FILE_KIND[t.documentType] ?? t.documentType}, {size(t.documentSize)})
    </>
  );
}
