import { count } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import { createStaffAccount, type NewStaffAccount } from './staff-accounts';

/**
 * The demo administrator's TOTP secret, published on purpose (README) so a newcomer can sign in from a
 * fresh `npm run dev` with any authenticator app; demo data only, like the passwords.
 */
export const DEMO_ADMIN_TOTP_SECRET = 'MRSW23ZNMFSG22LOFV2G65DQFUZDAMRW';

/**
 * Staff accounts of the demo register: one per role, and a second region's ТФОМС operator and a second
 * insurer's СМО operator, so the console's scope rules show (and the denial tests have someone to deny). Created only together with the demo data (the
 * embedded database of `npm run dev` and the browser tests), never in a register that has staff already.
 * The passwords are public on purpose: this is demo data.
 */
export const DEMO_STAFF: readonly NewStaffAccount[] = [
  {
    login: 'registrator',
    password: 'demo-2026-mo-770001',
    fullName: 'Кузнецова Марина Викторовна',
    role: 'clinic_registrar',
    moCode: '770001',
  },
  {
    login: 'registrator2',
    password: 'demo-2026-mo-500001',
    fullName: 'Павлов Игорь Сергеевич',
    role: 'clinic_registrar',
    moCode: '500001',
  },
  {
    login: 'ffoms',
    password: 'demo-2026-federal-admin',
    fullName: 'Орлова Наталья Андреевна',
    role: 'ffoms_admin',
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  },
  {
    login: 'tfoms77',
    password: 'demo-2026-tfoms-77',
    fullName: 'Сидоров Алексей Николаевич',
    role: 'tfoms_operator',
    subjectCode: '77',
  },
  {
    login: 'smo77001',
    password: 'demo-2026-smo-77001',
    fullName: 'Белова Екатерина Олеговна',
    role: 'smo_operator',
    insurerCode: '77001',
  },
  {
    login: 'tfoms50',
    password: 'demo-2026-tfoms-50',
    fullName: 'Кравцова Ольга Петровна',
    role: 'tfoms_operator',
    subjectCode: '50',
  },
  {
    login: 'smo77002',
    password: 'demo-2026-smo-77002',
    fullName: 'Гусев Денис Романович',
    role: 'smo_operator',
    insurerCode: '77002',
  },
];

/**
 * Staff of the Kazakh demo register (ADR 0030): the fund's (ФСМС) administrator — the platform's
 * `ffoms_admin` role, the one that administers the register whichever country's fund runs it — and two
 * clinic registrars of demo clinics (db/reference/kz/regions-and-clinics.ts).
 */
export const DEMO_STAFF_KZ: readonly NewStaffAccount[] = [
  {
    login: 'fsms',
    password: 'demo-2026-fsms-admin',
    fullName: 'Жумагулова Асель Маратовна',
    role: 'ffoms_admin',
    totpSecret: DEMO_ADMIN_TOTP_SECRET,
  },
  {
    login: 'registrator-kz',
    password: 'demo-2026-kz-750001',
    fullName: 'Сейтжанова Гульмира Болатовна',
    role: 'clinic_registrar',
    moCode: '750001',
  },
  {
    login: 'registrator-kz2',
    password: 'demo-2026-kz-710001',
    fullName: 'Ким Виктор Алексеевич',
    role: 'clinic_registrar',
    moCode: '710001',
  },
];

/** Creates the demo staff accounts in a register that has none yet; returns how many were created. */
export async function seedDemoStaff(accounts: readonly NewStaffAccount[] = DEMO_STAFF): Promise<number> {
  const [existing] = await getDb().select({ n: count() }).from(staffAccounts);
  if ((existing?.n ?? 0) > 0) return 0;
  for (const account of accounts) await createStaffAccount(account);
  return accounts.length;
}
