import type { Metadata } from 'next';
import { citizenForPage } from '../_journey/citizen-page';
import { journeyAt } from '../_journey/journey-state';
import { ownPolicyStatus } from '../_journey/own-policy';
import { NotInRegisterNotice, UnverifiedNotice } from '../_journey/start-parts';
import { SuspensionJourney } from './suspension-journey';

export const metadata: Metadata = { title: 'Приостановить полис ОМС на время службы' };

export default async function SuspensionPage() {
  const citizen = await citizenForPage('/lk/priostanovit');
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
  ) : policy.status !== 'active' ? (
    <div className="notice" role="region" aria-labelledby="cannot-suspend" data-testid="cannot-apply">
      <h2 id="cannot-suspend">Приостановить полис сейчас нельзя</h2>
      <p>Приостановить можно только действующий полис.</p>
      {policy.status === 'suspended' ? (
        <p>
          Если служба закончилась, <a href="/lk/vozobnovit">возобновите полис</a>.
        </p>
      ) : null}
    </div>
  ) : null;
  // The journey is always rendered (also when it cannot start): a posted form is answered by it.
  return (
    <SuspensionJourney initial={journeyAt('start', {})} canStart={!blocker}>
      {start}
      {blocker}
    </SuspensionJourney>
  );
}
