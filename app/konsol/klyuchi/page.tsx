import type { Metadata } from 'next';
import { forbidden } from 'next/navigation';
import { listApiKeysInScope } from '@/lib/api-keys/list-api-keys';
import { requireConsolePage } from '../_shell/require-section';
import { isAppError } from '@/lib/errors';
import { OutcomeBanner } from '../_shell/outcome-banner';
import { keyPrefixParam } from '../_keys/key-actions';
import { KeysTable } from '../_keys/keys-table';
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
  const staff = await requireConsolePage('/konsol/klyuchi');
  let keys;
  try {
    keys = await listApiKeysInScope(staff.actor);
  } catch (error) {
    if (isAppError(error) && error.code === 'FORBIDDEN') forbidden();
    throw error;
  }
  const { otozvan, oshibka } = await searchParams;
  const revoked = keyPrefixParam(otozvan);
  const failed = typeof oshibka === 'string' ? (ERRORS[oshibka] ?? ERRORS.NOT_FOUND) : null;
  return (
    <>
      <h1>Ключи API медицинских организаций</h1>
      <p>
        Ключ даёт информационной системе МО (МИС) доступ к API проверки (REST и FHIR).{' '}
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

      <KeysTable
        testId="api-keys"
        caption="Выпущенные ключи (показаны только префиксы)"
        ownerColumn="МО"
        revoke={revokeKey}
        keys={keys.map((k) => ({ ...k, owner: `${k.moCode} ${k.moName}` }))}
      />
    </>
  );
}
