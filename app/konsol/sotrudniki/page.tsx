import type { Metadata, Route } from 'next';
import Link from 'next/link';
import type { StaffListing } from '@/lib/auth/manage-staff';
import { staffRoleName } from '@/lib/auth/staff-accounts';
import { formatDateRu, moscowDate } from '@/lib/domain/dates';
import { OutcomeBanner } from '../_shell/outcome-banner';
import { manageableAccounts } from './accounts';
import { blockAccount, resetTotp, unblockAccount } from './actions';
import { CreateAccountForm } from './create-form';
import { assignableRoles, DONE_MESSAGES, ERROR_MESSAGES, organisationOf } from './labels';

export const metadata: Metadata = { title: 'Сотрудники' };

const PATH = '/konsol/sotrudniki';

function RowActions({ account }: { account: StaffListing }) {
  const label = `${account.login}`;
  return (
    <div className="actions">
      <form action={account.active ? blockAccount : unblockAccount}>
        <input type="hidden" name="staffId" value={account.id} />
        <button
          className="button--link"
          type="submit"
          aria-label={`${account.active ? 'Заблокировать' : 'Разблокировать'} ${label}`}
        >
          {account.active ? 'Заблокировать' : 'Разблокировать'}
        </button>
      </form>
      {account.totpEnabled ? (
        <form action={resetTotp}>
          <input type="hidden" name="staffId" value={account.id} />
          <button className="button--link" type="submit" aria-label={`Сбросить второй фактор ${label}`}>
            Сбросить второй фактор
          </button>
        </form>
      ) : null}
      <Link href={`${PATH}/${account.id}` as Route} aria-label={`Изменить полномочия ${label}`}>
        Изменить полномочия
      </Link>
    </div>
  );
}

export default async function StaffAccountsPage({
  searchParams,
}: {
  searchParams: Promise<{ sdelano?: string; oshibka?: string }>;
}) {
  const { staffId, role, accounts } = await manageableAccounts(PATH);
  const { sdelano, oshibka } = await searchParams;
  const done = typeof sdelano === 'string' ? DONE_MESSAGES[sdelano] : undefined;
  const failed =
    typeof oshibka === 'string' ? (ERROR_MESSAGES[oshibka] ?? ERROR_MESSAGES.FORBIDDEN) : undefined;
  const roles = assignableRoles(role).map((r) => ({ value: r, label: staffRoleName(r) }));
  return (
    <>
      <h1>Сотрудники</h1>
      <OutcomeBanner done={done} failed={failed} />
      <p>
        {role === 'ffoms_admin'
          ? 'Все учётные записи регистра.'
          : 'Учётные записи операторов СМО, работающих в вашем регионе, и регистраторов МО вашего региона.'}
      </p>
      <table className="table" data-testid="staff-accounts">
        <caption>Учётные записи ({accounts.length})</caption>
        <thead>
          <tr>
            <th scope="col">Логин</th>
            <th scope="col">ФИО</th>
            <th scope="col">Роль</th>
            <th scope="col">Организация</th>
            <th scope="col">Состояние</th>
            <th scope="col">Второй фактор</th>
            <th scope="col">Последний вход</th>
            <th scope="col">Действия</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id} data-login={a.login}>
              <th scope="row">{a.login}</th>
              <td>{a.fullName}</td>
              <td>{staffRoleName(a.role)}</td>
              <td>{organisationOf(a)}</td>
              <td>{a.active ? 'Действует' : 'Заблокирована'}</td>
              <td>{a.totpEnabled ? 'Подключён' : 'Нет'}</td>
              <td>{a.lastSignInAt ? formatDateRu(moscowDate(a.lastSignInAt)) : '—'}</td>
              <td>{a.id === staffId ? 'Это вы' : <RowActions account={a} />}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Новая учётная запись</h2>
      <p>
        Пароль создаётся автоматически и показывается один раз. Сотрудник подключит второй фактор при первом
        входе.
      </p>
      <CreateAccountForm roles={roles} />
    </>
  );
}
