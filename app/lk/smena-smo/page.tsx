import type { Metadata } from 'next';
import { citizenForPage } from '../_journey/citizen-page';
import { journeyAt } from '../_journey/journey-state';
import { personChoices } from '../_journey/people';
import { NotInRegisterNotice, UnverifiedNotice } from '../_journey/start-parts';
import { InsurerChangeJourney } from './insurer-change-journey';

export const metadata: Metadata = { title: 'Смена страховой медицинской организации' };

export default async function InsurerChangePage() {
  const citizen = await citizenForPage('/lk/smena-smo');
  const people = await personChoices(citizen.actor);
  const start = (
    <>
      <h1 tabIndex={-1}>Смена страховой медицинской организации</h1>
      <p className="lead">
        Выберите другую страховую медицинскую организацию (СМО) — для себя или для своего ребёнка. Номер
        полиса (ЕНП) при этом не меняется.
      </p>
      <h2>Когда можно сменить</h2>
      <ul>
        <li>раз в календарный год — заявление подаётся не позднее 1 ноября;</li>
        <li>чаще — после переезда в другой регион или если ваша страховая компания уходит из региона.</li>
      </ul>
      <p>
        Сначала мы проверим, можно ли сменить страховую компанию сейчас, и покажем те, что работают в вашем
        регионе. Это займёт 2–3 минуты; документы не нужны.
      </p>
    </>
  );
  const blocker = !citizen.actor.trusted ? (
    <UnverifiedNotice claims={citizen.claims} />
  ) : people.length === 0 ? (
    <NotInRegisterNotice />
  ) : null;
  // The journey is always rendered (also when it cannot start): a posted form is answered by it.
  return (
    <InsurerChangeJourney initial={journeyAt('start', {})} canStart={!blocker}>
      {start}
      {blocker}
    </InsurerChangeJourney>
  );
}
