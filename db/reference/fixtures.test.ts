import { describe, expect, it } from 'vitest';
import { insurerFixtures, leavingInsurerTo } from './fixtures';

const MOSCOW = { code: '77', nameRu: 'город Москва' };
const TVER = { code: '69', nameRu: 'Тверская область' };

describe('the fixture insurer that leaves its region', () => {
  it('leaves at the end of the Moscow year it is loaded in', () => {
    expect(leavingInsurerTo(new Date('2026-11-22T12:00:00Z'))).toBe('2026-12-31');
    expect(leavingInsurerTo(new Date('2027-03-01T12:00:00Z'))).toBe('2027-12-31');
    // 20:59 UTC on 31 December is 23:59 in Moscow; a minute later it is the new year there.
    expect(leavingInsurerTo(new Date('2026-12-31T20:59:00Z'))).toBe('2026-12-31');
    expect(leavingInsurerTo(new Date('2026-12-31T21:00:00Z'))).toBe('2027-12-31');
  });

  it('is only the last Moscow branch; every other branch serves without an end', () => {
    const loadedAt = new Date('2028-05-05T09:00:00Z');
    const fixtures = insurerFixtures([MOSCOW, TVER], loadedAt);
    const ending = fixtures.filter((f) => f.servedTo !== null);
    expect(ending.map((f) => [f.code, f.servedTo])).toEqual([['77004', '2028-12-31']]);
    expect(fixtures.filter((f) => f.subjectCode === '69')).toHaveLength(3);
  });
});
