import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  birthdayAt,
  compareDates,
  dateInTimeZone,
  dateToEpochDays,
  dayOfWeek,
  endOfMoscowDay,
  epochDaysToDate,
  formatDateRu,
  makeDate,
  moscowDate,
  parseDate,
  toLocalDate,
  yearOf,
  type LocalDate,
} from './dates';

const d = (s: string) => s as LocalDate;
const parsed = (field: string, s: string) => {
  const r = parseDate(field, s);
  return r.ok ? r.value : r.issues.map((i) => `${i.field}:${i.code}`).join(',');
};

describe('parseDate', () => {
  it('reads ISO and Russian formats', () => {
    expect(parsed('f', '2026-11-22')).toBe('2026-11-22');
    expect(parsed('f', '22.11.2026')).toBe('2026-11-22');
    expect(parsed('f', ' 01.01.1900 ')).toBe('1900-01-01');
  });

  it('accepts 29 February only in leap years (2000 and 2024 yes; 1900, 2025 and 2100 no)', () => {
    expect(parsed('f', '29.02.2024')).toBe('2024-02-29');
    expect(parsed('f', '2000-02-29')).toBe('2000-02-29');
    expect(parsed('f', '29.02.2025')).toBe('f:DATE_INVALID');
    expect(parsed('f', '1900-02-29')).toBe('f:DATE_INVALID');
    expect(parsed('f', '2100-02-29')).toBe('f:DATE_INVALID');
  });

  it.each([
    '31.04.2026',
    '2026-04-31',
    '00.01.2026',
    '32.01.2026',
    '01.13.2026',
    '2026-00-10',
    '1.1.2026',
    '2026/01/01',
    '22-11-2026',
    '',
    'завтра',
    '0000-01-01',
  ])('rejects %j naming the field', (s) => {
    expect(parsed('birthDate', s)).toBe('birthDate:DATE_INVALID');
  });

  it('round-trips every real date through both formats', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dateToEpochDays(d('1900-01-01')), max: dateToEpochDays(d('2100-12-31')) }),
        (n) => {
          const date = epochDaysToDate(n);
          expect(parsed('f', date)).toBe(date);
          expect(parsed('f', formatDateRu(date))).toBe(date);
          expect(dateToEpochDays(date)).toBe(n);
        },
      ),
    );
  });
});

describe('toLocalDate / makeDate', () => {
  it('accepts trusted values and throws on malformed ones', () => {
    expect(toLocalDate('2026-01-09')).toBe('2026-01-09');
    expect(toLocalDate(new Date('2026-01-09T00:00:00Z'))).toBe('2026-01-09'); // UTC midnight keeps its date
    expect(toLocalDate(new Date('2026-01-09T00:00:00+03:00'))).toBe('2026-01-09'); // Moscow midnight too
    expect(toLocalDate(new Date('2026-01-09T20:59:59Z'))).toBe('2026-01-09');
    expect(toLocalDate(new Date('2026-01-09T21:00:00Z'))).toBe('2026-01-10'); // already the 10th in Moscow
    expect(() => toLocalDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => toLocalDate('2026-02-30')).toThrow(RangeError);
    expect(makeDate(2026, 11, 1)).toBe('2026-11-01');
    expect(() => makeDate(2026, 2, 29)).toThrow(RangeError);
    expect(makeDate(2028, 2, 29)).toBe('2028-02-29');
  });
});

describe('arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays(d('2025-12-31'), 1)).toBe('2026-01-01');
    expect(addDays(d('2024-02-28'), 1)).toBe('2024-02-29');
    expect(addDays(d('2025-02-28'), 1)).toBe('2025-03-01');
    expect(addDays(d('2026-03-01'), -1)).toBe('2026-02-28');
    expect(addDays(d('2026-11-22'), 0)).toBe('2026-11-22');
    expect(addDays(d('2026-01-01'), 365)).toBe('2027-01-01');
  });

  it('compares, takes the year and the day of the week', () => {
    expect(compareDates(d('2026-01-09'), d('2026-01-12'))).toBe(-1);
    expect(compareDates(d('2026-01-12'), d('2026-01-09'))).toBe(1);
    expect(compareDates(d('2026-01-12'), d('2026-01-12'))).toBe(0);
    expect(yearOf(d('2026-12-31'))).toBe(2026);
    expect(dayOfWeek(d('2026-11-22'))).toBe(0); // Sunday
    expect(dayOfWeek(d('2025-11-01'))).toBe(6); // Saturday
    expect(dayOfWeek(d('2026-01-12'))).toBe(1); // Monday
  });

  it('formats ДД.ММ.ГГГГ', () => {
    expect(formatDateRu(d('2026-11-01'))).toBe('01.11.2026');
    expect(formatDateRu(d('1900-12-09'))).toBe('09.12.1900');
  });
});

