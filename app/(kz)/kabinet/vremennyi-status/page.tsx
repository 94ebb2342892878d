import type { Metadata } from 'next';
import { signedInCitizen } from '@/app/_components/citizen/signed-in';
import { OSMS_CATEGORIES, categoryName } from '@/lib/domain/kz';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Загрузить документ о льготной категории' };

/**
 * The person's upload of a document proving a category (issue 14): when the category's data has not
 * reached the fund yet, the document gives a temporary status for one month.
 */
export default async function TemporaryStatusUploadPage() {
  const { actor } = await signedInCitizen('/kabinet/vremennyi-status');
  const categories = OSMS_CATEGORIES.map((code) => ({ code, name: categoryName(code) }));
  return (
    <>
      <h1>Загрузить документ о льготной категории</h1>
      <p className="lead">
        Если вы относитесь к категории, за которую взносы платит государство или местный исполнительный орган,
        а данные о ней ещё не поступили в фонд, загрузите подтверждающий документ: вы будете застрахованы на
        один месяц со дня загрузки.
      </p>
      <p>
        Если данные о категории уже поступили или временный статус по ней ещё действует, загружать документ не
        нужно. Фонд проверяет документы и может отозвать временный статус.
      </p>
      {actor.trusted ? (
        <UploadForm categories={categories} />
      ) : (
        <div className="notice" role="region" aria-labelledby="unverified-title">
          <h2 id="unverified-title">Нужна подтверждённая учётная запись</h2>
          <p>
            Загружать документы можно только с подтверждённой учётной записью eGov. Подтвердите её в центре
            обслуживания населения или электронной цифровой подписью и войдите снова.
          </p>
        </div>
      )}
    </>
  );
}
