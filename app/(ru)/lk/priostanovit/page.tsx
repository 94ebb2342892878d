import type { Metadata } from 'next';
import { signedInCitizen } from '../_cabinet/cabinet';
import { JourneyPage } from '../_journey/journey-page';
import { ownPolicyStatus } from '../_journey/own-policy';
import { NotApplicableNotice, NotInRegisterNotice, PolicyStatusLine } from '../_journey/start-parts';

export const metadata: Metadata = { title: 'Приостановить полис ОМС на время службы' };

export default async function SuspensionPage() {
  const citizen = await signedInCitizen('/lk/priostanovit');
  const policy = await ownPolicyStatus(citizen.actor);
  const start = (
    <>
      <h1 tabIndex={-1}>Приостановить полис ОМС на время службы</h1>
      <p className="lead">
        Если вы поступили на военную службу по призыву или по контракту либо на приравненную к ней службу,
        полис ОМС приостанавливается: медицинскую помощь на это время оказывает ведомство.
      </p>
      <p>
        Вы укажете основание и дату начала службы. Полис будет приостановлен с этого дня, номер полиса (ЕНП)
        сохранится. После службы полис возобновляют отдельным заявлением.
      </p>
      <p>Это займёт 2 минуты.</p>
      <PolicyStatusLine policy={policy} />
    </>
  );
  const blocker = !policy ? (
    <NotInRegisterNotice />
  ) : policy.status !== 'active' ? (
    <NotApplicableNotice id="cannot-suspend" title="Приостановить полис сейчас нельзя">
      <p>Приостановить можно только действующий полис.</p>
      {policy.status === 'suspended' ? (
        <p>
          Если служба закончилась, <a href="/lk/vozobnovit">возобновите полис</a>.
        </p>
      ) : null}
    </NotApplicableNotice>
  ) : null;
  return <JourneyPage journey="priostanovit" citizen={citizen} start={start} blocker={blocker} />;
}
