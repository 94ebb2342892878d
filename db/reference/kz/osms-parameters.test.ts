import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OSMS_PARAMETERS_FILE, readOsmsParameters } from './osms-parameters';

describe('the ОСМС parameters file', () => {
  it('reads the committed file with a source for every year', () => {
    const p = readOsmsParameters();
    expect(p.years.length).toBeGreaterThanOrEqual(7);
    expect(p.years.every((y) => y.source.length > 20)).toBe(true);
    expect(p.rules.advanceRuleFrom).toBe('2022-09-05');
    expect(OSMS_PARAMETERS_FILE.endsWith(path.join('db', 'reference', 'kz', 'osms-parameters.json'))).toBe(
      true,
    );
  });

  it('stops on a file that is not valid', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'osms-')), 'osms-parameters.json');
    writeFileSync(file, JSON.stringify({ rules: {}, years: [] }));
    expect(() => readOsmsParameters(file)).toThrow(/ОСМС parameters are invalid — rules\.systemStart/);
    writeFileSync(file, '{ not json');
    expect(() => readOsmsParameters(file)).toThrow(SyntaxError);
  });
});
