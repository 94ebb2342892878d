import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden } from 'next/navigation';
import { can } from '@/lib/auth/permissions';
import { requireConsolePage } from '../../_shell/require-section';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { ImportForm } from './import-form';

export const metadata: Metadata = { title: 'Загрузка справочника' };

export default async function DirectoryImportPage() {
  const staff = await requireConsolePage('/konsol/spravochniki/zagruzka');
  if (!can(staff.actor, 'directory:manage')) forbidden();
  return (
    <>
      <p>
        <Link href={'/konsol/spravochniki'}>← Справочники</Link>
      </p>
      <h1>Загрузка справочника</h1>
      <p>
        Сначала проверьте файл: будет показано, что добавится и что изменится. Если в файле есть ошибки, он не
        загружается целиком. Организации, которых нет в файле, остаются как были.
      </p>
      <ImportForm kinds={jurisdictionProfile().directories.files.map((d) => [d.kind, d.name] as const)} />
    </>
  );
}
