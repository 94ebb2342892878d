import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citizen, d, membership, osmsParameters as params, paid } from '@/testing/kz/osms';
import { day, facts } from '@/testing/kz/osms-arbitraries';
import { addDays, dateToEpochDays, epochDaysToDate, type LocalDate } from '../dates';
import { osmsStatusOn } from './insured-status';
import { osmsStatusTimeline } from './status-timeline';

const key = (on: LocalDate, f: Parameters<typeof osmsStatusOn>[1]) => {
  const s = osmsStatusOn(params, f, on);
  return `${s.insured}|${s.code}|${s.category ?? ''}`;
};

describe('osmsStatusTimeline: the status on every month start and every change', () => {
  it('finds exactly the days a day-by-day walk finds the status changing', () => {
    fc.assert(
      fc.property(
        facts,
        day('2019-11-01', '2027-01-01'),
        fc.integer({ min: 0, max: 120 }),
        (f, from, span) => {
          const to = addDays(from, span);
          const walked: LocalDate[] = [];
          for (let n = dateToEpochDays(from); n <= dateToEpochDays(to); n++) {
            const on = epochDaysToDate(n);
            if (key(on, f) !== key(addDays(on, -1), f)) walked.push(on);
          }
          const timeline = osmsStatusTimeline(params, f, from, to);
          expect(timeline.filter((e) => e.changed).map((e) => e.on)).toEqual(walked);
          for (const e of timeline) expect(e.status).toEqual(osmsStatusOn(params, f, e.on));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('has one row for each month start in the range, in order', () => {
    const rows = osmsStatusTimeline(params, citizen(), d('2024-01-15'), d('2024-04-01'));
    expect(rows.filter((e) => e.monthStart).map((e) => e.on)).toEqual([
      '2024-02-01',
      '2024-03-01',
      '2024-04-01',
    ]);
    expect(rows.every((e) => !e.status.insured && e.status.code === 'NO_CONTRIBUTIONS')).toBe(true);
  });

  it('shows a category, its grace period and the end of the right as changes inside months', () => {
    const f = citizen({ memberships: [membership('PENSIONER', '2023-01-01', '2024-02-10', '2023-01-01')] });
    const rows = osmsStatusTimeline(params, f, d('2024-01-01'), d('2024-06-30'));
    const changes = rows.filter((e) => e.changed).map((e) => [e.on, e.status.code]);
    expect(rows[0]).toMatchObject({ on: '2024-01-01', monthStart: true, changed: false });
    expect(rows[0]!.status.code).toBe('STATE_CATEGORY');
    expect(changes).toEqual([
      ['2024-02-11', 'GRACE_AFTER_CATEGORY'],
      ['2024-05-11', 'GRACE_ENDED'],
    ]);
  });

  it('starts an employer-paid status the day the money arrives, not the month start', () => {
    const f = citizen({ contributions: [paid('employer', '2025-03', '2025-03-20', 3000)] });
    const rows = osmsStatusTimeline(params, f, d('2025-03-01'), d('2025-03-31'));
    expect(rows.map((e) => [e.on, e.changed, e.status.insured])).toEqual([
      ['2025-03-01', false, false],
      ['2025-03-20', true, true],
    ]);
  });

  it('is empty for a range that ends before it starts', () => {
    expect(osmsStatusTimeline(params, citizen(), d('2025-03-02'), d('2025-03-01'))).toEqual([]);
  });
});
