import type { Metadata } from 'next';
import { DOCUMENT_KIND_CODES, documentKindName } from '@/lib/domain/ru/documents';
import { nationalPart } from '@/lib/jurisdiction/national';
import { LookupForms } from './lookup-forms';
import { OsmsLookupForm } from './osms-lookup-form';
import { TEMPORARY_STATUS_PAGE } from './osms-lookup-result';
import { RegistrarFrame } from './registrar-frame';

export function generateMetadata(): Metadata {
  return {
    title: nationalPart({
      ru: 'Проверка полиса — рабочее место регистратора',
      kz: 'Проверка статуса ОСМС — рабочее место регистратора',
    }),
  };
}

/** Russia: a patient's ОМС policy by document, ЕНП or СНИЛС. */
function RussianWorkspace() {
  const documentKinds = DOCUMENT_KIND_CODES.map((code) => ({ code, name: documentKindName(code) }));
  return (
    <>
      <h1>Проверка полиса ОМС</h1>
      <p>
        Найдите пациента по документу с датой рождения, по ЕНП или по СНИЛС с датой рождения. Каждая проверка
        записывается в журнал доступа.
      </p>
      <LookupForms documentKinds={documentKinds} />
    </>
  );
}

/** Kazakhstan: a patient's ОСМС status by ИИН, and the category document for a temporary status. */
function OsmsWorkspace() {
  return (
    <>
      <h1>Проверка статуса в системе ОСМС</h1>
      <p>
        Найдите пациента по ИИН: статус застрахованного на дату обращения, его основание и срок. Каждая
        проверка записывается в журнал доступа.
      </p>
      <p>
        <a href={TEMPORARY_STATUS_PAGE}>Загрузить документ о льготной категории</a> — временный статус на один
        месяц, пока не поступили сведения о категории.
      </p>
      <OsmsLookupForm />
    </>
  );
}

export default function ClinicWorkspacePage() {
  return (
    <RegistrarFrame path="/clinic" refusal="Рабочее место регистратора">
      {nationalPart({ ru: <RussianWorkspace />, kz: <OsmsWorkspace /> })}
    </RegistrarFrame>
  );
}
