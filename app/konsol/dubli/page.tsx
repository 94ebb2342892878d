import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { requireConsolePage } from '../_shell/require-section';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';
import { DUPLICATE_REASON_NAMES } from '@/lib/domain/ru/duplicates';
import { formatEnp } from '@/lib/domain/ru/enp';
import { can } from '@/lib/auth/permissions';
import { listLiveMerges, listOpenCandidates, mayReviewDuplicates } from '@/lib/duplicates/review-duplicates';

export const metadata: Metadata = { title: 'Возможные дубли' };

export default async function DuplicatesPage() {
  const staff = await requireConsolePage('/konsol/dubli');
  if (!mayReviewDuplicates(staff.actor)) forbidden();
  const items = await listOpenCandidates(staff.actor);
  const merges = can(staff.actor, 'person:merge_undo', {}) ? await listLiveMerges(staff.actor) : null;
  return (
    <>
      <h1>Возможные дубли</h1>
      <p>
        Пары записей регистра, которые могут описывать одного человека. Их находит ночная проверка всего
        регистра и проверка при создании записи. Откройте пару, чтобы сравнить записи и принять решение:
        объединить или отметить как разных людей.
      </p>
      {items.length === 0 ? (
        <p>Непроверенных пар нет.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Непроверенные пары, самые вероятные сверху</caption>
          <thead>
            <tr>
              <th scope="col">Пара</th>
              <th scope="col">Первая запись</th>
              <th scope="col">Вторая запись</th>
              <th scope="col">Оценка</th>
              <th scope="col">Основания</th>
              <th scope="col">Найдена</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <th scope="row">
                  <Link href={`/konsol/dubli/${i.id}`}>№ {i.id}</Link>
                </th>
                {[i.a, i.b].map((p) => (
                  <td key={p.id}>
                    {p.name}, {formatDateRu(p.birthDate as LocalDate)}
                    <br />
                    ЕНП {formatEnp(p.enp)}
                  </td>
                ))}
                <td>{i.score}</td>
                <td>{i.reasons.map((r) => DUPLICATE_REASON_NAMES[r]).join('; ')}</td>
                <td>{formatMoscowDateTime(i.foundAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {merges && (
        <>
          <h2>Последние объединения</h2>
          {merges.length === 0 ? (
            <p>Объединений нет.</p>
          ) : (
            <ul>
              {merges.map((m) => (
                <li key={m.id}>
                  {formatMoscowDateTime(m.mergedAt)}: ЕНП {formatEnp(m.retiredEnp)} объединён с ЕНП{' '}
                  {formatEnp(m.survivorEnp)}
                  {m.candidateId !== null && (
                    <>
                      {' '}
                      — <Link href={`/konsol/dubli/${m.candidateId}`}>пара № {m.candidateId}</Link>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}
