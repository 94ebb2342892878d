import type { Metadata } from 'next';
import { listMyPeople } from '@/lib/portal/list-my-people';
import { signedInCitizen } from '../_cabinet/cabinet';
import { JourneyPage } from '../_journey/journey-page';
import { NotInRegisterNotice } from '../_journey/start-parts';

export const metadata: Metadata = { title: 'Зарегистрировать ребёнка' };

export default async function ChildStartPage() {
  const citizen = await signedInCitizen('/lk/rebenok');
  const inRegister = (await listMyPeople(citizen.actor)).some((p) => p.self);
  const start = (
    <>
      <h1 tabIndex={-1}>Зарегистрировать ребёнка и оформить ему полис ОМС</h1>
      <p className="lead">
        Родитель или законный представитель оформляет полис ребёнку до 18 лет по свидетельству о рождении.
      </p>
      <h2>Что понадобится</h2>
      <ul>
        <li>ФИО, пол и дата рождения ребёнка;</li>
        <li>серия, номер и дата выдачи свидетельства о рождении, орган ЗАГС, который его выдал.</li>
      </ul>
      <p>
        Ребёнок будет застрахован в вашем регионе; страховую компанию вы выберете из тех, что в нём работают.
        Если ребёнок уже есть в регистре по записи ЗАГС, мы найдём его по свидетельству и не создадим второй
        раз.
      </p>
      <p>Это займёт около 5 минут. После регистрации ребёнок появится в вашем личном кабинете.</p>
    </>
  );
  const blocker = !inRegister ? (
    <NotInRegisterNotice>
      <p>Ребёнок будет застрахован в вашем регионе, поэтому сначала нужен ваш собственный полис.</p>
    </NotInRegisterNotice>
  ) : null;
  return <JourneyPage journey="rebenok" citizen={citizen} start={start} blocker={blocker} />;
}
