import type { Permission } from '@/lib/auth/permissions';
import type { Effect } from '@/lib/feeds/effects/context';
import { joinCategory, leaveCategory } from '@/lib/kz/categories/record-memberships';
import { recordContribution, reverseContribution } from '@/lib/kz/contributions/record-contributions';
import type { KzFeedEvent } from './events';

type KzEventType = KzFeedEvent['type'];

/** Each ОСМС event type's effect: one use case each, in the event's savepoint (`meta.within`). */
export const KZ_EFFECTS: { [T in KzEventType]: Effect<T> } = {
  'contribution.paid': ({ meta }, e) => recordContribution(e.data, meta),
  'contribution.reversed': ({ meta }, e) => reverseContribution(e.data, meta),
  'category.joined': ({ meta }, e) => joinCategory(e.data, meta),
  'category.left': ({ meta }, e) => leaveCategory(e.data, meta),
};

/**
 * "Not yet" rather than "no": a person the register does not know yet (payments for an unknown valid ИИН
 * wait for the person, they never create one — ADR 0031), a reversal before its payment, a leaving before
 * the joining. Kept pending under the ИИН and retried when the person changes.
 */
export const KZ_WAITS_ON: { [T in KzEventType]: readonly string[] } = {
  'contribution.paid': ['PERSON_NOT_FOUND'],
  'contribution.reversed': ['PERSON_NOT_FOUND', 'KZ_PAYMENT_NOT_FOUND'],
  'category.joined': ['PERSON_NOT_FOUND'],
  'category.left': ['PERSON_NOT_FOUND', 'KZ_CATEGORY_NOT_FOUND'],
};

export const KZ_EVENT_PERMISSION: { [T in KzEventType]: Permission } = {
  'contribution.paid': 'contribution:record',
  'contribution.reversed': 'contribution:record',
  'category.joined': 'category:record',
  'category.left': 'category:record',
};
