'use server';

import type { AnyFeedSource } from '@/lib/feeds/events';
import { createFeedKey, revokeFeedKey } from '@/lib/feeds/feed-keys';
import { isServedFeedSource, servedSourceNames } from '@/lib/feeds/served-sources';
import type { FormState } from '../../../_components/form-state';
import { issueKeyFromForm, revokeKeyFromForm, type KeyOwnerField } from '../../_keys/key-actions';

const PATH = '/konsol/lenty/klyuchi';
const SOURCE: KeyOwnerField = {
  name: 'source',
  check: (value) => (isServedFeedSource(value) ? null : `Выберите источник: ${servedSourceNames()}.`),
};

export interface IssuedFeedKey {
  source: AnyFeedSource;
  prefix: string;
  key: string;
}

export async function issueFeedKey(
  _prev: FormState<IssuedFeedKey>,
  form: FormData,
): Promise<FormState<IssuedFeedKey>> {
  return issueKeyFromForm(PATH, form, SOURCE, ({ owner, label }, by) =>
    createFeedKey({ source: owner as AnyFeedSource, label }, by.actor, by),
  );
}

export async function revokeFeedKeyAction(form: FormData): Promise<void> {
  await revokeKeyFromForm(PATH, form, (prefix, by) => revokeFeedKey({ prefix }, by.actor, by));
}
