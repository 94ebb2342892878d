import type { ReactNode } from 'react';
import type { SignedInCitizen } from '@/lib/auth/citizen';
import { Journey } from './journey-host';
import { journeyAt, START } from './journey-state';
import { UnverifiedNotice } from './start-parts';

/**
 * A journey's page (/lk/<journey>): its start text with «Начать», or — for a citizen who cannot apply —
 * why not: an unverified account first, then what the page itself found (`blocker`). `settled` replaces
 * the start page when there is nothing to apply for. The journey is always rendered, also when it cannot
 * start: a posted form is answered by it.
 */
export function JourneyPage({
  journey,
  citizen,
  start,
  blocker = null,
  settled = null,
}: {
  journey: string;
  citizen: SignedInCitizen;
  start: ReactNode;
  blocker?: ReactNode;
  settled?: ReactNode;
}) {
  const stop = citizen.actor.trusted ? blocker : <UnverifiedNotice claims={citizen.claims} />;
  return (
    <Journey initial={journeyAt(journey, START, {})} canStart={!settled && !stop}>
      {settled ?? (
        <>
          {start}
          {stop}
        </>
      )}
    </Journey>
  );
}
