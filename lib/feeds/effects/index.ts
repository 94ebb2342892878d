import type { Permission } from '@/lib/auth/permissions';
import { KZ_EFFECTS, KZ_EVENT_PERMISSION, KZ_WAITS_ON } from '@/lib/kz/feeds/effects';
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
  ...KZ_EFFECTS,
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
  ...KZ_WAITS_ON,
};

/**
 * What each event type may do to the register, checked for the feed's actor before its person is even
 * looked for (the use cases check again, with the person's scope, under the lock).
 */
export const EVENT_PERMISSION: { [T in FeedEventType]: Permission } = {
  'birth.registered': 'person:register',
  'death.registered': 'coverage:change',
  'name.changed': 'person:correct',
  'citizenship.acquired': 'person:register',
  'passport.issued': 'person:correct',
  'passport.replaced': 'person:correct',
  'residence-permit.issued': 'person:register',
  'residence-permit.annulled': 'coverage:change',
  'service.started': 'coverage:change',
  'service.ended': 'coverage:change',
  ...KZ_EVENT_PERMISSION,
};
