import type { Metadata } from 'next';
import { signedInCitizen } from '../_cabinet/cabinet';
import { JourneyPage } from '../_journey/journey-page';
import { listMyPeople } from '@/lib/portal/list-my-people';
import { formatEnp } from '@/lib/domain/ru/enp';

export const metadata: Metadata = { title: 'Получить электронный полис ОМС' };

export default async function PolicyStartPage() {
  const citizen = await signedInCitizen('/lk/poluchit-polis');
  // Someone with an ЕНП gets it shown at once: there is nothing to apply for.
  const self = (await listMyPeople(citizen.actor)).find((p) => p.self);
  const start = (
    <>
      <h1 tabIndex={-1}>Получить электронный полис ОМС</h1>
      <p className="lead">
        Электронный полис — это ваш номер полиса (ЕНП) в едином регистре. С ним лечат бесплатно по ОМС в любой
        поликлинике и больнице, работающей по ОМС. Пластиковая карта или бумажный бланк не нужны.
      </p>
      <h2>Кто может подать заявление</h2>
      <p>
        Гражданин России старше 14 лет с паспортом, у которого ещё нет полиса ОМС. Заявление подаётся с
        подтверждённой учётной записью Госуслуг; за детей — через заявление «Зарегистрировать ребёнка».
      </p>
      <h2>Как это устроено</h2>
      <ul>
        <li>ФИО, дату рождения, паспорт и СНИЛС мы возьмём из Госуслуг — вводить их не нужно;</li>
        <li>вы выберете регион и страховую медицинскую организацию;</li>
        <li>
          если автоматическая проверка пройдёт, полис будет оформлен сразу; если нет — заявление рассмотрит
          сотрудник до конца следующего рабочего дня.
        </li>
      </ul>
      <p>Это займёт около 5 минут.</p>
    </>
  );
  const existing = self ? (
    <>
      <h1 tabIndex={-1}>У вас уже есть полис ОМС</h1>
      <p className="lead">
        Номер полиса (ЕНП):{' '}
        <strong className="enp" data-testid="enp">
          {formatEnp(self.enp)}
        </strong>
      </p>
      <p>
        Новое заявление не нужно. Полис, его QR-код и выписка из регистра — на странице{' '}
        <a href="/lk/polis">«Мой полис»</a>.
      </p>
      <p>
        Чтобы сменить страховую компанию, откройте <a href="/lk/smena-smo">«Смена страховой компании»</a>.
      </p>
    </>
  ) : null;
  return <JourneyPage journey="poluchit-polis" citizen={citizen} start={start} settled={existing} />;
}
