import type { Metadata } from 'next';
import { signedInCitizen } from '../_cabinet/cabinet';
import { JourneyPage } from '../_journey/journey-page';
import { personChoices } from '../_journey/people';
import { NotInRegisterNotice } from '../_journey/start-parts';

export const metadata: Metadata = { title: 'Смена региона страхования при переезде' };

export default async function RegionChangePage() {
  const citizen = await signedInCitizen('/lk/pereezd');
  const people = await personChoices(citizen.actor);
  const start = (
    <>
      <h1 tabIndex={-1}>Переезд в другой регион</h1>
      <p className="lead">
        Переехали в другой субъект РФ? Перенесите туда полис ОМС — для себя или для своего ребёнка. Номер
        полиса (ЕНП) останется прежним.
      </p>
      <h2>Как это устроено</h2>
      <ul>
        <li>вы выберете новый регион и страховую компанию, которая в нём работает;</li>
        <li>полис будет действовать в новом регионе со дня, когда заявление внесено в регистр;</li>
        <li>после переезда можно сменить поликлинику, не дожидаясь следующего года.</li>
      </ul>
      <p>Это займёт 2–3 минуты; документы не нужны.</p>
    </>
  );
  const blocker = people.length === 0 ? <NotInRegisterNotice /> : null;
  return <JourneyPage journey="pereezd" citizen={citizen} start={start} blocker={blocker} />;
}
