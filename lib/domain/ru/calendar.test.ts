import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  buildCalendar,
  computeDueAt,
  isOverdue,
  isWorkingDay,
  isYearLoaded,
  nextWorkingDay,
  type CalendarDayKind,
} from './calendar';
import { addDays, dateToEpochDays, epochDaysToDate, makeDate, type LocalDate } from '@/lib/domain/dates';
import { labourCodeDaysOff } from './labour-code-holidays';

const rows = readFileSync(new URL('../../../db/reference/ru-nonworking-days.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [date, kind] = line.split(',');
    return { date: date!, kind: kind as CalendarDayKind };
  });
const yearsInFile = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort();

/** 2025 and 2026 are fully decided; 2027 has statutory holidays only (transfers unknown). */
const cal = buildCalendar(rows, [2025, 2026]);
const calAll = buildCalendar(rows, yearsInFile);
const plain = buildCalendar([], []);

const d = (s: string) => s as LocalDate;
/** An instant given in Moscow wall time. */
const msk = (s: string) => new Date(`${s}+03:00`);

function workingDaysIn(c: typeof cal, from: LocalDate, toExclusive: LocalDate): number {
  let n = 0;
  for (let x = from; x < toExclusive; x = addDays(x, 1)) if (isWorkingDay(c, x)) n++;
  return n;
}

describe('the reference file', () => {
  it('covers 2025–2027 with known kinds', () => {
    expect(yearsInFile).toEqual([2025, 2026, 2027]);
    for (const r of rows) expect(['holiday', 'transfer', 'weekend-workday']).toContain(r.kind);
  });
});

describe('isWorkingDay on the real calendar', () => {
  it.each([
    ['2026-01-09', false, 'transfer from 3 January'],
    ['2026-01-12', true, 'first working day of 2026'],
    ['2025-11-01', true, 'a Saturday made a working day'],
    ['2025-11-03', false, 'transfer from 1 November'],
    ['2025-11-04', false, 'Unity Day'],
    ['2026-03-09', false, '8 March fell on a Sunday'],
    ['2026-05-11', false, '9 May fell on a Saturday'],
    ['2026-12-31', false, 'transfer from 4 January'],
    ['2025-12-31', false, 'transfer from 5 January'],
    ['2026-02-23', false, 'Defender of the Fatherland Day'],
    ['2026-02-24', true, 'a plain Tuesday'],
    ['2026-11-21', false, 'a plain Saturday'],
    ['2026-11-22', false, 'a plain Sunday'],
    ['2026-11-23', true, 'a plain Monday'],
    ['2026-11-04', false, 'Unity Day on a Wednesday'],
    ['2026-11-05', true, 'the day after'],
  ])('%s → %s (%s)', (date, working) => {
    expect(isWorkingDay(cal, d(date))).toBe(working);
  });

  it('matches the official totals: 247 working days in 2025 and in 2026', () => {
    expect(workingDaysIn(cal, d('2025-01-01'), d('2026-01-01'))).toBe(247);
    expect(workingDaysIn(cal, d('2026-01-01'), d('2027-01-01'))).toBe(247);
  });

  it('matches official month totals (January 2025: 17, May 2025: 18, November 2025: 19, January 2026: 15)', () => {
    expect(workingDaysIn(cal, d('2025-01-01'), d('2025-02-01'))).toBe(17);
    expect(workingDaysIn(cal, d('2025-05-01'), d('2025-06-01'))).toBe(18);
    expect(workingDaysIn(cal, d('2025-11-01'), d('2025-12-01'))).toBe(19);
    expect(workingDaysIn(cal, d('2026-01-01'), d('2026-02-01'))).toBe(15);
  });

  it('counts a year without its decree by the Labour Code: fixed holidays, weekend holidays moved on', () => {
    expect(isWorkingDay(cal, d('2030-01-01'))).toBe(false); // Tuesday, New Year
    expect(isWorkingDay(cal, d('2030-01-05'))).toBe(false); // Saturday
    expect(isWorkingDay(cal, d('2030-01-07'))).toBe(false); // Monday, Christmas
    expect(isWorkingDay(cal, d('2030-01-09'))).toBe(true); // Wednesday after the holidays
    expect(isWorkingDay(cal, d('2030-02-25'))).toBe(false); // 23 February fell on a Saturday
    expect(isWorkingDay(cal, d('2030-02-26'))).toBe(true);
    // 2030: 261 weekdays; off on weekdays are 1–4, 7, 8 Jan, 25 Feb (moved), 8 Mar, 1 and 9 May,
    // 12 Jun and 4 Nov — 12 days, so 249 working days.
    expect(workingDaysIn(cal, d('2030-01-01'), d('2031-01-01'))).toBe(249);
  });

  it('a calendar whose years are all loaded and list nothing is exactly Mon–Fri', () => {
    const years = Array.from({ length: 170 }, (_, i) => 1970 + i);
    const bare = buildCalendar([], years);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => {
        const date = epochDaysToDate(n);
        const dow = new Date(n * 86_400_000).getUTCDay();
        expect(isWorkingDay(bare, date)).toBe(dow !== 0 && dow !== 6);
      }),
    );
  });

  it('without a decree: a day is off exactly when a weekend or a Labour Code day off', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60_000 }), (n) => {
        const date = epochDaysToDate(n);
        const dow = new Date(n * 86_400_000).getUTCDay();
        const off = dow === 0 || dow === 6 || labourCodeDaysOff(Number(date.slice(0, 4))).has(date);
        expect(isWorkingDay(plain, date)).toBe(!off);
      }),
    );
  });
});

