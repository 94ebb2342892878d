'use server';

import { redirect } from 'next/navigation';
import { changeOwnPassword, signOutEverywhere } from '@/lib/auth/staff-profile';
import { endSession } from '@/lib/auth/staff-session';
import type { FormState } from '../../_components/form-state';
import { refusedForm, staffActing } from '../_shell/acting';

const PATH = '/konsol/profil';

const field = (form: FormData, name: string) => {
  const v = form.get(name);
  return typeof v === 'string' ? v : ''; // passwords untrimmed
};

export async function changePassword(
  _prev: FormState<'changed'>,
  form: FormData,
): Promise<FormState<'changed'>> {
  const by = await staffActing(PATH);
  const currentPassword = field(form, 'currentPassword');
  const newPassword = field(form, 'newPassword');
  const errors: FormState['errors'] = [];
  if (!currentPassword) errors.push({ field: 'currentPassword', message: 'Введите текущий пароль.' });
  if (!newPassword) errors.push({ field: 'newPassword', message: 'Введите новый пароль.' });
  else if (newPassword !== field(form, 'newPasswordAgain')) {
    errors.push({ field: 'newPasswordAgain', message: 'Новый пароль и повтор не совпадают.' });
  }
  if (errors.length) return { values: {}, errors, formError: null, result: null };
  try {
    await changeOwnPassword({
      sessionId: by.sessionId,
      currentPassword,
      newPassword,
      address: by.address ?? 'unknown',
    });
  } catch (error) {
    return refusedForm(error, {});
  }
  return { values: {}, errors: [], formError: null, result: 'changed' };
}

export async function signOutOnAllDevices(): Promise<void> {
  const by = await staffActing(PATH);
  await signOutEverywhere(by.sessionId, by.address ?? 'unknown');
  await endSession();
  redirect('/vhod');
}
