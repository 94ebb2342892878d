'use server';

import { redirect } from 'next/navigation';
import { verifyStaffCredentials } from '@/lib/auth/staff-accounts';
import { endSession, startStaffSession } from '@/lib/auth/staff-session';
import { hasForbiddenCharacters } from '@/lib/domain/text';
import { formText, type FormState } from '../_components/form-state';

/** A login is short printable text; anything else cannot name an account (and must not reach the database). */
const LOGIN_MAX = 64;

/** Only our own paths: an attacker-supplied absolute URL must never become a redirect. */
function safeNext(value: FormDataEntryValue | null, fallback: string): string {
  const s = typeof value === 'string' ? value : '';
  return /^\/[a-z0-9/_-]*$/i.test(s) && !s.startsWith('//') ? s : fallback;
}

export async function signInStaff(_prev: FormState, form: FormData): Promise<FormState> {
  const login = formText(form, 'login');
  const value = form.get('password');
  const password = typeof value === 'string' ? value : ''; // untrimmed: spaces may be part of it
  const values = { login };
  const errors: FormState['errors'] = [];
  if (!login) errors.push({ field: 'login', message: 'Введите логин.' });
  else if (login.length > LOGIN_MAX || hasForbiddenCharacters(login))
    errors.push({
      field: 'login',
      message: `Логин — не длиннее ${LOGIN_MAX} знаков, без управляющих символов.`,
    });
  if (!password) errors.push({ field: 'password', message: 'Введите пароль.' });
  if (errors.length) return { values, errors, formError: null, result: null };

  const staff = await verifyStaffCredentials(login, password);
  if (!staff) {
    return {
      values,
      errors: [],
      formError: 'Неверный логин или пароль, либо учётная запись отключена.',
      result: null,
    };
  }
  await startStaffSession({ actor: staff.actor, displayName: staff.fullName, staffRole: staff.role });
  redirect(safeNext(form.get('next'), staff.actor.kind === 'clinic' ? '/clinic' : '/'));
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect('/vhod');
}
