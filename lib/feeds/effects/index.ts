import type { FeedEventType } from '../events';
import type { Effect } from './context';
import { serviceEnded, serviceStarted } from './military';
import {
  citizenshipAcquired,
  passportIssued,
  passportReplaced,
  residencePermitAnnulled,
  residencePermitIssued,
} from './mvd';
import { birthRegistered, deathRegistered, nameChanged } from './zags';

/** Each event type's effect on the register: one function, through the register's use cases. */
export const EFFECTS: { [T in FeedEventType]: Effect<T> } = {
  'birth.registered': birthRegistered,
  'death.registered': deathRegistered,
  'name.changed': nameChanged,
  'citizenship.acquired': citizenshipAcquired,
  'passport.issued': passportIssued,
  'passport.replaced': passportReplaced,
  'residence-permit.issued': residencePermitIssued,
  'residence-permit.annulled': residencePermitAnnulled,
  'service.started': serviceStarted,
  'service.ended': serviceEnded,
};

/**
 * Refusals that mean "not yet" rather than "no": the event waits for an earlier one that has not arrived
 * (a service end before its start, a passport replaced before it was issued) and is retried when its
 * person changes. Not finding the person at all is always "not yet" (PersonNotFound).
 */
export const WAITS_ON: { [T in FeedEventType]?: readonly string[] } = {
  'service.started': ['COVERAGE_NONE'],
  'service.ended': ['COVERAGE_NOT_SUSPENDED'],
  'passport.replaced': ['FEED_DOCUMENT_NOT_FOUND'],
  'residence-permit.annulled': ['FEED_DOCUMENT_NOT_FOUND', 'COVERAGE_NONE'],
};
