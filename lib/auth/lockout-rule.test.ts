import { describe, expect, it } from 'vitest';
import { laterLock, lockedUntil, type LockoutPolicy } from './lockout-rule';

const policy: LockoutPolicy = { threshold: 3, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
const t0 = new Date('2026-12-04T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('the sign-in lockout rule', () => {
  it('stays open below the threshold', () => {
    expect(lockedUntil([at(0), at(1)], policy, at(2))).toBeNull();
  });

  it('locks at the threshold until the lock time after the latest failure', () => {
    expect(lockedUntil([at(0), at(1), at(2)], policy, at(2))).toEqual(at(17));
    expect(lockedUntil([at(0), at(1), at(2)], policy, at(16))).toEqual(at(17));
  });

  it('lifts when the lock time after the latest failure has passed', () => {
    expect(lockedUntil([at(0), at(1), at(2)], policy, at(17))).toBeNull();
  });

  it('counts only failures inside the window', () => {
    expect(lockedUntil([at(0), at(10), at(20)], policy, at(20))).toBeNull();
    expect(lockedUntil([at(0), at(15), at(20)], policy, at(20))).toBeNull();
    expect(lockedUntil([at(0), at(10), at(14)], policy, at(14.5))).toEqual(at(29));
    expect(lockedUntil([at(0), at(10), at(14)], policy, at(28))).toEqual(at(29));
  });

  it('ignores failures recorded after now (a clock that moved back)', () => {
    expect(lockedUntil([at(0), at(1), at(5)], policy, at(2))).toBeNull();
  });

  it('takes the later of two locks', () => {
    expect(laterLock(null, null)).toBeNull();
    expect(laterLock(at(1), null)).toEqual(at(1));
    expect(laterLock(null, at(2))).toEqual(at(2));
    expect(laterLock(at(3), at(2))).toEqual(at(3));
  });
});
