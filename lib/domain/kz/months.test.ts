import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { d, m } from '@/testing/kz/osms';
import { addMonths, addMonthsToMonth, isMonth, lastDayOf, monthRange, monthsFrom } from './months';

describe('months', () => {
  it('steps across years both ways', () => {
    expect(addMonthsToMonth(m('2024-11'), 3)).toBe('2025-02');
    expect(addMonthsToMonth(m('2024-01'), -1)).toBe('2023-12');
    expect(monthsFrom(m('2022-09'), m('2023-08'))).toBe(11);
  });

  it('knows the last day of February in leap and common years', () => {
    expect(lastDayOf(m('2024-02'))).toBe('2024-02-29');
    expect(lastDayOf(m('2025-02'))).toBe('2025-02-28');
    expect(lastDayOf(m('2025-12'))).toBe('2025-12-31');
  });

  it('adds calendar months keeping the day, or the month end when the month is shorter', () => {
    expect(addMonths(d('2024-03-31'), 3)).toBe('2024-06-30');
    expect(addMonths(d('2023-11-30'), 3)).toBe('2024-02-29');
    expect(addMonths(d('2024-01-15'), 1)).toBe('2024-02-15');
    expect(addMonths(d('2024-08-31'), 6)).toBe('2025-02-28');
  });

  it('lists a range with both ends, empty when reversed', () => {
    expect(monthRange(m('2024-11'), m('2025-02'))).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange(m('2025-02'), m('2024-11'))).toEqual([]);
  });

  it('accepts only YYYY-MM with a real month', () => {
    expect(['2024-01', '2024-12'].every(isMonth)).toBe(true);
    expect(['2024-00', '2024-13', '2024-1', '24-01', '2024-01-01'].some(isMonth)).toBe(false);
  });

  it('stepping n months and back returns the same month; the range between holds n+1 months', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2000, max: 2100 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 240 }),
        (y, mo, n) => {
          const start = m(`${y}-${String(mo).padStart(2, '0')}`);
          const end = addMonthsToMonth(start, n);
          expect(addMonthsToMonth(end, -n)).toBe(start);
          expect(monthsFrom(start, end)).toBe(n);
          expect(monthRange(start, end)).toHaveLength(n + 1);
        },
      ),
    );
  });
});
