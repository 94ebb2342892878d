import type { Metadata } from 'next';
import Link from 'next/link';
import { staffRoleName } from '@/lib/auth/staff-accounts';
import { assignableRoles, organisationOf } from '../labels';
import { manageableAccounts } from '../accounts';
import { RescopeForm } from '../rescope-form';

export const metadata: Metadata = { title: 'Полномочия сотрудника' };

export default async function RescopePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { staffId, role, accounts } = await manageableAccounts(
    `/konsol/sotrudniki/${encodeURIComponent(id)}`,
  );
  const account = /^\d{1,15}$/.test(id) ? accounts.find((a) => a.id === Number(id)) : undefined;
  // An answer in the page, not notFound(): Next's not-found inside this streamed layout is its bare error
  // shell, without the site's Russian page (found by the fuzz suite).
  if (!account || account.id === staffId) {
    return (
      <>
        <h1>Учётная запись не найдена</h1>
        <p>Такой учётной записи нет, она вне ваших полномочий или это ваша собственная учётная запись.</p>
        <p>
          <Link href="/konsol/sotrudniki">К списку сотрудников</Link>
        </p>
      </>
    );
  }
  const roles = assignableRoles(role).map((r) => ({ value: r, label: staffRoleName(r) }));
  return (
    <>
      <h1>Полномочия: {account.login}</h1>
      <p>
        {account.fullName}, сейчас — {staffRoleName(account.role)}, {organisationOf(account)}. Смена роли
        завершает сеансы сотрудника.
      </p>
      <RescopeForm
        staffId={account.id}
        roles={roles}
        initial={{
          role: account.role,
          subjectCode: account.subjectCode ?? '',
          insurerCode: account.insurerCode ?? '',
          moCode: account.moCode ?? '',
        }}
      />
    </>
  );
}
