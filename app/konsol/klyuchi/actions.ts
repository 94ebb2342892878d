'use server';

import { createApiKey } from '@/lib/api-keys/create-api-key';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import type { FormState } from '../../_components/form-state';
import { issueKeyFromForm, revokeKeyFromForm, type KeyOwnerField } from '../_keys/key-actions';

const PATH = '/konsol/klyuchi';

const MO_CODE: KeyOwnerField = {
  name: 'moCode',
  check: (value) => (/^\d{6}$/.test(value) ? null : 'Код МО — шесть цифр, например 770001.'),
};

export interface IssuedKey {
  moCode: string;
  prefix: string;
  key: string;
}

export async function issueKey(_prev: FormState<IssuedKey>, form: FormData): Promise<FormState<IssuedKey>> {
  return issueKeyFromForm(PATH, form, MO_CODE, async ({ owner, label }, by) => {
    const created = await createApiKey({ moCode: owner, label }, by.actor, by);
    return { moCode: created.moCode, prefix: created.prefix, key: created.key };
  });
}

export async function revokeKey(form: FormData): Promise<void> {
  await revokeKeyFromForm(PATH, form, (prefix, by) => revokeApiKey({ prefix }, by.actor, by));
}
