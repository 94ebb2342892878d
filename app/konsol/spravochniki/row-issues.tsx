import type { RowIssue } from '@/lib/directories/directory-rows';

/** Every wrong field of every record of a file, by record number. */
export function RowIssuesTable({ issues }: { issues: readonly RowIssue[] }) {
  return (
    <table className="table">
      <caption>Ошибки ({issues.length})</caption>
      <thead>
        <tr>
          <th scope="col">Запись</th>
          <th scope="col">Поле</th>
          <th scope="col">Что не так</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i, n) => (
          <tr key={n}>
            <td>{i.row}</td>
            <td>{i.field}</td>
            <td>{i.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
