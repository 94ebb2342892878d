import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SUBJECT_CODES, isKnownSubjectCode } from './subjects';

const csv = readFileSync(new URL('../../../db/reference/regions.csv', import.meta.url), 'utf8');
const rows = csv.trim().split(/\r?\n/);
const header = rows[0]!.split(',');
const codeColumn = header.indexOf('subject_code');
const csvCodes = rows.slice(1).map((line) => line.split(',')[codeColumn]!);

describe('SUBJECT_CODES', () => {
  it('equals the subject_code column of db/reference/regions.csv', () => {
    expect(codeColumn).toBe(0);
    expect(new Set(csvCodes).size).toBe(csvCodes.length); // no duplicates in the file
    expect([...SUBJECT_CODES].sort()).toEqual([...csvCodes].sort());
  });

  it('has 89 two-digit codes', () => {
    expect(SUBJECT_CODES.size).toBe(89);
    for (const code of SUBJECT_CODES) expect(code).toMatch(/^\d{2}$/);
  });

  it('knows subject codes (KOD_TF), not ОКАТО prefixes', () => {
    expect(isKnownSubjectCode('77')).toBe(true); // Moscow
    expect(isKnownSubjectCode('50')).toBe(true); // Moscow Oblast
    expect(isKnownSubjectCode('46')).toBe(true); // Kursk Oblast (46 is Moscow Oblast only as ОКАТО)
    expect(isKnownSubjectCode('84')).toBe(false); // ОКАТО of Altai Republic, not a KOD_TF
    expect(isKnownSubjectCode('80')).toBe(false);
    expect(isKnownSubjectCode('00')).toBe(false);
    expect(isKnownSubjectCode('7')).toBe(false);
    expect(isKnownSubjectCode('077')).toBe(false);
  });
});
