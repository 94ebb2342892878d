import Link from 'next/link';
import type { Route } from 'next';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  formatMoscowDateTime,
} from '@/lib/applications/labels';
import { coverageReasonText, coverageStatusText, type CoverageReason } from '@/lib/domain/ru/coverage';
import { formatDateRu } from '@/lib/domain/dates';
import { documentKindName, formatDocument, isDocumentKind } from '@/lib/domain/ru/documents';
import { feedSourceTitle } from '@/lib/feeds/served-sources';
import { registerEventLabel } from '@/lib/register/event-labels';
import {
  CARD_PURPOSES,
  type CardCoverage,
  type CardRelative,
  type PersonCard,
} from '@/lib/register/person-card';

const date = (d: string | null) => (d ? formatDateRu(d) : '—');
const fix = (personId: number, what: string, record?: number) =>
  `/konsol/lica/${personId}/ispravlenie?chto=${what}${record ? `&zapis=${record}` : ''}` as Route;

export function CoverageTable({
  periods,
  personId,
  editable,
}: {
  periods: CardCoverage[];
  personId: number;
  editable: boolean;
}) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Страховая организация</th>
          <th scope="col">Регион</th>
          <th scope="col">Статус</th>
          <th scope="col">Основание</th>
          <th scope="col">С</th>
          <th scope="col">По (не включая)</th>
          <th scope="col">Записано</th>
          {editable ? <th scope="col">Действие</th> : null}
        </tr>
      </thead>
      <tbody>
        {periods.map((p) => (
          <tr key={p.id}>
            <td>{p.insurerName}</td>
            <td>{p.subjectName}</td>
            <td>{coverageStatusText(p.status)}</td>
            <td>{coverageReasonText(p.reason as CoverageReason)}</td>
            <td>{date(p.validFrom)}</td>
            <td>{p.validTo ? date(p.validTo) : 'бессрочно'}</td>
            <td>{formatMoscowDateTime(p.recordedFrom)}</td>
            {editable ? (
              <td>
                <Link href={fix(personId, 'polis', p.id)}>Исправить период</Link>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function DocumentsTable({ card }: { card: PersonCard }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Документ</th>
          <th scope="col">Серия и номер</th>
          <th scope="col">Выдан</th>
          <th scope="col">Кем выдан</th>
          <th scope="col">Действует до</th>
          <th scope="col">Статус</th>
          <th scope="col">Действие</th>
        </tr>
      </thead>
      <tbody>
        {card.documents.map((d) => (
          <tr key={d.id}>
            <td>{isDocumentKind(d.kind) ? documentKindName(d.kind) : d.kind}</td>
            <td>{isDocumentKind(d.kind) ? formatDocument(d.kind, d.series, d.number) : d.number}</td>
            <td>{date(d.issueDate)}</td>
            <td>{d.issuer ?? '—'}</td>
            <td>{date(d.validTo)}</td>
            <td>{d.isCurrent ? 'действующий' : 'прежний'}</td>
            <td>
              <Link href={fix(card.person.id, 'dokument', d.id)}>Исправить документ</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AttachmentsTable({ card }: { card: PersonCard }) {
  if (card.attachments.length === 0) return <p>Не прикреплён(а) к поликлинике.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Медицинская организация</th>
          <th scope="col">С</th>
          <th scope="col">По (не включая)</th>
          <th scope="col">Действие</th>
        </tr>
      </thead>
      <tbody>
        {card.attachments.map((a) => (
          <tr key={a.id}>
            <td>
              {a.moName} ({a.moCode})
            </td>
            <td>{date(a.validFrom)}</td>
            <td>{a.validTo ? date(a.validTo) : 'по настоящее время'}</td>
            <td>
              <Link href={fix(card.person.id, 'prikreplenie', a.id)}>Исправить прикрепление</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RelativesList({
  title,
  people,
  purpose,
}: {
  title: string;
  people: CardRelative[];
  purpose: string;
}) {
  if (people.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {people.map((r) => (
          <li key={r.personId}>
            <Link href={`/konsol/lica/${r.personId}?cel=${purpose}` as Route}>{r.fullName}</Link>,{' '}
            {date(r.birthDate)} г. р. — {r.kind === 'parent' ? 'родитель' : 'опекун'}, с {date(r.validFrom)}
            {r.validTo ? ` по ${date(r.validTo)}` : ''}
          </li>
        ))}
      </ul>
    </>
  );
}

export function ApplicationsTable({ card }: { card: PersonCard }) {
  if (card.applications.length === 0) return <p>Заявлений нет.</p>;
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">Номер</th>
          <th scope="col">Вид</th>
          <th scope="col">Статус</th>
          <th scope="col">Подано</th>
          <th scope="col">Решено</th>
        </tr>
      </thead>
      <tbody>
        {card.applications.map((a) => (
          <tr key={a.id}>
            <td>
              <Link href={`/konsol/zayavleniya/${a.number}` as Route}>{a.number}</Link>
            </td>
            <td>{APPLICATION_KIND_LABELS[a.kind]}</td>
            <td>{APPLICATION_STATUS_LABELS[a.status]}</td>
            <td>{a.submittedAt ? formatMoscowDateTime(a.submittedAt) : '—'}</td>
            <td>{a.decidedAt ? formatMoscowDateTime(a.decidedAt) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SOURCE_NAMES: Record<string, string> = {
  portal: 'портал',
  console: 'консоль',
  seed: 'исходные данные',
  api: 'API',
  system: 'регистр',
};

/** Where an event came from, in words: an agency's feed (`feed:zags`) by its sender's title. */
function sourceName(source: string): string {
  if (source.startsWith('feed:')) return `сведения: ${feedSourceTitle(source.slice(5))}`;
  return SOURCE_NAMES[source] ?? source;
}

export function EventsTable({ card }: { card: PersonCard }) {
  return (
    <table className="table" data-testid="register-history">
      <thead>
        <tr>
          <th scope="col">Что</th>
          <th scope="col">Действует с</th>
          <th scope="col">Записано</th>
          <th scope="col">Кто / источник</th>
          <th scope="col">Основание</th>
        </tr>
      </thead>
      <tbody>
        {card.events.map((e) => (
          <tr key={e.id}>
            <td>{registerEventLabel(e.action)}</td>
            <td>{date(e.effectiveDate)}</td>
            <td>{formatMoscowDateTime(e.recordedAt)}</td>
            <td>
              {e.actorId} ({sourceName(e.source)})
            </td>
            <td>{e.reason ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const CHANNEL_NAMES: Record<string, string> = {
  portal: 'портал',
  console: 'консоль',
  clinic_ui: 'рабочее место регистратора',
  rest: 'REST API',
  fhir: 'FHIR API',
  feed: 'ведомственный обмен',
};

const RESULT_NAMES: Record<string, string> = {
  found: 'сведения показаны',
  not_found: 'не найден',
  stale: 'последние известные сведения',
  denied: 'отказано',
};

function purposeText(purpose: string): string {
  if (purpose.startsWith('card:')) {
    const code = purpose.slice(5);
    return `карточка: ${(CARD_PURPOSES as Record<string, string>)[code]?.toLowerCase() ?? code}`;
  }
  return purpose === 'register_search' ? 'поиск в регистре' : purpose;
}

export function AccessLogTable({ card }: { card: PersonCard }) {
  return (
    <>
      <p>
        Всего обращений: {card.accessLogTotal}
        {card.accessLogTotal > card.accessLog.length ? `, показаны последние ${card.accessLog.length}` : ''}.
      </p>
      <table className="table" data-testid="access-log">
        <thead>
          <tr>
            <th scope="col">Когда</th>
            <th scope="col">Кто</th>
            <th scope="col">Организация</th>
            <th scope="col">Канал</th>
            <th scope="col">Цель</th>
            <th scope="col">Подробности</th>
          </tr>
        </thead>
        <tbody>
          {card.accessLog.map((r) => (
            <tr key={r.id}>
              <td>{formatMoscowDateTime(r.at)}</td>
              <td>{r.actorId}</td>
              <td>{r.organisationCode ?? '—'}</td>
              <td>{CHANNEL_NAMES[r.channel] ?? r.channel}</td>
              <td>{purposeText(r.purpose)}</td>
              <td>
                {r.details && !r.details.startsWith('{') ? r.details : (RESULT_NAMES[r.result] ?? r.result)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