describe('labourCodeDaysOff (ТК РФ ст. 112)', () => {
  const HOLIDAYS = ['01-01', '01-02', '01-03', '01-04', '01-05', '01-06', '01-07', '01-08'].concat([
    '02-23',
    '03-08',
    '05-01',
    '05-09',
    '06-12',
    '11-04',
  ]);

  it('the example of the domain brief: 2027 moves 1 May, 9 May and 12 June, not 2–3 January', () => {
    const days = labourCodeDaysOff(2027);
    expect([...days].filter(([, kind]) => kind === 'transfer').map(([date]) => date)).toEqual([
      '2027-05-03',
      '2027-05-10',
      '2027-06-14',
    ]);
  });

  it('agrees with the decided 2026 where the decree only applied art. 112 part 2 (8 March, 9 May)', () => {
    const days = labourCodeDaysOff(2026);
    expect(days.get(d('2026-03-09'))).toBe('transfer');
    expect(days.get(d('2026-05-11'))).toBe('transfer');
    for (const date of ['2026-03-09', '2026-05-11']) expect(isWorkingDay(cal, d(date))).toBe(false);
  });

  it('every year: the fixed holidays, and one weekday moved for each non-January weekend holiday', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1992, max: 2200 }), (year) => {
        const days = labourCodeDaysOff(year);
        for (const md of HOLIDAYS) expect(days.get(d(`${year}-${md}`))).toBe('holiday');
        const weekendHolidays = HOLIDAYS.filter((md) => {
          const dow = new Date(`${year}-${md}T00:00:00Z`).getUTCDay();
          return !md.startsWith('01-') && (dow === 0 || dow === 6);
        });
        const transfers = [...days].filter(([, kind]) => kind === 'transfer').map(([date]) => date);
        expect(transfers).toHaveLength(weekendHolidays.length);
        for (const t of transfers) {
          const dow = new Date(`${t}T00:00:00Z`).getUTCDay();
          expect(dow).not.toBe(0);
          expect(dow).not.toBe(6);
          expect(HOLIDAYS).not.toContain(t.slice(5));
          // Moved to the next working day: at most a weekend and one other holiday in between.
          expect(
            weekendHolidays.some((md) => {
              const gap = (Date.parse(`${t}T00:00:00Z`) - Date.parse(`${year}-${md}T00:00:00Z`)) / 86_400_000;
              return gap >= 1 && gap <= 4;
            }),
          ).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('nextWorkingDay / addWorkingDays', () => {
  it('skips holidays, transfers and weekends; uses working Saturdays', () => {
    expect(nextWorkingDay(cal, d('2025-12-31'))).toBe('2026-01-12');
    expect(nextWorkingDay(cal, d('2025-12-30'))).toBe('2026-01-12');
    expect(nextWorkingDay(cal, d('2025-12-29'))).toBe('2025-12-30');
    expect(nextWorkingDay(cal, d('2025-10-31'))).toBe('2025-11-01'); // working Saturday
    expect(nextWorkingDay(cal, d('2025-11-01'))).toBe('2025-11-05');
    expect(nextWorkingDay(cal, d('2026-03-06'))).toBe('2026-03-10');
    expect(nextWorkingDay(cal, d('2026-05-08'))).toBe('2026-05-12');
    expect(nextWorkingDay(cal, d('2026-11-20'))).toBe('2026-11-23');
  });

  it('the result is a working day after the date, with no working day in between', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dateToEpochDays(d('2024-12-01')), max: dateToEpochDays(d('2028-01-31')) }),
        (n) => {
          const date = epochDaysToDate(n);
          const next = nextWorkingDay(cal, date);
          expect(next > date).toBe(true);
          expect(isWorkingDay(cal, next)).toBe(true);
          for (let x = addDays(date, 1); x < next; x = addDays(x, 1))
            expect(isWorkingDay(cal, x)).toBe(false);
          expect(dateToEpochDays(next) - n).toBeLessThanOrEqual(13); // longest: 30.12.2025 → 12.01.2026
        },
      ),
      { numRuns: 500 },
    );
  });

  it('adds working days', () => {
    expect(addWorkingDays(cal, d('2025-12-29'), 0)).toBe('2025-12-29');
    expect(addWorkingDays(cal, d('2025-12-29'), 1)).toBe('2025-12-30');
    expect(addWorkingDays(cal, d('2025-12-29'), 2)).toBe('2026-01-12');
    expect(addWorkingDays(cal, d('2025-12-29'), 3)).toBe('2026-01-13');
    expect(addWorkingDays(cal, d('2026-01-01'), 15)).toBe('2026-01-30'); // 15 working days in Jan 2026
    expect(() => addWorkingDays(cal, d('2026-01-01'), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, d('2026-01-01'), 1.5)).toThrow(RangeError);
  });
});

