'use server';

import { redirect } from 'next/navigation';
import type { FeedSource } from '@/lib/auth/actor';
import { hasForbiddenCharacters } from '@/lib/domain/text';
import { isAppError } from '@/lib/errors';
import { createFeedKey, revokeFeedKey } from '@/lib/feeds/feed-keys';
import { formText, type FormState } from '../../../_components/form-state';
import { refusedForm, staffActing } from '../../_shell/acting';

const PATH = '/konsol/lenty/klyuchi';
const SOURCES: readonly FeedSource[] = ['zags', 'mvd', 'military'];

export interface IssuedFeedKey {
  source: FeedSource;
  prefix: string;
  key: string;
}

export async function issueFeedKey(
  _prev: FormState<IssuedFeedKey>,
  form: FormData,
): Promise<FormState<IssuedFeedKey>> {
  const by = await staffActing(PATH);
  const values = { source: formText(form, 'source'), label: formText(form, 'label') };
  const errors: FormState['errors'] = [];
  if (!SOURCES.includes(values.source as FeedSource))
    errors.push({ field: 'source', message: 'Выберите источник: ЗАГС, МВД или военный комиссариат.' });
  if (values.label.length > 200 || hasForbiddenCharacters(values.label)) {
    errors.push({ field: 'label', message: 'Описание — не длиннее 200 знаков, без управляющих символов.' });
  }
  if (errors.length) return { values, errors, formError: null, result: null };
  try {
    const created = await createFeedKey(
      { source: values.source as FeedSource, label: values.label || null },
      by.actor,
      by,
    );
    return { values: {}, errors: [], formError: null, result: created };
  } catch (error) {
    return refusedForm(error, values);
  }
}

export async function revokeFeedKeyAction(form: FormData): Promise<void> {
  const by = await staffActing(PATH);
  const prefix = formText(form, 'prefix');
  let outcome = `otozvan=${encodeURIComponent(prefix)}`;
  try {
    if (!/^[0-9a-f]{8}$/.test(prefix)) throw new Error('not a key prefix');
    await revokeFeedKey({ prefix }, by.actor, by);
  } catch (error) {
    if (isAppError(error) && error.status >= 500) throw error;
    outcome = 'oshibka=NOT_FOUND';
  }
  redirect(`${PATH}?${outcome}`);
}
