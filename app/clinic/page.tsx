import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentIdentity } from '@/lib/auth/session';
import { DOCUMENT_KIND_CODES, documentKindName } from '@/lib/domain/ru/documents';
import { StaffUserBar } from '../vhod/staff-user-bar';
import { LookupForms } from './lookup-forms';

export const metadata: Metadata = { title: 'Проверка полиса — рабочее место регистратора' };

export default async function ClinicWorkspacePage() {
  const identity = await currentIdentity();
  if (!identity) redirect('/vhod?next=/clinic');
  if (identity.actor.kind !== 'clinic') {
    return (
      <>
        <h1>Нет доступа</h1>
        <p>Рабочее место регистратора доступно только сотрудникам медицинских организаций.</p>
      </>
    );
  }
  const documentKinds = DOCUMENT_KIND_CODES.map((code) => ({ code, name: documentKindName(code) }));
  return (
    <>
      <StaffUserBar>
        <span>
          {identity.displayName}, МО {identity.actor.moCode}
        </span>
      </StaffUserBar>
      <h1>Проверка полиса ОМС</h1>
      <p>
        Найдите пациента по документу с датой рождения, по ЕНП или по СНИЛС с датой рождения. Каждая проверка
        записывается в журнал доступа.
      </p>
      <LookupForms documentKinds={documentKinds} />
    </>
  );
}
