import { env } from '@/config/env';
import type { PolicyAnswer } from './policy-answer';

/**
 * The last answer given for each lookup key, kept in this process so the lookup can still answer — marked
 * stale — while the register's database cannot be read (rule 10). Bounded: the oldest keys go first. One
 * mechanism for every jurisdiction's lookup: each keeps its own store of what it needs to answer again
 * (Russia: the answer; Kazakhstan: the answer and the facts its status is derived from, lib/kz/lookup).
 */
export interface Known<T> {
  answer: T;
  personId: number;
  at: Date;
}

const stores: LastKnownStore<unknown>[] = [];

export class LastKnownStore<T> {
  private readonly entries = new Map<string, Known<T>>();

  constructor(private readonly maxEntries: number = env().LOOKUP_LAST_KNOWN_MAX) {
    stores.push(this);
  }

  remember(key: string, known: Known<T>): void {
    this.entries.delete(key);
    this.entries.set(key, known);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  last(key: string): Known<T> | null {
    return this.entries.get(key) ?? null;
  }

  clear(): void {
    this.entries.clear();
  }
}

const policies = new LastKnownStore<PolicyAnswer>();

export function rememberAnswer(key: string, known: Known<PolicyAnswer>): void {
  policies.remember(key, known);
}

export function lastKnownAnswer(key: string): Known<PolicyAnswer> | null {
  return policies.last(key);
}

/** For tests that need a cold process: every store forgets. */
export function forgetAllAnswers(): void {
  for (const store of stores) store.clear();
}
