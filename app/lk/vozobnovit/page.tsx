import type { Metadata } from 'next';
import { citizenForPage } from '../_journey/citizen-page';
import { journeyAt } from '../_journey/journey-state';
import { ownPolicyStatus } from '../_journey/own-policy';
import { NotInRegisterNotice, UnverifiedNotice } from '../_journey/start-parts';
import { RenewalJourney } from './renewal-journey';

export const metadata: Metadata = { title: 'Возобновить полис ОМС после службы' };

export default async function RenewalPage() {
  const citizen = await citizenForPage('/lk/vozobnovit');
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
      {policy ? (
        <p data-testid="policy-status">
          <strong>Ваш полис сейчас:</strong> {policy.text}
        </p>
      ) : null}
    </>
  );
  const blocker = !citizen.actor.trusted ? (
    <UnverifiedNotice claims={citizen.claims} />
  ) : !policy ? (
    <NotInRegisterNotice />
  ) : policy.status !== 'suspended' ? (
    <div className="notice" role="region" aria-labelledby="cannot-renew" data-testid="cannot-apply">
      <h2 id="cannot-renew">Возобновлять нечего</h2>
      <p>Возобновить можно только полис, приостановленный на время службы.</p>
    </div>
  ) : null;
  // The journey is always rendered (also when it cannot start): a posted form is answered by it.
  return (
    <RenewalJourney initial={journeyAt('start', {})} canStart={!blocker}>
      {start}
      {blocker}
    </RenewalJourney>
  );
}
