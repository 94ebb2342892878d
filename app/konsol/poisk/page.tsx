import type { Metadata } from 'next';
import { requireConsolePage } from '../_shell/require-section';
import { DOCUMENT_KIND_CODES, documentKindName } from '@/lib/domain/ru/documents';
import { SearchForms } from './search-forms';

export const metadata: Metadata = { title: 'Поиск в регистре' };

export default async function RegisterSearchPage() {
  await requireConsolePage('/konsol/poisk');
  const documentKinds = DOCUMENT_KIND_CODES.map((code) => ({ code, name: documentKindName(code) }));
  return (
    <>
      <h1>Поиск в регистре</h1>
      <p>
        Ищите по ФИО с датой рождения (допускаются опечатки, «е» вместо «ё» и прежние фамилии), по документу,
        ЕНП или СНИЛС. В результатах — только застрахованные вашего региона или вашей страховой организации.
        Каждый показанный человек записывается в журнал доступа.
      </p>
      <SearchForms documentKinds={documentKinds} />
    </>
  );
}
