import { can } from '@/lib/auth/permissions';
import { parseDate } from '@/lib/domain/dates';
import { categoryName } from '@/lib/domain/kz';
import { isAppError } from '@/lib/errors';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { isKzCardPurpose, KZ_CARD_PURPOSES, type KzCardPurpose } from '@/lib/kz/console/kz-card-purposes';
import { readKzPersonCard, TIMELINE_MONTHS, type KzPersonCard } from '@/lib/kz/console/read-kz-person-card';
import { dateRu } from '../../../../(kz)/_osms/format';
import { MonthMarks, StatusPanel } from '../../../../(kz)/_osms/status-parts';
import { ErrorSummary } from '../../../../_components/error-summary';
import { Field } from '../../../../_components/field';
import { ConsoleRefusal } from '../../../_shell/refusal';
import { personPageInput, type PersonPageProps } from '../_card/page-input';
import { PurposeForm } from '../_card/purpose-form';
import { DocumentLink, MembershipsTable, PaymentsTable, StatusTimeline } from './kz-card-sections';
import { RevokeForm } from './revoke-form';
import { endOfDayIn, formatDateTimeIn } from '@/lib/domain/zoned-time';

type Issue = { field: string; message: string };

/** `izvestno` (ДД.ММ.ГГГГ): the end of that day in the register's zone, or the field's issue. */
function knownAtOf(input: string, timeZone: string): { at: Date | null; issues: Issue[] } {
  if (input === '') return { at: null, issues: [] };
  const checked = parseDate('knownAt', input);
  if (!checked.ok)
    return { at: null, issues: checked.issues.map((i) => ({ field: i.field, message: i.message })) };
  return { at: endOfDayIn(checked.value, timeZone), issues: [] };
}

/** The card of a person in a Kazakh register (ADR 0034): purpose first, then the ОСМС card. */
export async function KazakhCardPage(props: PersonPageProps) {
  const { staff, personId, query } = await personPageInput(props);
  if (personId === null) return <ConsoleRefusal kind="not_found" />;
  const purpose = query('cel');
  if (!isKzCardPurpose(purpose)) {
    return (
      <PurposeForm
        personId={personId}
        purpose={null}
        applicationNumber=""
        purposes={KZ_CARD_PURPOSES}
        errors={purpose ? [{ field: 'purpose', message: 'Выберите цель просмотра из списка.' }] : []}
      />
    );
  }
  const { timeZone } = jurisdictionProfile();
  const knownAtInput = query('izvestno');
  const knownAt = knownAtOf(knownAtInput, timeZone);
  let card: KzPersonCard;
  try {
    card = await readKzPersonCard(staff.actor, { personId, purpose, knownAt: knownAt.at });
  } catch (error) {
    if (!isAppError(error)) throw error;
    if (error.code === 'FORBIDDEN') return <ConsoleRefusal kind="forbidden" />;
    if (error.code === 'PERSON_NOT_FOUND') return <ConsoleRefusal kind="not_found" />;
    throw error;
  }
  return (
    <Card
      card={card}
      purpose={purpose}
      timeZone={timeZone}
      knownAt={{ input: knownAtInput, issues: knownAt.issues }}
      mayRevoke={can(staff.actor, 'temporary_status:revoke', { personId })}
      revoked={query('otozvan')}
    />
  );
}

