import type { Route } from 'next';
import Link from 'next/link';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { ConsoleRefusal } from '../../../_shell/refusal';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { isAppError } from '@/lib/errors';
import { isCardPurpose, readPersonCard, type CardPurpose, type PersonCard } from '@/lib/register/person-card';
import { CoverageTimeline } from './coverage-timeline';
import {
  AccessLogTable,
  ApplicationsTable,
  AttachmentsTable,
  CoverageTable,
  DocumentsTable,
  EventsTable,
  RelativesList,
} from './card-sections';
import { personPageInput, type PersonPageProps } from './page-input';
import { PurposeForm } from './purpose-form';

/** The instant `izvestno` names (ISO 8601), or null. */
function knownAtOf(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The card of a person in a Russian register (ADR 0019). */
export async function RussianCardPage(props: PersonPageProps) {
  const { staff, personId, query } = await personPageInput(props);
  if (personId === null) return <ConsoleRefusal kind="not_found" />;
  const fromApplication = query('zayavlenie');
  const purposeParam = query('cel');
  const purpose: CardPurpose | null = isCardPurpose(purposeParam)
    ? purposeParam
    : fromApplication
      ? 'application'
      : null;
  if (!purposeParam || !purpose) {
    return (
      <PurposeForm
        personId={personId}
        purpose={purpose}
        applicationNumber={fromApplication}
        errors={purposeParam ? [{ field: 'purpose', message: 'Выберите цель просмотра из списка.' }] : []}
      />
    );
  }
  const knownAt = knownAtOf(query('izvestno'));
  let card: PersonCard;
  try {
    card = await readPersonCard(staff.actor, {
      personId,
      purpose,
      applicationNumber: fromApplication || null,
      knownAt,
    });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'FORBIDDEN') return <ConsoleRefusal kind="forbidden" />;
    if (error.code === 'PERSON_NOT_FOUND') return <ConsoleRefusal kind="not_found" />;
    if (error.code === 'VALIDATION_FAILED') {
      return (
        <PurposeForm
          personId={personId}
          purpose={purpose}
          applicationNumber={fromApplication}
          errors={error.fields.map((f) => ({ field: f.field, message: f.message }))}
        />
      );
    }
    throw error;
  }
  return <Card card={card} purpose={purpose} corrected={query('ispravleno') === '1'} />;
}

function Card({ card, purpose, corrected }: { card: PersonCard; purpose: CardPurpose; corrected: boolean }) {
  const { person } = card;
  const today = moscowDate(new Date());
  const fullName = [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' ');
  const base = `/konsol/lica/${person.id}?cel=${purpose}`;
  return (
    <>
      {corrected ? (
        <div className="notice notice--success" role="status">
          Исправление записано в регистр.
        </div>
      ) : null}
      <span className="h1-caption">Карточка застрахованного</span>
      <h1>{fullName}</h1>
      {person.mergedIntoId ? (
        <p className="notice">
          Запись объединена с другой как дубликат:{' '}
          <Link href={`/konsol/lica/${person.mergedIntoId}?cel=${purpose}` as Route}>действующая запись</Link>
          .
        </p>
      ) : null}
      <dl className="summary-list" data-testid="identity">
        <dt>ЕНП</dt>
        <dd>{person.enp}</dd>
        <dt>Дата рождения</dt>
        <dd>{formatDateRu(person.birthDate)}</dd>
        <dt>Пол</dt>
        <dd>{person.sex === 'M' ? 'мужской' : 'женский'}</dd>
        <dt>Место рождения</dt>
        <dd>{person.birthPlace ?? '—'}</dd>
        <dt>Гражданство</dt>
        <dd>{person.citizenship}</dd>
        <dt>СНИЛС</dt>
        <dd>{person.snils ?? '—'}</dd>
        {person.deathDate ? (
          <>
            <dt>Дата смерти</dt>
            <dd>{formatDateRu(person.deathDate)}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link href={`/konsol/lica/${person.id}/ispravlenie?chto=dannye` as Route}>
          Исправить данные человека
        </Link>
      </p>

      <h2>Документы</h2>
      <DocumentsTable card={card} />

      <h2>Страхование</h2>
      <h3>Как известно сейчас</h3>
      <CoverageTimeline
        periods={card.coverage}
        today={today}
        title="Периоды страхования, как известно сейчас"
      />
      <CoverageTable periods={card.coverage} personId={person.id} editable />
      {card.corrections.length ? (
        <>
          <p>Периоды исправлялись задним числом. Как было известно до исправления:</p>
          <ul>
            {card.corrections.map((c) => {
              const before = new Date(c.recordedAt.getTime() - 1).toISOString();
              return (
                <li key={before}>
                  <Link href={`${base}&izvestno=${before}` as Route}>
                    до исправления от {formatMoscowDateTime(c.recordedAt)}
                  </Link>
                  {c.reason ? ` — ${c.reason}` : ''}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {card.coverageKnownAt ? (
        <section aria-labelledby="known-at" data-testid="coverage-known-at">
          <h3 id="known-at">Как было известно на {formatMoscowDateTime(card.coverageKnownAt.at)}</h3>
          <CoverageTimeline
            periods={card.coverageKnownAt.periods}
            today={today}
            title={`Периоды страхования, как было известно на ${formatMoscowDateTime(card.coverageKnownAt.at)}`}
          />
          <CoverageTable periods={card.coverageKnownAt.periods} personId={person.id} editable={false} />
        </section>
      ) : null}

      <h2>Прикрепление к поликлинике</h2>
      <AttachmentsTable card={card} />

      <h2>Представительство</h2>
      {card.represents.length === 0 && card.representedBy.length === 0 ? <p>Сведений нет.</p> : null}
      <RelativesList title="Законные представители" people={card.representedBy} purpose={purpose} />
      <RelativesList title="Представляет (дети, подопечные)" people={card.represents} purpose={purpose} />

      <h2>Заявления</h2>
      <ApplicationsTable card={card} />

      <h2>История в регистре</h2>
      <EventsTable card={card} />

      <h2>Кто обращался к данным</h2>
      <AccessLogTable card={card} />
    </>
  );
}
