import { renewPolicy } from '@/lib/register/renew-policy';
import { suspendPolicy } from '@/lib/register/suspend-policy';
import { findReferencedPerson } from '../find-person';
import { inEventTerms, type Effect } from './context';

/** Military service started: the policy is suspended from that day (reason: military service). */
export const serviceStarted: Effect<'service.started'> = async ({ tx, meta }, event) => {
  const person = await findReferencedPerson(tx, event.data.person, 'data.person');
  await inEventTerms({ on: 'data.startedOn' }, () =>
    suspendPolicy({ personId: person.id, reason: 'military_service', on: event.data.startedOn }, meta),
  );
  return person;
};

/** Military service ended: the suspended policy is renewed from that day. */
export const serviceEnded: Effect<'service.ended'> = async ({ tx, meta }, event) => {
  const person = await findReferencedPerson(tx, event.data.person, 'data.person');
  await inEventTerms({ on: 'data.endedOn' }, () =>
    renewPolicy({ personId: person.id, on: event.data.endedOn }, meta),
  );
  return person;
};
