import { DEMO_PEOPLE, type DemoPerson } from '../../db/seed/demo-people';
import { DEMO_STAFF } from '../../lib/auth/demo-staff';

/** The seeded demo data the browser tests rely on (the server seeds the same lists into its database). */
export function demoPerson(key: string): DemoPerson {
  const person = DEMO_PEOPLE.find((p) => p.key === key);
  if (!person) throw new Error(`No demo person ${key}`);
  return person;
}

export function demoStaff(login: string): { login: string; password: string } {
  const account = DEMO_STAFF.find((s) => s.login === login);
  if (!account) throw new Error(`No demo staff ${login}`);
  return { login: account.login, password: account.password };
}

/** ДД.ММ.ГГГГ, as people type dates. */
export function ru(iso: string): string {
  return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}
