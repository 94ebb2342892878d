import type pg from 'pg';
import { TIME_ZONES } from '@/config/time-zone';
import { dateInTimeZone, type LocalDate } from '@/lib/domain/dates';
import { readOsmsParameters } from '../../reference/kz/osms-parameters';
import type { SeedArgs } from '../args';
import { seedKzRegister } from './seed-kz-register';

/**
 * `npm run db:seed` in a Kazakh register (REGISTER_JURISDICTION=kz): the demo people and generated persons
 * with 12+ months of contributions each. Returns the lines to print; planted duplicates are Russia's only.
 */
export async function seedKzFromCli(pool: pg.Pool, args: SeedArgs): Promise<string[]> {
  if (args.duplicates) throw new Error('--duplicates plants Russian duplicate records: not in a kz register');
  const asOf = (args.asOf ?? dateInTimeZone(new Date(), TIME_ZONES.kz)) as LocalDate;
  let last = 0;
  const summary = await seedKzRegister(pool, {
    persons: args.persons,
    seed: args.seed,
    asOf,
    params: readOsmsParameters(),
    onProgress: ({ phase, detail }) => {
      if (performance.now() - last < 5000) return;
      last = performance.now();
      console.log(`generated persons, ${phase}: ${detail}`);
    },
  });
  const rate = summary.seconds > 0 ? Math.round(summary.persons / summary.seconds) : 0;
  return [
    `Seeded the ОСМС register as of ${asOf}: ${summary.demo} demo people (db/seed/kz/demo-people.ts) and ` +
      `${summary.persons.toLocaleString('en-US')} generated persons with ` +
      `${summary.contributions.toLocaleString('en-US')} contributions in ${summary.seconds.toFixed(1)} s ` +
      `(${rate.toLocaleString('en-US')} persons/s).`,
  ];
}
