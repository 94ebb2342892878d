import { randomBytes } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import { DEMO_STAFF } from '../../lib/auth/demo-staff';
import { createStaffAccount, type StaffAccountRole, type StaffScope } from '../../lib/auth/staff-accounts';
import { newTotpSecret, totpCode, totpStep } from '../../lib/auth/totp';
import { connectTestDatabase } from './people';

/**
 * Staff sign-in for browser tests, always through the real /vhod: the password page, then the second
 * factor page with a code computed from the account's TOTP secret, like an authenticator app would. Staff
 * accounts of a test's own come from `newStaff` (the same test-only path as `newPerson`, ADR 0012).
 */
export interface StaffCredentials {
  login: string;
  password: string;
  /** The TOTP secret, for accounts with a second factor. */
  totpSecret: string | null;
}

export interface SignInOptions {
  /** Second factor secret; the demo account's when omitted. */
  totpSecret?: string | null;
  /** The page to come back to; the role's start page (/konsol, or /clinic for a registrar) when omitted. */
  next?: string;
  /** The account's role, for the start page, when it is not a demo account. */
  role?: StaffAccountRole;
}

function demoCredentials(login: string): StaffCredentials | null {
  const account = DEMO_STAFF.find((s) => s.login === login);
  return account ? { login, password: account.password, totpSecret: account.totpSecret ?? null } : null;
}

/** The time steps this worker has used per login: a code is never offered twice (the server refuses it). */
const usedSteps = new Map<string, number>();

const CODE_REFUSED = /Код неверный или уже использован/;

/** Types TOTP codes until one is taken; another worker may have used this step for the same account. */
async function passSecondFactor(page: Page, login: string, secret: string): Promise<void> {
  const codePage = page.url();
  for (let attempt = 0; attempt < 4; attempt++) {
    // A fresh code page for a retry (the session still awaits its code): the refusal shown must be this one's.
    if (attempt > 0) await page.goto(codePage);
    const now = totpStep(new Date());
    const step = Math.max(now, (usedSteps.get(login) ?? 0) + 1);
    // The server takes one step ahead at most: wait (a few seconds at worst) until that is the next one.
    const wait = (step - 1) * 30_000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
    usedSteps.set(login, step);
    await page.getByLabel('Код', { exact: true }).fill(totpCode(secret, new Date(step * 30_000 + 1_000)));
    await page.getByRole('button', { name: 'Подтвердить' }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => url.pathname !== '/vhod/kod').then(() => 'passed' as const),
      page
        .getByRole('alert')
        .filter({ hasText: CODE_REFUSED })
        .waitFor()
        .then(() => 'refused' as const),
    ]);
    if (outcome === 'passed') return;
  }
  throw new Error(`The second factor of ${login} was refused four times`);
}

/**
 * Signs a staff member in through /vhod (and /vhod/kod when the account has TOTP) and waits for the page
 * the sign-in lands on. Demo accounts need only the login.
 */
export async function signInAsStaff(
  page: Page,
  login: string,
  password?: string,
  options: SignInOptions = {},
): Promise<void> {
  const demo = demoCredentials(login);
  const pass = password ?? demo?.password;
  if (!pass) throw new Error(`No password for ${login}: not a demo account`);
  const secret = options.totpSecret === undefined ? (demo?.totpSecret ?? null) : options.totpSecret;
  const next = options.next;
  await page.goto(next ? `/vhod?next=${encodeURIComponent(next)}` : '/vhod');
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(pass);
  await page.getByRole('button', { name: 'Войти' }).click();
  if (secret) {
    await expect(page).toHaveURL(/\/vhod\/kod/);
    await passSecondFactor(page, login, secret);
  }
  const role = options.role ?? DEMO_STAFF.find((s) => s.login === login)?.role;
  if (!role && !next) throw new Error(`Say the role or the next page of ${login}`);
  const landing = next ?? (role === 'clinic_registrar' ? '/clinic' : '/konsol');
  await expect(page).toHaveURL((url) => `${url.pathname}${url.search}` === landing);
}

export interface OwnStaff extends StaffCredentials {
  staffId: number;
  role: StaffAccountRole;
}

/**
 * A staff account of the test's own, made in the browser tests' database from this worker. An
 * administrator gets a TOTP secret (it may not sign in without one) unless `totp: false` (the enrolment
 * test); others get one only with `totp: true`.
 */
export async function newStaff(
  role: StaffAccountRole,
  scope: Omit<StaffScope, 'role'> = {},
  options: { totp?: boolean; fullName?: string } = {},
): Promise<OwnStaff> {
  connectTestDatabase();
  const login = `t-${role.split('_')[0]}-${randomBytes(5).toString('hex')}`;
  const password = `pw-${randomBytes(12).toString('base64url')}`;
  const totpSecret = (options.totp ?? role === 'ffoms_admin') ? newTotpSecret() : null;
  const defaults: Record<StaffAccountRole, Omit<StaffScope, 'role'>> = {
    ffoms_admin: {},
    tfoms_operator: { subjectCode: '77' },
    smo_operator: { insurerCode: '77001' },
    clinic_registrar: { moCode: '770001' },
  };
  const staffId = await createStaffAccount({
    login,
    password,
    fullName: options.fullName ?? 'Тестов Тест Тестович',
    role,
    ...(Object.keys(scope).length ? scope : defaults[role]),
    totpSecret,
  });
  return { staffId, login, password, totpSecret, role };
}

/** Signs in as a staff account of the test's own. */
export async function signInAsOwnStaff(page: Page, staff: OwnStaff, next?: string): Promise<void> {
  await signInAsStaff(page, staff.login, staff.password, {
    totpSecret: staff.totpSecret,
    next,
    role: staff.role,
  });
}
