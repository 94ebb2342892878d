import type { Metadata } from 'next';
import { DOCUMENT_KIND_CODES, documentKindName } from '@/lib/domain/ru/documents';
import { nationalPart } from '@/lib/jurisdiction/national';
import { requireConsolePage } from '../_shell/require-section';
import { KzSearchForms } from './_kz/kz-search-forms';
import { SearchForms } from './search-forms';

export const metadata: Metadata = { title: 'Поиск в регистре' };

/** One address in both countries (ADR 0029): each searches by its own identifiers. */
const NATIONAL_SEARCH = {
  ru: () => (
    <>
      <p>
        Ищите по ФИО с датой рождения (допускаются опечатки, «е» вместо «ё» и прежние фамилии), по документу,
        ЕНП или СНИЛС. В результатах — только застрахованные вашего региона или вашей страховой организации.
        Каждый показанный человек записывается в журнал доступа.
      </p>
      <SearchForms
        documentKinds={DOCUMENT_KIND_CODES.map((code) => ({ code, name: documentKindName(code) }))}
      />
    </>
  ),
  kz: () => (
    <>
      <p>
        Ищите по ИИН или по ФИО с датой рождения (допускаются опечатки и прежние фамилии). Каждый показанный
        человек записывается в журнал доступа.
      </p>
      <KzSearchForms />
    </>
  ),
};

export default async function RegisterSearchPage() {
  await requireConsolePage('/konsol/poisk');
  return (
    <>
      <h1>Поиск в регистре</h1>
      {nationalPart(NATIONAL_SEARCH)()}
    </>
  );
}
