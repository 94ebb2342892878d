import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { can } from '@/lib/auth/permissions';
import { requireConsolePage } from '../_shell/require-section';
import { directoryOverview, MO_PAGE_LIMIT } from '@/lib/directories/directory-views';
import { formatDateRu } from '@/lib/domain/dates';

export const metadata: Metadata = { title: 'Справочники' };

const day = (d: string | null) => (d ? formatDateRu(d) : '—');

export default async function DirectoriesPage({
  searchParams,
}: {
  searchParams: Promise<{ region?: string }>;
}) {
  const staff = await requireConsolePage('/konsol/spravochniki');
  if (!can(staff.actor, 'directory:manage')) forbidden();
  const { region } = await searchParams;
  const subjectCode = typeof region === 'string' && /^\d{2}$/.test(region) ? region : '77';
  const view = await directoryOverview(staff.actor, subjectCode);
  return (
    <>
      <h1>Справочники</h1>
      <ul className="link-list">
        <li>
          <Link href={'/konsol/spravochniki/zagruzka'}>
            Загрузить справочник страховых компаний (F002) или медицинских организаций (F003)
          </Link>
        </li>
        <li>
          <Link href={'/konsol/spravochniki/kalendar'}>Загрузить производственный календарь на год</Link>
        </li>
      </ul>

      <h2>Производственный календарь</h2>
      <table className="table">
        <caption className="visually-hidden">Загруженные годы производственного календаря</caption>
        <thead>
          <tr>
            <th scope="col">Год</th>
            <th scope="col">Переносы выходных</th>
            <th scope="col">Основание</th>
            <th scope="col">Загружен</th>
          </tr>
        </thead>
        <tbody>
          {view.calendarYears.map((y) => (
            <tr key={y.year}>
              <td>{y.year}</td>
              <td>
                {y.complete ? (
                  <span className="tag tag--ok">учтены</span>
                ) : (
                  <span className="tag tag--warn">нет постановления</span>
                )}
              </td>
              <td className="break">{y.source}</td>
              <td>{formatMoscowDateTime(y.loadedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Регион</h2>
      <form method="get" className="search-forms">
        <div className="form-group">
          <label className="label" htmlFor="region">
            Субъект РФ
          </label>
          <select className="select" id="region" name="region" defaultValue={subjectCode}>
            {view.subjects.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code} — {s.name}
              </option>
            ))}
          </select>
        </div>
        <button className="button button--secondary" type="submit">
          Показать
        </button>
      </form>

      <h2>Страховые медицинские организации: {view.subject?.name ?? subjectCode}</h2>
      <table className="table">
        <caption className="visually-hidden">Страховые компании региона и сроки их работы в нём</caption>
        <thead>
          <tr>
            <th scope="col">Код</th>
            <th scope="col">Наименование</th>
            <th scope="col">Телефон</th>
            <th scope="col">Работает в регионе</th>
          </tr>
        </thead>
        <tbody>
          {view.insurers.map((i) => (
            <tr key={i.code}>
              <td>{i.code}</td>
              <td>{i.nameShort}</td>
              <td>{i.phone}</td>
              <td>
                с {day(i.servedFrom)}
                {i.servedTo ? (
                  <>
                    {' '}
                    по {day(i.servedTo)} <span className="tag tag--warn">уходит из региона</span>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Медицинские организации: {view.subject?.name ?? subjectCode}</h2>
      <p>
        Всего в регионе: {view.organisationsTotal}.
        {view.organisationsTotal > MO_PAGE_LIMIT ? ` Показаны первые ${MO_PAGE_LIMIT} по коду.` : ''}
      </p>
      <table className="table">
        <caption className="visually-hidden">Медицинские организации региона</caption>
        <thead>
          <tr>
            <th scope="col">Код</th>
            <th scope="col">Наименование</th>
            <th scope="col">Первичная помощь</th>
            <th scope="col">Период работы</th>
          </tr>
        </thead>
        <tbody>
          {view.organisations.map((o) => (
            <tr key={o.code}>
              <td>{o.code}</td>
              <td>{o.nameShort}</td>
              <td>{o.primaryCare ? 'да' : 'нет'}</td>
              <td>
                с {day(o.activeFrom)}
                {o.activeTo ? ` по ${day(o.activeTo)}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
