import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { listApiKeysInScope } from '@/lib/api-keys/list-api-keys';
import { requireStaff } from '@/lib/auth/staff-context';
import { isAppError } from '@/lib/errors';
import { OutcomeBanner } from '../_shell/outcome-banner';
import { revokeKey } from './actions';
import { IssueKeyForm } from './issue-form';

export const metadata: Metadata = { title: 'Ключи API медицинских организаций' };

const ERRORS: Record<string, string> = {
  NOT_FOUND: 'Ключ не найден.',
  FORBIDDEN: 'Недостаточно прав: ключ выдан МО другого региона.',
};

export default async function ApiKeysPage({
  searchParams,
}: {
  searchParams: Promise<{ otozvan?: string; oshibka?: string }>;
}) {
  const staff = await requireStaff('/konsol/klyuchi');
  let keys;
  try {
    keys = await listApiKeysInScope(staff.actor);
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') forbidden();
    throw error;
  }
  const { otozvan, oshibka } = await searchParams;
  const revoked = typeof otozvan === 'string' && /^[0-9a-f]{8}$/.test(otozvan) ? otozvan : null;
  const failed = typeof oshibka === 'string' ? (ERRORS[oshibka] ?? ERRORS.NOT_FOUND) : null;
  return (
    <>
      <h1>Ключи API медицинских организаций</h1>
      <p>
        Ключ даёт информационной системе МО (МИС) доступ к проверке полисов через REST и FHIR.{' '}
        {staff.role === 'ffoms_admin'
          ? 'Вы управляете ключами всех МО.'
          : 'Вы управляете ключами МО вашего региона.'}
      </p>
      <OutcomeBanner
        done={revoked ? `Ключ ${revoked} отозван: запросы с ним отклоняются.` : null}
        failed={failed}
      />

      <h2>Выпустить ключ</h2>
      <IssueKeyForm />

      <table className="table" data-testid="api-keys">
        <caption>Выпущенные ключи (показаны только префиксы)</caption>
        <thead>
          <tr>
            <th scope="col">Префикс</th>
            <th scope="col">МО</th>
            <th scope="col">Описание</th>
            <th scope="col">Выпущен</th>
            <th scope="col">Состояние</th>
            <th scope="col">Действие</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.prefix} data-prefix={k.prefix}>
              <th scope="row">
                <code>{k.prefix}</code>
              </th>
              <td>
                {k.moCode} {k.moName}
              </td>
              <td>{k.label ?? '—'}</td>
              <td>
                {formatMoscowDateTime(k.createdAt)}, {k.createdBy}
              </td>
              <td>{k.revokedAt ? `Отозван ${formatMoscowDateTime(k.revokedAt)}` : 'Действует'}</td>
              <td>
                {k.revokedAt ? null : (
                  <form action={revokeKey}>
                    <input type="hidden" name="prefix" value={k.prefix} />
                    <button className="button--link" type="submit" aria-label={`Отозвать ключ ${k.prefix}`}>
                      Отозвать
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
