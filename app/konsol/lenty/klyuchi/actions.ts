'use server';

import type { FeedSource } from '@/lib/auth/actor';
import { createFeedKey, revokeFeedKey } from '@/lib/feeds/feed-keys';
import type { FormState } from '../../../_components/form-state';
import { issueKeyFromForm, revokeKeyFromForm, type KeyOwnerField } from '../../_keys/key-actions';

const PATH = '/konsol/lenty/klyuchi';
const SOURCES: readonly FeedSource[] = ['zags', 'mvd', 'military'];

const SOURCE: KeyOwnerField = {
  name: 'source',
  check: (value) =>
    SOURCES.includes(value as FeedSource) ? null : 'Выберите источник: ЗАГС, МВД или военный комиссариат.',
};

export interface IssuedFeedKey {
  source: FeedSource;
  prefix: string;
  key: string;
}

export async function issueFeedKey(
  _prev: FormState<IssuedFeedKey>,
  form: FormData,
): Promise<FormState<IssuedFeedKey>> {
  return issueKeyFromForm(PATH, form, SOURCE, ({ owner, label }, by) =>
    createFeedKey({ source: owner as FeedSource, label }, by.actor, by),
  );
}

export async function revokeFeedKeyAction(form: FormData): Promise<void> {
  await revokeKeyFromForm(PATH, form, (prefix, by) => revokeFeedKey({ prefix }, by.actor, by));
}
