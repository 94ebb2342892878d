import type { Metadata } from 'next';
import { citizenForPage } from '../_journey/citizen-page';
import { journeyAt } from '../_journey/journey-state';
import { personChoices } from '../_journey/people';
import { NotInRegisterNotice, UnverifiedNotice } from '../_journey/start-parts';
import { RegionChangeJourney } from './region-change-journey';

export const metadata: Metadata = { title: 'Смена региона страхования при переезде' };

export default async function RegionChangePage() {
  const citizen = await citizenForPage('/lk/pereezd');
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
  const blocker = !citizen.actor.trusted ? (
    <UnverifiedNotice claims={citizen.claims} />
  ) : people.length === 0 ? (
    <NotInRegisterNotice />
  ) : null;
  // The journey is always rendered (also when it cannot start): a posted form is answered by it.
  return (
    <RegionChangeJourney initial={journeyAt('start', {})} canStart={!blocker}>
      {start}
      {blocker}
    </RegionChangeJourney>
  );
}
