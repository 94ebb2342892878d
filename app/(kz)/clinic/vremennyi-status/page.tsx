import type { Metadata } from 'next';
import { TEMPORARY_STATUS_PAGE } from '@/app/clinic/osms-lookup-result';
import { RegistrarFrame } from '@/app/clinic/registrar-frame';
import { categoryName, OSMS_CATEGORIES } from '@/lib/domain/kz/categories';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Временный статус по документу — рабочее место регистратора' };

/**
 * The registrar's upload of a document proving a category (issue 14): the person gets the one-month
 * temporary status while the category's data has not arrived. Kazakhstan only (the (kz) group's gate).
 */
export default async function TemporaryStatusUploadPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const iin = (await searchParams).iin;
  const categories = OSMS_CATEGORIES.map((code) => ({ code, name: categoryName(code) }));
  return (
    <RegistrarFrame path={TEMPORARY_STATUS_PAGE} refusal="Загрузка документов">
      <p>
        <a href="/clinic">Проверка статуса</a>
      </p>
      <h1>Временный статус по документу о льготной категории</h1>
      <p>
        Если пациент относится к льготной категории, а сведения о ней ещё не поступили в фонд, загрузите скан
        или фотографию подтверждающего документа. Пациент получит статус застрахованного на один месяц и
        уведомление; постоянный статус появится, когда поступят сведения о категории. Документ хранится в
        регистре, оператор фонда может отозвать статус.
      </p>
      <UploadForm categories={categories} initialIin={typeof iin === 'string' ? iin : ''} />
    </RegistrarFrame>
  );
}
