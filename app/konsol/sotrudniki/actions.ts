'use server';

import { redirect } from 'next/navigation';
import { createStaffAccountBy, rescopeStaff, resetStaffTotp, setStaffBlocked } from '@/lib/auth/manage-staff';
import { newAccountIssues, STAFF_ROLES, type StaffAccountRole } from '@/lib/auth/staff-accounts';
import { isAppError } from '@/lib/errors';
import { formText, type FormState } from '../../_components/form-state';
import { refusedForm, staffActing } from '../_shell/acting';

const PATH = '/konsol/sotrudniki';

function staffIdOf(form: FormData): number {
  const id = Number(formText(form, 'staffId'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

/** Runs a row action and comes back to the list with what happened (no JavaScript needed). */
async function rowAction(
  form: FormData,
  run: (staffId: number) => Promise<unknown>,
  done: string,
): Promise<never> {
  const staffId = staffIdOf(form);
  let outcome = `sdelano=${done}`;
  try {
    await run(staffId);
  } catch (error) {
    if (!isAppError(error) || error.status >= 500) throw error;
    outcome = `oshibka=${error.code}`;
  }
  redirect(`${PATH}?${outcome}`);
}

export async function blockAccount(form: FormData): Promise<void> {
  const by = await staffActing(PATH);
  await rowAction(form, (staffId) => setStaffBlocked({ staffId, blocked: true }, by), 'blocked');
}

export async function unblockAccount(form: FormData): Promise<void> {
  const by = await staffActing(PATH);
  await rowAction(form, (staffId) => setStaffBlocked({ staffId, blocked: false }, by), 'unblocked');
}

export async function resetTotp(form: FormData): Promise<void> {
  const by = await staffActing(PATH);
  await rowAction(form, (staffId) => resetStaffTotp({ staffId }, by), 'totp_reset');
}

function scopeFields(form: FormData) {
  const role = formText(form, 'role');
  return {
    values: {
      role,
      subjectCode: formText(form, 'subjectCode'),
      insurerCode: formText(form, 'insurerCode'),
      moCode: formText(form, 'moCode'),
    },
    role: (STAFF_ROLES as readonly string[]).includes(role) ? (role as StaffAccountRole) : null,
  };
}

const roleMissing = { field: 'role', message: 'Выберите роль.' };

export interface CreatedAccount {
  login: string;
  password: string;
}

export async function createAccount(
  _prev: FormState<CreatedAccount>,
  form: FormData,
): Promise<FormState<CreatedAccount>> {
  const by = await staffActing(PATH);
  const { values: scope, role } = scopeFields(form);
  const values = { ...scope, login: formText(form, 'login'), fullName: formText(form, 'fullName') };
  if (!role) {
    const issues = newAccountIssues(values).map(({ field, message }) => ({ field, message }));
    return { values, errors: [...issues, roleMissing], formError: null, result: null };
  }
  try {
    const created = await createStaffAccountBy({ ...values, role }, by);
    return {
      values: {},
      errors: [],
      formError: null,
      result: { login: created.login, password: created.password },
    };
  } catch (error) {
    return refusedForm(error, values);
  }
}

export async function rescopeAccount(_prev: FormState, form: FormData): Promise<FormState> {
  const by = await staffActing(PATH);
  const { values, role } = scopeFields(form);
  if (!role) return { values, errors: [roleMissing], formError: null, result: null };
  try {
    await rescopeStaff({ staffId: staffIdOf(form), ...values, role }, by);
  } catch (error) {
    return refusedForm(error, values);
  }
  redirect(`${PATH}?sdelano=rescoped`);
}
