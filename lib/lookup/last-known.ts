import { env } from '@/config/env';
import type { PolicyAnswer } from './policy-answer';

/**
 * The last answer given for each lookup key, kept in this process so the lookup can still answer — marked
 * stale — while the register's database cannot be read (rule 10). Bounded: the oldest keys go first.
 */
const MAX_ENTRIES = env().LOOKUP_LAST_KNOWN_MAX;
interface Known {
  answer: PolicyAnswer;
  personId: number;
  at: Date;
}
const entries = new Map<string, Known>();

export function rememberAnswer(key: string, known: Known): void {
  entries.delete(key);
  entries.set(key, known);
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (!oldest.done) entries.delete(oldest.value);
  }
}

export function lastKnownAnswer(key: string): Known | null {
  return entries.get(key) ?? null;
}

/** For tests that need a cold process. */
export function forgetAllAnswers(): void {
  entries.clear();
}
