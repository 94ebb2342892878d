import { expect, test } from '@playwright/test';
import type { DoorOf } from '../fuzz/doors';
import { e2eDatabaseUrl, KZ_CHECKED_TABLES, registerState } from '../fuzz/register';
import { CASES, runDoor, SEED } from '../fuzz/run-door';

/**
 * The Kazakh fuzz specs' frame (issue 9's rules, ADR 0034): one test per door, its cases (FUZZ_CASES) run
 * by the common runner, that checks the whole register around them.
 */

/**
 * One test per door: its cases within the deadline, never a 5xx, in the door's error format — and the
 * register (every table a case could touch, the ОСМС facts included) exactly as it was.
 */
export function fuzzDoors<Context>(doors: readonly DoorOf<Context>[], context: () => Context): void {
  for (const door of doors) {
    test(`fuzz (kz): ${door.name}`, async ({ baseURL }) => {
      test.setTimeout(120_000 + CASES * 200);
      const databaseUrl = e2eDatabaseUrl();
      const before = await registerState(databaseUrl, KZ_CHECKED_TABLES);
      const run = await runDoor(new URL(baseURL!), door, context(), CASES, SEED);
      const after = await registerState(databaseUrl, KZ_CHECKED_TABLES);
      console.log(
        `[fuzz kz] ${run.door}: ${run.cases} cases in ${run.seconds.toFixed(1)} s, slowest ${run.slowestMs} ms, ` +
          `statuses ${JSON.stringify(run.statuses)}`,
      );
      expect(after, 'the register is as it was').toEqual(before);
    });
  }
}
