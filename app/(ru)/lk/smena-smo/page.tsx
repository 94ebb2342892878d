import type { Metadata } from 'next';
import { signedInCitizen } from '../_cabinet/cabinet';
import { JourneyPage } from '../_journey/journey-page';
import { personChoices } from '../_journey/people';
import { NotInRegisterNotice } from '../_journey/start-parts';

export const metadata: Metadata = { title: 'Смена страховой медицинской организации' };

export default async function InsurerChangePage() {
  const citizen = await signedInCitizen('/lk/smena-smo');
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
  const blocker = people.length === 0 ? <NotInRegisterNotice /> : null;
  return <JourneyPage journey="smena-smo" citizen={citizen} start={start} blocker={blocker} />;
}
