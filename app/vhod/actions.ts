'use server';

import { redirect } from 'next/navigation';
import { clientAddress } from '@/lib/auth/client-address';
import { currentStaffSession } from '@/lib/auth/session';
import { lockedMessage } from '@/lib/auth/sign-in-messages';
import { signOutStaff } from '@/lib/auth/staff-profile';
import { endSession, setStaffSessionCookie } from '@/lib/auth/staff-session';
import { passSecondFactor, signInWithPassword, type SignInOutcome } from '@/lib/auth/staff-sign-in';
import { hasForbiddenCharacters } from '@/lib/domain/text';
import { errorCatalogue } from '@/lib/errors';
import { formText, type FormState } from '../_components/form-state';

/** A login is short printable text; anything else cannot name an account (and must not reach the database). */
const LOGIN_MAX = 64;

/** Only our own paths: an attacker-supplied absolute URL must never become a redirect. */
function safeNext(value: FormDataEntryValue | null): string {
  const s = typeof value === 'string' ? value : '';
  return /^\/[a-z0-9/_-]*$/i.test(s) && !s.startsWith('//') ? s : '';
}

const withNext = (path: string, next: string) => (next ? `${path}?next=${encodeURIComponent(next)}` : path);

/** Where a signed-in employee goes: the page asked for, else the clinic workspace or the console. */
function landing(outcome: Extract<SignInOutcome, { kind: 'session' }>, next: string): string {
  return next || (outcome.account.role === 'clinic_registrar' ? '/clinic' : '/konsol');
}

function refusal(outcome: SignInOutcome, refused: string, values: Record<string, string>): FormState {
  const formError = outcome.kind === 'locked' ? lockedMessage(outcome.until) : refused;
  return { values, errors: [], formError, result: null };
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
  else if (password.length > 256)
    errors.push({ field: 'password', message: 'Пароль не длиннее 256 знаков.' });
  if (errors.length) return { values, errors, formError: null, result: null };

  const outcome = await signInWithPassword({ login, password, address: await clientAddress() });
  if (outcome.kind !== 'session') return refusal(outcome, errorCatalogue.SIGN_IN_FAILED.message, values);
  await setStaffSessionCookie(outcome.sessionId);
  const next = safeNext(form.get('next'));
  if (outcome.stage === 'second_factor') redirect(withNext('/vhod/kod', next));
  if (outcome.stage === 'enrolment') redirect(withNext('/vhod/podklyuchenie', next));
  redirect(landing(outcome, next));
}

export async function passStaffSecondFactor(_prev: FormState, form: FormData): Promise<FormState> {
  const code = formText(form, 'code');
  if (!code)
    return {
      values: {},
      errors: [{ field: 'code', message: 'Введите код.' }],
      formError: null,
      result: null,
    };
  if (code.length > 32) {
    return {
      values: {},
      errors: [{ field: 'code', message: 'Код — 6 цифр или резервный код из 10 знаков.' }],
      formError: null,
      result: null,
    };
  }
  const pending = await currentStaffSession();
  if (pending?.session.stage !== 'second_factor') redirect('/vhod');
  const outcome = await passSecondFactor({
    sessionId: pending.session.id,
    code,
    address: await clientAddress(),
  });
  if (outcome.kind !== 'session') return refusal(outcome, errorCatalogue.SECOND_FACTOR_INVALID.message, {});
  redirect(landing(outcome, safeNext(form.get('next'))));
}

export async function signOut(): Promise<void> {
  const current = await currentStaffSession();
  if (current) await signOutStaff(current.session.id, await clientAddress());
  await endSession();
  redirect('/vhod');
}
