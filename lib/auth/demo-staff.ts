import { count } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import { createStaffAccount, type NewStaffAccount } from './staff-accounts';

/**
 * Staff accounts of the demo register, one per role. Created only together with the demo data (the
 * embedded database of `npm run dev` and the browser tests), never in a register that has staff already.
 * The passwords are public on purpose: this is demo data.
 */
export const DEMO_STAFF: readonly NewStaffAccount[] = [
  {
    login: 'registrator',
    password: 'registrator-demo-2026',
    fullName: 'Кузнецова Марина Викторовна',
    role: 'clinic_registrar',
    moCode: '770001',
  },
  {
    login: 'registrator2',
    password: 'registrator2-demo-2026',
    fullName: 'Павлов Игорь Сергеевич',
    role: 'clinic_registrar',
    moCode: '500001',
  },
  {
    login: 'ffoms',
    password: 'ffoms-demo-2026-admin',
    fullName: 'Орлова Наталья Андреевна',
    role: 'ffoms_admin',
  },
  {
    login: 'tfoms77',
    password: 'tfoms77-demo-2026',
    fullName: 'Сидоров Алексей Николаевич',
    role: 'tfoms_operator',
    subjectCode: '77',
  },
  {
    login: 'smo77001',
    password: 'smo77001-demo-2026',
    fullName: 'Белова Екатерина Олеговна',
    role: 'smo_operator',
    insurerCode: '77001',
  },
];

export async function seedDemoStaff(): Promise<number> {
  const [existing] = await getDb().select({ n: count() }).from(staffAccounts);
  if ((existing?.n ?? 0) > 0) return 0;
  for (const account of DEMO_STAFF) await createStaffAccount(account);
  return DEMO_STAFF.length;
}
