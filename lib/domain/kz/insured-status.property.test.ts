import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceBlock, citizen, d, membership, osmsParameters as params, paid } from '@/testing/kz/osms';
import { anyDay, category, contribution, day, facts, month } from '@/testing/kz/osms-arbitraries';
import { addDays, dateToEpochDays, epochDaysToDate, type LocalDate } from '../dates';
import { categoryPayer } from './categories';
import { osmsStatusOn } from './insured-status';
import { addMonths, addMonthsToMonth, firstDayOf, lastDayOf, monthOf, type Month } from './months';
import type { OsmsContribution, OsmsFacts } from './osms-facts';
import { factsKnownOn } from './status-periods';

/** A first month and a day before it, from the mechanism's start on, when a year's payments are made. */
const advancePaid = fc
  .tuple(month('2022-10', '2026-06'), fc.integer({ min: 1, max: 60 }))
  .map(([first, lead]) => ({ first, paidOn: addDays(firstDayOf(first), -lead) }))
  .filter(({ paidOn }) => paidOn >= params.rules.advanceRuleFrom);

const m2019 = monthOf(d('2019-10-01'));

const insuredOn = (f: OsmsFacts, on: LocalDate) => osmsStatusOn(params, f, on).insured;

/** An adult who never paid: every month since 01.2020 is owed, so only the rule under test can insure. */
const debtor = (contributions: OsmsContribution[]) => citizen({ contributions });

