import type { Metadata } from 'next';
import { citizenForPage } from '../_journey/citizen-page';
import { journeyAt } from '../_journey/journey-state';
import { personChoices } from '../_journey/people';
import { NotInRegisterNotice, UnverifiedNotice } from '../_journey/start-parts';
import { AttachmentJourney } from './attachment-journey';

export const metadata: Metadata = { title: 'Прикрепиться к поликлинике' };

export default async function AttachmentPage() {
  const citizen = await citizenForPage('/lk/poliklinika');
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
  const blocker = !citizen.actor.trusted ? (
    <UnverifiedNotice claims={citizen.claims} />
  ) : people.length === 0 ? (
    <NotInRegisterNotice />
  ) : null;
  // The journey is always rendered (also when it cannot start): a posted form is answered by it.
  return (
    <AttachmentJourney initial={journeyAt('start', {})} canStart={!blocker}>
      {start}
      {blocker}
    </AttachmentJourney>
  );
}
