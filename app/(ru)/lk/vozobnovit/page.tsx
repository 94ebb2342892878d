import type { Metadata } from 'next';
import { signedInCitizen } from '../_cabinet/cabinet';
import { JourneyPage } from '../_journey/journey-page';
import { ownPolicyStatus } from '../_journey/own-policy';
import { NotApplicableNotice, NotInRegisterNotice, PolicyStatusLine } from '../_journey/start-parts';

export const metadata: Metadata = { title: 'Возобновить полис ОМС после службы' };

export default async function RenewalPage() {
  const citizen = await signedInCitizen('/lk/vozobnovit');
  const policy = await ownPolicyStatus(citizen.actor);
  const start = (
    <>
      <h1 tabIndex={-1}>Возобновить полис ОМС после службы</h1>
      <p className="lead">
        Служба закончилась? Возобновите полис ОМС, приостановленный на время военной или приравненной к ней
        службы.
      </p>
      <p>
        Вы укажете дату окончания службы. Полис снова будет действовать с этого дня с прежним номером (ЕНП) и
        в прежней страховой компании. Это займёт 2 минуты.
      </p>
      <PolicyStatusLine policy={policy} />
    </>
  );
  const blocker = !policy ? (
    <NotInRegisterNotice />
  ) : policy.status !== 'suspended' ? (
    <NotApplicableNotice id="cannot-renew" title="Возобновлять нечего">
      <p>Возобновить можно только полис, приостановленный на время службы.</p>
    </NotApplicableNotice>
  ) : null;
  return <JourneyPage journey="vozobnovit" citizen={citizen} start={start} blocker={blocker} />;
}
