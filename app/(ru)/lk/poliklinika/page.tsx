import type { Metadata } from 'next';
import { signedInCitizen } from '../_cabinet/cabinet';
import { JourneyPage } from '../_journey/journey-page';
import { personChoices } from '../_journey/people';
import { NotInRegisterNotice } from '../_journey/start-parts';

export const metadata: Metadata = { title: 'Прикрепиться к поликлинике' };

export default async function AttachmentPage() {
  const citizen = await signedInCitizen('/lk/poliklinika');
  const people = await personChoices(citizen.actor);
  const start = (
    <>
      <h1 tabIndex={-1}>Прикрепиться к поликлинике</h1>
      <p className="lead">
        Выберите поликлинику, где вас или вашего ребёнка будут наблюдать врачи-терапевты и педиатры, — среди
        поликлиник вашего региона, которые работают по ОМС.
      </p>
      <h2>Когда можно</h2>
      <ul>
        <li>в первый раз — в любое время;</li>
        <li>сменить поликлинику — раз в год, а после переезда — сразу.</li>
      </ul>
      <p>Сначала мы покажем, можно ли сменить поликлинику сейчас. Это займёт 2 минуты.</p>
    </>
  );
  const blocker = people.length === 0 ? <NotInRegisterNotice /> : null;
  return <JourneyPage journey="poliklinika" citizen={citizen} start={start} blocker={blocker} />;
}
