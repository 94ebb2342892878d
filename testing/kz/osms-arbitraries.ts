import fc from 'fast-check';
import { dateToEpochDays, epochDaysToDate } from '@/lib/domain/dates';
import { OSMS_CATEGORIES } from '@/lib/domain/kz/categories';
import { monthOf } from '@/lib/domain/kz/months';
import type { OsmsContribution, OsmsFacts } from '@/lib/domain/kz/osms-facts';
import { d } from './osms';

/** fast-check arbitraries of the ОСМС facts, for the property tests of the rules over them. */
export const day = (min: string, max: string) =>
  fc.integer({ min: dateToEpochDays(d(min)), max: dateToEpochDays(d(max)) }).map(epochDaysToDate);
export const month = (min: string, max: string) => day(`${min}-01`, `${max}-01`).map(monthOf);
export const anyDay = day('2019-06-01', '2027-06-30');
export const category = fc.constantFrom(...OSMS_CATEGORIES);

export const contribution: fc.Arbitrary<OsmsContribution> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('employer' as const, 'self' as const, 'state' as const, 'local-body' as const),
    month: month('2019-06', '2027-06'),
    paidOn: anyDay,
    amount: fc.constantFrom(500, 2125, 3500, 4250, 9000),
  }),
  fc.record({
    kind: fc.constant('lump-sum' as const),
    firstMonth: month('2019-06', '2027-06'),
    months: fc.integer({ min: 2, max: 12 }),
    paidOn: anyDay,
    amount: fc.constantFrom(42_000, 51_000),
  }),
);

export const facts: fc.Arbitrary<OsmsFacts> = fc.record({
  residence: fc.oneof(
    { weight: 4, arbitrary: fc.constant({ kind: 'citizen' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('foreign' as const),
        permits: fc.array(
          fc.record({
            basis: fc.constantFrom('permanent' as const, 'treaty' as const),
            from: anyDay,
            to: fc.option(anyDay, { nil: null }),
          }),
          { maxLength: 2 },
        ),
      }),
    },
  ),
  contributions: fc.array(contribution, { maxLength: 40 }),
  memberships: fc.array(
    fc.record({ category, from: anyDay, to: fc.option(anyDay, { nil: null }), receivedOn: anyDay }),
    { maxLength: 3 },
  ),
  temporaryStatuses: fc.array(
    fc.record({
      category,
      uploadedOn: anyDay,
      uploadedBy: fc.constantFrom('clinic' as const, 'person' as const),
      revokedOn: fc.option(anyDay, { nil: null }),
    }),
    { maxLength: 2 },
  ),
});
