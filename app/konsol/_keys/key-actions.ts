import { redirect } from 'next/navigation';
import type { StaffActing } from '@/lib/auth/manage-staff';
import { hasForbiddenCharacters } from '@/lib/domain/text';
import { isAppError } from '@/lib/errors';
import { formText, type FormState } from '../../_components/form-state';
import { refusedForm, staffActing } from '../_shell/acting';

/**
 * The console's key flow, shared by the clinics' API keys (/konsol/klyuchi) and the agencies' feed keys
 * (/konsol/lenty/klyuchi): what differs is whom a key is for (`owner`, a form field) and the use case.
 */
export interface KeyOwnerField {
  /** The form field naming the key's owner (moCode, source). */
  name: string;
  /** The Russian message when the posted value cannot be an owner, or null. */
  check: (value: string) => string | null;
}

const PREFIX = /^[0-9a-f]{8}$/;

/** A key prefix from a query string, or null: only a well-formed prefix is echoed back on the page. */
export function keyPrefixParam(value: unknown): string | null {
  return typeof value === 'string' && PREFIX.test(value) ? value : null;
}

/** Issue: the owner and the optional label checked beside their fields, then the use case as the employee. */
export async function issueKeyFromForm<T>(
  path: string,
  form: FormData,
  owner: KeyOwnerField,
  issue: (input: { owner: string; label: string | null }, by: StaffActing) => Promise<T>,
): Promise<FormState<T>> {
  const by = await staffActing(path);
  const ownerValue = formText(form, owner.name);
  const label = formText(form, 'label');
  const values = { [owner.name]: ownerValue, label };
  const errors: FormState['errors'] = [];
  const ownerError = owner.check(ownerValue);
  if (ownerError) errors.push({ field: owner.name, message: ownerError });
  if (label.length > 200 || hasForbiddenCharacters(label)) {
    errors.push({ field: 'label', message: 'Описание — не длиннее 200 знаков, без управляющих символов.' });
  }
  if (errors.length) return { values, errors, formError: null, result: null };
  try {
    const result = await issue({ owner: ownerValue, label: label || null }, by);
    return { values: {}, errors: [], formError: null, result };
  } catch (error) {
    return refusedForm(error, values);
  }
}

/**
 * Revoke (a row's plain form post): back to the page with `otozvan=<prefix>`, or `oshibka=<code>` when the
 * register refused; a failure of the register itself goes on up.
 */
export async function revokeKeyFromForm(
  path: string,
  form: FormData,
  revoke: (prefix: string, by: StaffActing) => Promise<void>,
): Promise<void> {
  const by = await staffActing(path);
  const prefix = formText(form, 'prefix');
  let outcome = `otozvan=${encodeURIComponent(prefix)}`;
  try {
    if (!PREFIX.test(prefix)) throw new Error('not a key prefix');
    await revoke(prefix, by);
  } catch (error) {
    if (isAppError(error) && error.status >= 500) throw error;
    outcome = `oshibka=${isAppError(error) ? error.code : 'NOT_FOUND'}`;
  }
  redirect(`${path}?${outcome}`);
}
