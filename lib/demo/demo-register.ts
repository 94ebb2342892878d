import type pg from 'pg';
import type { Jurisdiction } from '@/config/env';
import { readOsmsParameters } from '@/db/reference/kz/osms-parameters';
import { seedKzRegister } from '@/db/seed/kz/seed-kz-register';
import { seedRegister } from '@/db/seed/seed-register';
import { seedDemoApplications } from '@/lib/applications/demo-applications';
import { DEMO_STAFF, DEMO_STAFF_KZ, seedDemoStaff } from '@/lib/auth/demo-staff';
import { kzToday } from '@/lib/kz/today';

export interface DemoRegisterOptions {
  /** Persons in the register after seeding, the demo people included. */
  persons: number;
  /** Share of generated persons followed by a planted duplicate (Russia's duplicate scan has pairs to review). */
  duplicateShare: number;
}

/**
 * What an empty demo register is filled with on `npm run dev` and in the browser tests' database, per
 * jurisdiction (ADR 0029/0030): the demo people and generated persons, the demo staff, and — in Russia —
 * the applications waiting in the console's queue. Returns the lines the launcher logs.
 */
export const DEMO_REGISTERS: Record<
  Jurisdiction,
  (pool: pg.Pool, options: DemoRegisterOptions) => Promise<string[]>
> = {
  ru: async (pool, { persons, duplicateShare }) => {
    await seedRegister(pool, { persons, seed: 1, duplicateShare });
    const staff = await seedDemoStaff(DEMO_STAFF);
    const queued = await seedDemoApplications();
    return [
      `Demo staff accounts: ${staff} (see README).`,
      `Demo applications for the console's queue: ${queued}.`,
    ];
  },
  kz: async (pool, { persons }) => {
    const seeded = await seedKzRegister(pool, {
      persons,
      seed: 1,
      asOf: kzToday(),
      params: readOsmsParameters(),
    });
    const staff = await seedDemoStaff(DEMO_STAFF_KZ);
    return [
      `ОСМС demo register: ${seeded.demo} demo people and ${seeded.persons} generated persons with ` +
        `${seeded.contributions} contributions (db/seed/kz/demo-people.ts).`,
      `Demo staff accounts: ${staff} (see README).`,
    ];
  },
};