describe('Moscow time (UTC+3, no DST)', () => {
  it('gives the Moscow date around midnight', () => {
    expect(moscowDate(new Date('2026-01-09T20:59:59.999Z'))).toBe('2026-01-09');
    expect(moscowDate(new Date('2026-01-09T21:00:00.000Z'))).toBe('2026-01-10');
    expect(moscowDate(new Date('2025-12-31T21:00:00Z'))).toBe('2026-01-01');
    expect(moscowDate(new Date('2026-07-01T00:30:00Z'))).toBe('2026-07-01'); // summer: still +3
  });

  it('ends the Moscow day at 23:59:59.999 MSK = 20:59:59.999 UTC', () => {
    expect(endOfMoscowDay(d('2026-01-12')).toISOString()).toBe('2026-01-12T20:59:59.999Z');
    expect(endOfMoscowDay(d('2026-07-12')).toISOString()).toBe('2026-07-12T20:59:59.999Z');
    expect(moscowDate(endOfMoscowDay(d('2024-02-29')))).toBe('2024-02-29');
    expect(moscowDate(new Date(endOfMoscowDay(d('2024-02-29')).getTime() + 1))).toBe('2024-03-01');
  });
});

describe('ageOn', () => {
  it('counts full years; the birthday itself counts', () => {
    expect(ageOn(d('2008-11-22'), d('2026-11-21'))).toBe(17);
    expect(ageOn(d('2008-11-22'), d('2026-11-22'))).toBe(18);
    expect(ageOn(d('2008-11-22'), d('2026-11-23'))).toBe(18);
    expect(ageOn(d('2026-11-22'), d('2026-11-22'))).toBe(0);
    expect(ageOn(d('2012-01-01'), d('2025-12-31'))).toBe(13);
    expect(ageOn(d('2012-01-01'), d('2026-01-01'))).toBe(14);
  });

  it('a person born on 29 February becomes older on 1 March in common years', () => {
    expect(ageOn(d('2008-02-29'), d('2026-02-28'))).toBe(17);
    expect(ageOn(d('2008-02-29'), d('2026-03-01'))).toBe(18);
    expect(ageOn(d('2008-02-29'), d('2028-02-29'))).toBe(20);
  });
});

describe('birthdayAt', () => {
  it('is the same day and month, age years later', () => {
    expect(birthdayAt(d('1990-06-15'), 20)).toBe('2010-06-15');
    expect(birthdayAt(d('2025-12-31'), 18)).toBe('2043-12-31');
  });
  it('moves 29 February to 1 March in common years only, agreeing with ageOn', () => {
    expect(birthdayAt(d('2004-02-29'), 14)).toBe('2018-03-01');
    expect(birthdayAt(d('2004-02-29'), 20)).toBe('2024-02-29');
    expect(ageOn(d('2004-02-29'), d('2018-02-28'))).toBe(13);
    expect(ageOn(d('2004-02-29'), birthdayAt(d('2004-02-29'), 14))).toBe(14);
  });
});

describe('dateInTimeZone', () => {
  it('counts the date in the zone, with the zone’s offset of the day', () => {
    // 19:30 UTC: still the 5th in Moscow (22:30), already the 6th in Almaty (00:30, UTC+5 since 2024).
    expect(dateInTimeZone(new Date('2026-12-05T19:30:00Z'), 'Europe/Moscow')).toBe('2026-12-05');
    expect(dateInTimeZone(new Date('2026-12-05T19:30:00Z'), 'Asia/Almaty')).toBe('2026-12-06');
    expect(dateInTimeZone(new Date('2026-12-05T18:59:59Z'), 'Asia/Almaty')).toBe('2026-12-05');
    // Almaty was UTC+6 before 01.03.2024: 18:30 UTC was already the next day there.
    expect(dateInTimeZone(new Date('2023-12-05T18:30:00Z'), 'Asia/Almaty')).toBe('2023-12-06');
    expect(dateInTimeZone(new Date('2024-12-05T18:30:00Z'), 'Asia/Almaty')).toBe('2024-12-05');
  });

  it('agrees with the fixed Moscow offset', () => {
    for (const iso of ['2026-01-01T20:59:59Z', '2026-01-01T21:00:00Z', '2026-06-30T23:00:00Z']) {
      expect(dateInTimeZone(new Date(iso), 'Europe/Moscow')).toBe(moscowDate(new Date(iso)));
    }
  });
});
