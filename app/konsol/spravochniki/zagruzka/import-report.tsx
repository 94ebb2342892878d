import type { DirectoryImportReport } from '@/lib/directories/import-directory';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';
import { RowIssuesTable } from '../row-issues';

/** What an import found: the wrong records, or what is (or would be) added, changed and ended. */
export function ImportReportView({ report }: { report: DirectoryImportReport }) {
  if (report.issues.length > 0) {
    return (
      <section aria-labelledby="report-title">
        <h2 id="report-title">Файл не загружен: ошибки в записях</h2>
        <p>
          Записей в файле: {report.records}. Исправьте ошибки и загрузите файл снова — справочник не изменён.
        </p>
        <RowIssuesTable issues={report.issues} />
      </section>
    );
  }
  return (
    <section aria-labelledby="report-title" role="status">
      <h2 id="report-title">
        {report.applied ? 'Справочник загружен' : 'Проверка пройдена: справочник пока не изменён'}
      </h2>
      <ul>
        <li>Записей в файле: {report.records}</li>
        <li>
          {report.applied ? 'Добавлено' : 'Будет добавлено'}: {report.added.length}
        </li>
        <li>
          {report.applied ? 'Изменено' : 'Будет изменено'}: {report.changed.length}
        </li>
        <li>Без изменений: {report.unchanged}</li>
      </ul>
      {report.endingActivity.length > 0 ? (
        <>
          <h3>Прекращают работу в регионе</h3>
          <p>
            Застрахованные этих компаний {report.applied ? 'получат' : 'получат после загрузки'} уведомление и
            право сменить страховую компанию вне ежегодного срока.
          </p>
          <ul>
            {report.endingActivity.map((e) => (
              <li key={e.code}>
                {e.code} {e.name} — последний день {formatDateRu(e.lastDay as LocalDate)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.changed.length > 0 ? (
        <table className="table">
          <caption>Изменения</caption>
          <thead>
            <tr>
              <th scope="col">Код</th>
              <th scope="col">Поле</th>
              <th scope="col">Было</th>
              <th scope="col">Станет</th>
            </tr>
          </thead>
          <tbody>
            {report.changed.flatMap((c) =>
              c.changes.map((f) => (
                <tr key={`${c.code}-${f.field}`}>
                  <td>
                    {c.code} {c.name}
                  </td>
                  <td>{f.field}</td>
                  <td className="break">{f.before}</td>
                  <td className="break">{f.after}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      ) : null}
      {report.added.length > 0 ? (
        <details>
          <summary>Новые записи ({report.added.length})</summary>
          <ul>
            {report.added.map((a) => (
              <li key={a.code}>
                {a.code} {a.name}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
