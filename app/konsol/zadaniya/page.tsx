import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { can } from '@/lib/auth/permissions';
import { requireConsolePage } from '../_shell/require-section';
import { listJobs, type JobState } from '@/lib/jobs/list-jobs';

export const metadata: Metadata = { title: 'Фоновые задания' };

const STATE_NAMES: Record<JobState, string> = {
  created: 'В очереди',
  retry: 'Ждёт повтора',
  active: 'Выполняется',
  completed: 'Выполнено',
  cancelled: 'Отменено',
  failed: 'Ошибка',
};

const STATE_TAGS: Partial<Record<JobState, string>> = {
  completed: 'tag tag--ok',
  retry: 'tag tag--warn',
  failed: 'tag tag--bad',
};

const COUNT_COLUMNS: readonly JobState[] = ['created', 'active', 'retry', 'failed', 'completed'];

export default async function JobsPage() {
  const staff = await requireConsolePage('/konsol/zadaniya');
  if (!can(staff.actor, 'jobs:read')) forbidden();
  const jobs = await listJobs(staff.actor);
  return (
    <>
      <h1>Фоновые задания</h1>
      <p>
        Задания выполняются отдельно от запросов пользователей. Неудачное задание повторяется с растущей
        паузой; после последней попытки оно остаётся здесь с текстом ошибки.
      </p>
      {!jobs.installed && (
        <p className="notice">Обработчик заданий ещё ни разу не запускался на этой базе данных.</p>
      )}
      <h2>Виды заданий</h2>
      <table className="table">
        <caption className="visually-hidden">Количество заданий каждого вида по состояниям</caption>
        <thead>
          <tr>
            <th scope="col">Задание</th>
            {COUNT_COLUMNS.map((s) => (
              <th key={s} scope="col">
                {STATE_NAMES[s]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {jobs.kinds.map((k) => (
            <tr key={k.name}>
              <th scope="row">{k.title}</th>
              {COUNT_COLUMNS.map((s) => (
                <td key={s}>{k.counts[s]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Последние запуски</h2>
      {jobs.recent.length === 0 ? (
        <p>Запусков пока не было.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Последние запуски заданий</caption>
          <thead>
            <tr>
              <th scope="col">Задание</th>
              <th scope="col">Состояние</th>
              <th scope="col">Поставлено</th>
              <th scope="col">Завершено</th>
              <th scope="col">Попытки</th>
              <th scope="col">Итог</th>
            </tr>
          </thead>
          <tbody>
            {jobs.recent.map((j) => (
              <tr key={j.id}>
                <td>{j.title}</td>
                <td>
                  <span className={STATE_TAGS[j.state] ?? 'tag'}>{STATE_NAMES[j.state]}</span>
                </td>
                <td>{formatMoscowDateTime(j.createdOn)}</td>
                <td>{j.completedOn ? formatMoscowDateTime(j.completedOn) : '—'}</td>
                <td>
                  {j.retryCount + 1} из {j.retryLimit + 1}
                </td>
                <td className="break">{j.output ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
