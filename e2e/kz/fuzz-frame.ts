import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import pg from 'pg';
import { kzDemoPerson } from '../../db/seed/kz/demo-people';
import type { Door, FuzzContext } from '../fuzz/doors';
import { e2eDatabaseUrl } from '../fuzz/register';
import { runDoor } from '../fuzz/run-door';

/** The Kazakh fuzz specs' frame (issue 9's rules): the cases per door, and the facts no case may change. */
const CASES = Number(process.env.FUZZ_CASES ?? 1500);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

const digits = (n: number) => fc.stringMatching(new RegExp(`^\\d{${n}}$`));
const employee = kzDemoPerson('employee').iin;

/** ИИН-shaped values: any digits of about the length, a demo person's, and one written with a space. */
export const iinLike = fc.oneof(
  digits(12),
  digits(11),
  digits(13),
  fc.constant(kzDemoPerson('pensioner').iin),
  fc.constant(`${employee.slice(0, 6)} ${employee.slice(6)}`),
);

/** The ОСМС facts and history a fuzz case must not change. */
export async function osmsFacts(): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ state: string }>(
      `select concat_ws(':', (select count(*) from kz_temporary_statuses),
                             (select count(*) from notifications),
                             (select count(*) from register_events)) as state`,
    );
    return rows[0]!.state;
  } finally {
    await client.end();
  }
}

/** One test per door: its cases within the deadline, never a 5xx, and the ОСМС facts as they were. */
export function fuzzDoors(doors: readonly (() => Door)[]): void {
  for (const make of doors) {
    test(`fuzz: ${make().name}`, async ({ baseURL }) => {
      test.setTimeout(120_000 + CASES * 200);
      const before = await osmsFacts();
      const run = await runDoor(new URL(baseURL!), make(), {} as FuzzContext, CASES, SEED);
      console.log(
        `[fuzz] ${run.door}: ${run.cases} cases in ${run.seconds.toFixed(1)} s, slowest ${run.slowestMs} ms, ` +
          `statuses ${JSON.stringify(run.statuses)}`,
      );
      expect(await osmsFacts(), 'the ОСМС facts are as they were').toBe(before);
    });
  }
}
