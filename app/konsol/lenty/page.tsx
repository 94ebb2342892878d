import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { requireConsolePage } from '../_shell/require-section';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';
import { formatDateTimeIn } from '@/lib/domain/zoned-time';
import { feedsOverview } from '@/lib/feeds/feeds-overview';
import { expectedPeriodText } from '@/lib/feeds/freshness';
import { feedSourceTitle, servedSendersText } from '@/lib/feeds/served-sources';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';

export const metadata: Metadata = { title: 'Ведомственный обмен' };

export default async function FeedsPage() {
  const staff = await requireConsolePage('/konsol/lenty');
  if (!can(staff.actor, 'feed:read')) forbidden();
  const { freshness, days, pending } = await feedsOverview(staff.actor);
  const { timeZone, texts } = jurisdictionProfile();
  const at = (instant: Date) => formatDateTimeIn(instant, timeZone);
  return (
    <>
      <h1>Ведомственный обмен</h1>
      {can(staff.actor, 'feed_key:manage') ? (
        <p>
          <Link href="/konsol/lenty/klyuchi">Ключи источников: выпуск и отзыв</Link>
        </p>
      ) : null}
      <p>
        Сведения {servedSendersText()} поступают в регистр через API обмена. Каждое событие применяется один
        раз; событие о человеке, которого ещё нет в регистре, ждёт его появления. Время — {texts.timeZoneName}
        .
      </p>
      <h2>Свежесть источников</h2>
      <table className="table">
        <caption className="visually-hidden">Когда каждый источник присылал события в последний раз</caption>
        <thead>
          <tr>
            <th scope="col">Источник</th>
            <th scope="col">Последнее событие получено</th>
            <th scope="col">Ожидается</th>
            <th scope="col">Состояние</th>
          </tr>
        </thead>
        <tbody>
          {freshness.map((f) => (
            <tr key={f.source}>
              <th scope="row">{feedSourceTitle(f.source)}</th>
              <td>{f.lastReceivedAt ? at(f.lastReceivedAt) : 'ещё не присылал'}</td>
              <td>{expectedPeriodText(f.expectedPeriodHours)}</td>
              <td>
                {f.lastReceivedAt === null ? (
                  <span className="tag">Не подключён</span>
                ) : f.silent ? (
                  <span className="tag tag--bad">Молчит дольше ожидаемого</span>
                ) : (
                  <span className="tag tag--ok">В срок</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>События по дням</h2>
      {days.length === 0 ? (
        <p>За последние 14 дней событий не было.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">
            Полученные события по источникам и дням ({texts.timeZoneName})
          </caption>
          <thead>
            <tr>
              <th scope="col">День</th>
              <th scope="col">Источник</th>
              <th scope="col">Получено</th>
              <th scope="col">Применено</th>
              <th scope="col">В ожидании</th>
              <th scope="col">Отклонено</th>
            </tr>
          </thead>
          <tbody>
            {days.map((d) => (
              <tr key={`${d.day}-${d.source}`}>
                <td>{formatDateRu(d.day as LocalDate)}</td>
                <td>{feedSourceTitle(d.source)}</td>
                <td>{d.received}</td>
                <td>{d.applied}</td>
                <td>{d.pending}</td>
                <td>{d.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>События в ожидании</h2>
      {pending.length === 0 ? (
        <p>Событий в ожидании нет.</p>
      ) : (
        <>
          <p>
            Событие ждёт, пока в регистре не появится человек, о котором оно, или более раннее событие о нём.
            Повторить их сразу: <code>npm run feeds:pending -- --retry</code>.
          </p>
          <table className="table">
            <caption className="visually-hidden">События в ожидании, сначала самые старые</caption>
            <thead>
              <tr>
                <th scope="col">Источник</th>
                <th scope="col">Событие</th>
                <th scope="col">Тип</th>
                <th scope="col">Получено</th>
                <th scope="col">Попыток</th>
                <th scope="col">Причина</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((p) => (
                <tr key={`${p.source}-${p.eventId}`}>
                  <td>{feedSourceTitle(p.source)}</td>
                  <td className="break">
                    <code>{p.eventId}</code>
                  </td>
                  <td>
                    <code>{p.type}</code>
                  </td>
                  <td>{at(p.receivedAt)}</td>
                  <td>{p.attempts}</td>
                  <td className="break">{p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
