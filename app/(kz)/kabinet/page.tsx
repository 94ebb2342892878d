import type { Metadata } from 'next';
import { signedInCitizen } from '@/app/_components/citizen/signed-in';
import { monthOf } from '@/lib/domain/kz/months';
import { isAppError } from '@/lib/errors';
import { readOsmsStatus, type OsmsStatusRead } from '@/lib/kz/status/read-osms-status';
import { listNotifications } from '@/lib/notifications/list-notifications';
import { dateRu } from '../_osms/format';
import { Memberships, PaymentsByMonth, TemporaryStatuses } from '../_osms/records-parts';
import { NotInKzRegister } from '../_osms/not-in-register';
import { StatusPanel } from '../_osms/status-parts';

export const metadata: Metadata = { title: 'Личный кабинет' };

/**
 * The ОСМС cabinet (issue 14): the signed-in person's status with its ground and until when, every payment
 * of the last 12 months and this one with its payer and amount, the categories, the temporary statuses,
 * and the fund's messages. Read through the one status read (`readOsmsStatus`, channel portal), which
 * checks that the ИИН is the person's own and writes the access log.
 */
export default async function KzCabinetPage() {
  const { claims, actor } = await signedInCitizen('/kabinet');
  const greeting = [claims.firstName, claims.patronymic].filter(Boolean).join(' ');
  let read: OsmsStatusRead | null = null;
  let refusal: string | null = null;
  if (claims.iin && actor.personId !== null) {
    try {
      read = await readOsmsStatus(actor, { iin: claims.iin }, { channel: 'portal', purpose: 'osms_cabinet' });
    } catch (error) {
      if (!isAppError(error)) throw error;
      refusal = error.message;
    }
  }
  const notifications = await listNotifications({ limit: 10 }, actor);

  return (
    <>
      <h1>Личный кабинет</h1>
      <p className="lead">Здравствуйте, {greeting}!</p>
      {read ? (
        <>
          <dl className="summary-list">
            <dt>ИИН</dt>
            <dd className="enp">{read.person.iin}</dd>
            <dt>Дата рождения</dt>
            <dd>{dateRu(read.person.birthDate)}</dd>
          </dl>
          <StatusPanel status={read.status} headingId="status-title" />
          <h2>Взносы</h2>
          <PaymentsByMonth
            months={[...read.status.months.map((m) => m.month), monthOf(read.status.on)]}
            contributions={read.contributions}
          />
          <h2>Льготные категории</h2>
          <Memberships memberships={read.memberships} />
          <h2>Временный статус</h2>
          <TemporaryStatuses statuses={read.temporaryStatuses} />
          <p>
            Если вы относитесь к льготной категории, а данные о ней ещё не поступили,{' '}
            <a href="/kabinet/vremennyi-status">загрузите подтверждающий документ</a>: статус дадут на один
            месяц.
          </p>
        </>
      ) : (
        <NotInKzRegister hasIin={Boolean(claims.iin)} refusal={refusal} />
      )}
      <h2>Уведомления</h2>
      {notifications.length === 0 ? (
        <p>Уведомлений нет.</p>
      ) : (
        <ul className="notification-list" data-testid="notifications">
          {notifications.map((n) => (
            <li key={n.id}>{n.text}</li>
          ))}
        </ul>
      )}
    </>
  );
}
