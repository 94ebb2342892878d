import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from './csv';
import { calendarYearRows } from './load';

function fixture(text: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'calendar-years-')), 'calendar-years.csv');
  writeFileSync(file, text);
  return file;
}

describe('calendar years as data', () => {
  it('takes completeness and source from the file', () => {
    const file = fixture('year,complete,source\n2030,true,Decree A\n2031,false,Statutory only\n');
    expect(calendarYearRows([2030, 2031], file)).toEqual([
      { year: 2030, complete: true, source: 'Decree A' },
      { year: 2031, complete: false, source: 'Statutory only' },
    ]);
  });

  it('refuses a year with days but no line, and a completeness that is not true or false', () => {
    const file = fixture('year,complete,source\n2030,true,Decree A\n');
    expect(() => calendarYearRows([2030, 2031], file)).toThrow(/no line for 2031/);
    expect(() => calendarYearRows([2030], fixture('year,complete,source\n2030,yes,Decree A\n'))).toThrow(
      /true or false/,
    );
  });

  it('has a line for every year of the committed calendar days', () => {
    const days = readCsv(path.join(import.meta.dirname, 'ru-nonworking-days.csv'));
    const years = [...new Set(days.map((d) => Number(d.date!.slice(0, 4))))];
    expect(calendarYearRows(years).map((r) => r.year)).toEqual(years);
  });
});