describe('properties of the ОСМС status', () => {
  it('adding a payment never removes status', () => {
    fc.assert(
      fc.property(facts, contribution, anyDay, (f, extra, on) => {
        const more = { ...f, contributions: [...f.contributions, extra] };
        expect(!insuredOn(f, on) || insuredOn(more, on)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('holds on every day up to the date it says it holds until, and not the day after (facts known on the day)', () => {
    fc.assert(
      fc.property(facts, anyDay, fc.double({ min: 0, max: 1, noNaN: true }), (f, on, at) => {
        const known = factsKnownOn(f, on);
        const s = osmsStatusOn(params, known, on);
        const until = s.insured ? s.until : null;
        fc.pre(until !== null);
        const span = dateToEpochDays(until) - dateToEpochDays(on);
        expect(insuredOn(known, epochDaysToDate(dateToEpochDays(on) + Math.floor(span * at)))).toBe(true);
        expect(insuredOn(known, until)).toBe(true);
        expect(insuredOn(known, addDays(until, 1))).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('before the advance mechanism, self-payments insure a month exactly when it and the 12 before it are paid', () => {
    // mostly every month paid, some missed, some short, some late or early — so both answers occur
    const months = fc.array(
      fc.record({
        skip: fc.integer({ min: 0, max: 40 }),
        lag: fc.integer({ min: -40, max: 40 }),
        amount: fc.oneof(
          { weight: 20, arbitrary: fc.constant(3000) },
          { weight: 1, arbitrary: fc.constant(2125) },
          { weight: 1, arbitrary: fc.constant(1000) },
        ),
      }),
      { minLength: 35, maxLength: 35 },
    );
    fc.assert(
      fc.property(months, day('2020-06-01', '2022-09-04'), (plan, on) => {
        const payments = plan.flatMap((p, i) => {
          const m = addMonthsToMonth(m2019, i);
          const paidOn = addDays(firstDayOf(m), p.lag);
          return p.skip === 0 || paidOn >= params.rules.advanceRuleFrom
            ? []
            : [{ kind: 'self' as const, month: m, paidOn, amount: p.amount }];
        });
        // the rule written out plainly: a payment counts once made, when it reaches the amount of its
        // month's year or of the year it was paid in, whichever is lower (2,125 until 2021, 3,000 in 2022)
        const amountIn = (year: number) => (year < 2020 ? Infinity : year <= 2021 ? 2125 : 3000);
        const counts = (m: Month) =>
          payments.some(
            (p) =>
              p.month === m &&
              p.paidOn <= on &&
              p.amount >= Math.min(amountIn(Number(m.slice(0, 4))), amountIn(Number(p.paidOn.slice(0, 4)))),
          );
        const month = monthOf(on);
        const history = Array.from({ length: 12 }, (_, i) => addMonthsToMonth(month, -1 - i));
        const expected = counts(month) && history.every((m) => m < '2020-01' || counts(m));
        expect(osmsStatusOn(params, debtor(payments), on).insured).toBe(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('12 separate advance payments insure exactly their months, from the first day of the first', () => {
    fc.assert(
      fc.property(advancePaid, fc.nat(365), ({ first, paidOn }, inside) => {
        const f = debtor(advanceBlock(first, paidOn));
        const last = lastDayOf(addMonthsToMonth(first, 11));
        const span = dateToEpochDays(last) - dateToEpochDays(firstDayOf(first));
        const on = addDays(firstDayOf(first), inside % (span + 1));
        expect(osmsStatusOn(params, f, on)).toMatchObject({
          insured: true,
          code: 'ADVANCE_PAYMENTS',
          until: last,
        });
        expect(insuredOn(f, addDays(firstDayOf(first), -1))).toBe(false);
        expect(insuredOn(f, addDays(last, 1))).toBe(false);
      }),
    );
  });

  it('a lump sum of the same total never insures, on any day from its payment on', () => {
    fc.assert(
      fc.property(advancePaid, fc.nat(500), ({ first, paidOn }, after) => {
        const total = advanceBlock(first, paidOn).reduce((sum, c) => sum + c.amount, 0);
        const lump: OsmsContribution = {
          kind: 'lump-sum',
          firstMonth: first,
          months: 12,
          paidOn,
          amount: total,
        };
        const s = osmsStatusOn(params, debtor([lump]), addDays(paidOn, after));
        expect(s.insured).toBe(false);
      }),
    );
  });

  it('a category alone holds exactly over its period and 3 months after', () => {
    fc.assert(
      fc.property(
        category,
        day('2020-01-01', '2026-06-30'),
        fc.nat(900),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cat, from, length, at) => {
          const to = addDays(from, length);
          const f = citizen({ memberships: [membership(cat, from, to, from)] });
          const end = addMonths(to, 3);
          const span = dateToEpochDays(end) - dateToEpochDays(from);
          const on = epochDaysToDate(dateToEpochDays(from) + Math.floor(span * at));
          expect(insuredOn(f, addDays(from, -1))).toBe(false);
          expect(insuredOn(f, on)).toBe(true);
          expect(osmsStatusOn(params, f, to).code).toBe(
            categoryPayer(cat) === 'state' ? 'STATE_CATEGORY' : 'LOCAL_BODY_CATEGORY',
          );
          expect(osmsStatusOn(params, f, end)).toMatchObject({
            insured: true,
            code: 'GRACE_AFTER_CATEGORY',
            until: end,
          });
          expect(insuredOn(f, addDays(end, 1))).toBe(false);
        },
      ),
    );
  });

  it('the grace period is 6 months after more than 5 years of contributions in a row, else 3, never longer', () => {
    fc.assert(
      fc.property(
        category,
        day('2020-01-01', '2026-06-30'),
        fc.nat(900),
        fc.nat(80),
        (cat, from, length, run) => {
          const to = addDays(from, length);
          // `run` months of the state's contributions in a row, ending with the month of leaving
          const contributions = Array.from({ length: run }, (_, i) => addMonthsToMonth(monthOf(to), -i))
            .filter((m) => m >= params.rules.systemStart)
            .map((m) => paid('state', m, `${m}-25`, 4000));
          const f = citizen({ memberships: [membership(cat, from, to, from)], contributions });
          const end = addMonths(to, contributions.length > 60 ? 6 : 3);
          expect(osmsStatusOn(params, f, end)).toMatchObject({ insured: true, until: end });
          expect(insuredOn(f, addDays(end, 1))).toBe(false);
          expect(insuredOn(f, addDays(addMonths(to, 6), 1))).toBe(false);
        },
      ),
    );
  });

  it('the temporary status lasts one month and gives way to the category when its data arrives', () => {
    fc.assert(
      fc.property(
        category,
        day('2020-02-01', '2026-06-30'),
        fc.integer({ min: 1, max: 27 }),
        (cat, uploadedOn, arrives) => {
          const upload = { category: cat, uploadedOn, uploadedBy: 'clinic' as const, revokedOn: null };
          const alone = citizen({ temporaryStatuses: [upload] });
          const end = addDays(addMonths(uploadedOn, 1), -1);
          expect(osmsStatusOn(params, alone, uploadedOn)).toMatchObject({
            code: 'TEMPORARY_DOCUMENT',
            until: end,
          });
          expect(osmsStatusOn(params, alone, end).insured).toBe(true);
          expect(osmsStatusOn(params, alone, addDays(end, 1))).toMatchObject({
            insured: false,
            code: 'TEMPORARY_ENDED',
          });

          const receivedOn = addDays(uploadedOn, arrives);
          const withData = citizen({
            temporaryStatuses: [upload],
            memberships: [membership(cat, addDays(uploadedOn, -40), null, receivedOn)],
          });
          expect(osmsStatusOn(params, withData, addDays(receivedOn, -1)).code).toBe('TEMPORARY_DOCUMENT');
          expect(osmsStatusOn(params, withData, receivedOn)).toMatchObject({ category: cat, until: null });
          expect(osmsStatusOn(params, withData, addDays(end, 1)).insured).toBe(true);
        },
      ),
    );
  });
});
