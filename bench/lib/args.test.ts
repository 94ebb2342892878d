import { describe, expect, it } from 'vitest';
import { parseBenchFlags, type FlagSpec } from './args';

const spec = {
  persons: { kind: 'whole', min: 1, max: 100 },
  users: { kind: 'list', min: 1, max: 8 },
} satisfies Record<string, FlagSpec>;

describe('parseBenchFlags', () => {
  it('reads whole numbers and lists, in both spellings', () => {
    expect(parseBenchFlags(['--persons', '50', '--users=1,8'], spec)).toEqual({ persons: 50, users: [1, 8] });
    expect(parseBenchFlags([], spec)).toEqual({});
  });

  it('names what is wrong: unknown, repeated, missing, out of range, not a number', () => {
    expect(parseBenchFlags(['--nope', '1'], spec)).toMatch(/nope/);
    expect(parseBenchFlags(['--persons', '5', '--persons', '6'], spec)).toBe('--persons given twice');
    expect(parseBenchFlags(['--persons'], spec)).toMatch(/persons/);
    expect(parseBenchFlags(['--persons', '101'], spec)).toMatch(/--persons must be a whole number in 1…100/);
    expect(parseBenchFlags(['--users', '1,9'], spec)).toMatch(
      /--users must be whole numbers in 1…8, got 1,9/,
    );
    expect(parseBenchFlags(['--persons', '1e3'], spec)).toMatch(/got 1e3/);
    expect(parseBenchFlags(['extra'], spec)).toMatch(/extra/);
  });
});
