/**
 * The sign-in lockout rule, pure (ADR 0017). `failures` are the times of the failed attempts counted
 * against one account (those after its last successful sign-in) or one client address. A failure that
 * makes `threshold` failures within one window (itself and the ones before it) locks the account or
 * address until `lockMs` after it. Attempts refused while locked are not recorded, so the lock lifts on
 * time; the caller needs the failures of the last `windowMs + lockMs` only (`lookBackMs`).
 */
export interface LockoutPolicy {
  threshold: number;
  windowMs: number;
  lockMs: number;
}

export function lockedUntil(failures: readonly Date[], policy: LockoutPolicy, now: Date): Date | null {
  const times = failures
    .map((d) => d.getTime())
    .filter((t) => t <= now.getTime())
    .sort((a, b) => a - b);
  let until = -Infinity;
  for (let i = policy.threshold - 1; i < times.length; i++) {
    if (times[i]! - times[i - policy.threshold + 1]! < policy.windowMs) {
      until = Math.max(until, times[i]! + policy.lockMs);
    }
  }
  return until > now.getTime() ? new Date(until) : null;
}

export const lookBackMs = (policy: LockoutPolicy) => policy.windowMs + policy.lockMs;

/** The later of two lock ends, either possibly absent. */
export function laterLock(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}
