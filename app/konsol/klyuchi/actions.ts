'use server';

import { redirect } from 'next/navigation';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import { hasForbiddenCharacters } from '@/lib/domain/text';
import { isAppError } from '@/lib/errors';
import { formText, type FormState } from '../../_components/form-state';
import { refusedForm, staffActing } from '../_shell/acting';

const PATH = '/konsol/klyuchi';

export interface IssuedKey {
  moCode: string;
  prefix: string;
  key: string;
}

export async function issueKey(_prev: FormState<IssuedKey>, form: FormData): Promise<FormState<IssuedKey>> {
  const by = await staffActing(PATH);
  const values = { moCode: formText(form, 'moCode'), label: formText(form, 'label') };
  const errors: FormState['errors'] = [];
  if (!/^\d{6}$/.test(values.moCode))
    errors.push({ field: 'moCode', message: 'Код МО — шесть цифр, например 770001.' });
  if (values.label.length > 200 || hasForbiddenCharacters(values.label)) {
    errors.push({ field: 'label', message: 'Описание — не длиннее 200 знаков, без управляющих символов.' });
  }
  if (errors.length) return { values, errors, formError: null, result: null };
  try {
    const created = await createApiKey({ moCode: values.moCode, label: values.label || null }, by.actor, by);
    return {
      values: {},
      errors: [],
      formError: null,
      result: { moCode: created.moCode, prefix: created.prefix, key: created.key },
    };
  } catch (error) {
    return refusedForm(error, values);
  }
}

export async function revokeKey(form: FormData): Promise<void> {
  const by = await staffActing(PATH);
  const prefix = formText(form, 'prefix');
  let outcome = `otozvan=${encodeURIComponent(prefix)}`;
  try {
    if (!/^[0-9a-f]{8}$/.test(prefix)) throw new Error('not a key prefix');
    await revokeApiKey({ prefix }, by.actor, by);
  } catch (error) {
    if (isAppError(error) && error.status >= 500) throw error;
    outcome = `oshibka=${isAppError(error) ? error.code : 'NOT_FOUND'}`;
  }
  redirect(`${PATH}?${outcome}`);
}