function Card({
  card,
  purpose,
  timeZone,
  knownAt,
  mayRevoke,
  revoked,
}: {
  card: KzPersonCard;
  purpose: KzCardPurpose;
  timeZone: string;
  knownAt: { input: string; issues: Issue[] };
  mayRevoke: boolean;
  revoked: string;
}) {
  const { person, residence, temporaryStatuses } = card.read;
  const fullName = [person.lastName, person.firstName, person.patronymic].filter(Boolean).join(' ');
  return (
    <>
      {revoked ? (
        <div className="notice notice--success" role="status">
          Временный статус отозван. Человеку отправлено уведомление.
        </div>
      ) : null}
      <span className="h1-caption">Карточка участника ОСМС</span>
      <h1>{fullName}</h1>
      <dl className="summary-list" data-testid="identity">
        <dt>ИИН</dt>
        <dd>{person.iin}</dd>
        <dt>Дата рождения</dt>
        <dd>{dateRu(person.birthDate)}</dd>
        <dt>Пол</dt>
        <dd>{person.sex === 'M' ? 'мужской' : 'женский'}</dd>
        <dt>Участие в ОСМС</dt>
        <dd>
          {residence.kind === 'citizen'
            ? 'Гражданин Республики Казахстан'
            : `Гражданство ${residence.citizenship}; вид на жительство: ${
                residence.permits
                  .map(
                    (p) =>
                      `${p.basis === 'permanent' ? 'постоянно' : 'по международному договору'} с ${dateRu(p.from)}${p.to ? ` по ${dateRu(p.to)}` : ''}`,
                  )
                  .join('; ') || 'нет'
              }`}
        </dd>
      </dl>

      <StatusPanel status={card.status} headingId="status-today" />
      <MonthMarks months={card.status.months} />

      <h2 id="history">История статуса</h2>
      <p>
        Статус на начало каждого месяца за последние {TIMELINE_MONTHS} месяца и на каждый день, когда он
        менялся, — по правилам ОСМС из сведений, известных сейчас.
      </p>
      <StatusTimeline
        entries={card.timeline}
        caption={`Статус за ${TIMELINE_MONTHS} месяца по ${dateRu(card.today)}, как известно сейчас`}
      />

      <ErrorSummary errors={knownAt.issues} idPrefix="known-" />
      <form method="get" className="panel" aria-labelledby="known-at-form" noValidate>
        <h3 id="known-at-form">Как было известно раньше</h3>
        <input type="hidden" name="cel" value={purpose} />
        <Field
          id="known-knownAt"
          name="izvestno"
          label="Сведения, известные на дату"
          hint="ДД.ММ.ГГГГ: всё, что было записано в регистр до конца этого дня"
          error={knownAt.issues[0]?.message}
        >
          {(p) => (
            <input {...p} className="input input--short" autoComplete="off" defaultValue={knownAt.input} />
          )}
        </Field>
        <button className="button button--secondary" type="submit">
          Показать
        </button>
      </form>
      {card.knownAt ? (
        <section aria-labelledby="known-at" data-testid="osms-known-at">
          <h3 id="known-at">Как было известно на {formatDateTimeIn(card.knownAt.at, timeZone)}</h3>
          <StatusPanel status={card.knownAt.status} headingId="known-at-status" />
          <StatusTimeline
            entries={card.knownAt.timeline}
            caption={`Статус за ${TIMELINE_MONTHS} месяца, как было известно на ${formatDateTimeIn(card.knownAt.at, timeZone)}`}
          />
        </section>
      ) : null}

      <h2>Взносы</h2>
      <PaymentsTable rows={card.ledger} timeZone={timeZone} />

      <h2>Льготные категории</h2>
      <MembershipsTable card={card} timeZone={timeZone} />

      <h2>Временные статусы</h2>
      {temporaryStatuses.length === 0 ? (
        <p>Временных статусов не было.</p>
      ) : (
        <ul className="list" data-testid="osms-temporary">
          {temporaryStatuses.map((t) => (
            <li key={t.id} className="panel" data-testid={`temporary-${t.id}`}>
              <h3>Временный статус от {dateRu(t.uploadedOn)}</h3>
              <dl className="summary-list">
                <dt>Категория</dt>
                <dd>{categoryName(t.category)}</dd>
                <dt>Документ загрузил</dt>
                <dd>
                  {t.uploadedBy === 'clinic'
                    ? `регистратор медицинской организации${t.uploaderOrganisation ? ` ${t.uploaderOrganisation}` : ''}`
                    : 'сам человек'}
                </dd>
                <dt>Документ</dt>
                <dd>
                  <DocumentLink personId={person.id} t={t} />
                </dd>
                <dt>Действует по правилу</dt>
                <dd>по {dateRu(t.lastDay)}</dd>
                <dt>Отзыв</dt>
                <dd>
                  {t.revokedOn ? `отозван с ${dateRu(t.revokedOn)}: ${t.revokeReason}` : 'не отзывался'}
                </dd>
              </dl>
              {!t.revokedOn && mayRevoke ? (
                <RevokeForm personId={person.id} temporaryStatusId={t.id} purpose={purpose} />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