describe('computeDueAt ("within one working day")', () => {
  it('Friday evening → end of Monday (Moscow)', () => {
    const r = computeDueAt(cal, msk('2026-11-20T19:45:00'));
    expect(r.dueDate).toBe('2026-11-23');
    expect(r.dueAt.toISOString()).toBe('2026-11-23T20:59:59.999Z');
    expect(r.missingYears).toEqual([]);
  });

  it('uses the Moscow date, not the UTC date, around midnight', () => {
    // Thursday 23:59 MSK → due end of Friday.
    expect(computeDueAt(cal, new Date('2026-11-19T20:59:00Z')).dueDate).toBe('2026-11-20');
    // Friday 00:30 MSK is still Thursday in UTC, but in Moscow it is Friday → due end of Monday.
    expect(computeDueAt(cal, new Date('2026-11-19T21:30:00Z')).dueDate).toBe('2026-11-23');
  });

  it('counts from the day after submission even when submitted on a day off', () => {
    expect(computeDueAt(cal, msk('2026-11-22T10:00:00')).dueDate).toBe('2026-11-23'); // Sunday → Monday
    expect(computeDueAt(cal, msk('2026-11-23T00:00:00')).dueDate).toBe('2026-11-24'); // Monday → Tuesday
  });

  it('crosses the New Year holidays: 31.12.2025 → end of 12.01.2026', () => {
    const r = computeDueAt(cal, msk('2025-12-31T12:00:00'));
    expect(r.dueDate).toBe('2026-01-12');
    expect(r.dueAt.toISOString()).toBe('2026-01-12T20:59:59.999Z');
    expect(r.dueAt.getTime()).toBe(msk('2026-01-13T00:00:00').getTime() - 1);
    expect(r.missingYears).toEqual([]);
  });

  it('30.10.2025 → 31.10.2025; 31.10.2025 → the working Saturday 01.11.2025', () => {
    expect(computeDueAt(cal, msk('2025-10-30T09:00:00')).dueDate).toBe('2025-10-31');
    expect(computeDueAt(cal, msk('2025-10-31T18:00:00')).dueDate).toBe('2025-11-01');
  });

  it('reports a consulted year that is not loaded, and counts it by the Labour Code', () => {
    const r = computeDueAt(cal, msk('2029-12-31T15:00:00')); // Monday
    expect(r.dueDate).toBe('2030-01-09'); // 1–8 January are holidays by art. 112
    expect(r.missingYears).toEqual([2030]);
    const fri = computeDueAt(cal, msk('2030-02-22T15:00:00')); // Friday; 23 February on the Saturday
    expect(fri.dueDate).toBe('2030-02-26'); // Monday 25th is the moved day off
    expect(fri.missingYears).toEqual([2030]);
  });

  it('honours the listed 2027 holidays but reports 2027 while its transfers are not loaded', () => {
    const r = computeDueAt(cal, msk('2026-12-30T10:00:00'));
    expect(r.dueDate).toBe('2027-01-11');
    expect(r.missingYears).toEqual([2027]);
    expect(computeDueAt(calAll, msk('2026-12-30T10:00:00')).missingYears).toEqual([]);
    expect(isYearLoaded(cal, 2027)).toBe(false);
    expect(isYearLoaded(calAll, 2027)).toBe(true);
  });

  it('does not report the submission year itself when only the next day is consulted', () => {
    expect(computeDueAt(cal, msk('2024-06-03T10:00:00')).missingYears).toEqual([2024]); // 4 June 2024 consulted
    expect(computeDueAt(cal, msk('2024-12-31T10:00:00')).missingYears).toEqual([]); // next day is 2025 (loaded)
    expect(computeDueAt(cal, msk('2024-12-31T10:00:00')).dueDate).toBe('2025-01-09');
  });

  it('supports longer deadlines and lists the missing years sorted', () => {
    const r = computeDueAt(plain, msk('2025-12-30T10:00:00'), 3);
    expect(r.dueDate).toBe('2026-01-12'); // 31 Dec, 9 Jan, 12 Jan: 1–8 January are art. 112 holidays
    expect(r.missingYears).toEqual([2025, 2026]);
    expect(() => computeDueAt(cal, msk('2025-12-30T10:00:00'), 0)).toThrow(RangeError);
    expect(() => computeDueAt(cal, new Date(Number.NaN))).toThrow(RangeError);
  });

  it('always ends on the last millisecond of a Moscow working day after the submission', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2025-01-01T00:00:00Z'),
          max: new Date('2027-06-30T00:00:00Z'),
          noInvalidDate: true,
        }),
        (at) => {
          const r = computeDueAt(cal, at);
          expect(isWorkingDay(cal, r.dueDate)).toBe(true);
          expect(r.dueAt.getTime()).toBeGreaterThan(at.getTime());
          expect(new Date(r.dueAt.getTime() + 1).toISOString().slice(11)).toBe('21:00:00.000Z'); // 00:00 MSK next day
          expect(r.dueAt.getTime() - at.getTime()).toBeLessThan(14 * 86_400_000);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('isOverdue', () => {
  it('is overdue only after the due instant', () => {
    const due = new Date('2026-01-12T20:59:59.999Z');
    expect(isOverdue(due, new Date('2026-01-12T20:59:59.998Z'))).toBe(false);
    expect(isOverdue(due, due)).toBe(false);
    expect(isOverdue(due, new Date('2026-01-12T21:00:00.000Z'))).toBe(true);
  });
});

describe('buildCalendar', () => {
  it('rejects malformed reference rows', () => {
    expect(() => buildCalendar([{ date: '2026-02-30', kind: 'holiday' }], [2026])).toThrow(RangeError);
    expect(() => buildCalendar([{ date: '2026-01-01', kind: 'day-off' as CalendarDayKind }], [2026])).toThrow(
      RangeError,
    );
    expect(() =>
      buildCalendar(
        [
          { date: '2026-01-01', kind: 'holiday' },
          { date: '2026-01-01', kind: 'transfer' },
        ],
        [2026],
      ),
    ).toThrow(/listed twice/);
    expect(() => buildCalendar([], [2026.5])).toThrow(RangeError);
  });

  it('accepts a repeated identical row and dates typed as strings', () => {
    const c = buildCalendar(
      [
        { date: '2031-06-02', kind: 'transfer' },
        { date: '2031-06-02', kind: 'transfer' },
        { date: makeDate(2031, 6, 7), kind: 'weekend-workday' },
      ],
      [2031],
    );
    expect(isWorkingDay(c, d('2031-06-02'))).toBe(false); // a Monday made a day off
    expect(isWorkingDay(c, d('2031-06-07'))).toBe(true); // a Saturday made a working day
    expect(isWorkingDay(c, d('2031-06-08'))).toBe(false);
  });
});
