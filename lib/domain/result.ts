import type { FieldIssue } from '@/lib/errors';

/** The outcome of a pure check: the normalised value, or every issue found (never just the first). */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export const valid = <T>(value: T): Checked<T> => ({ ok: true, value });
export const invalid = <T = never>(...issues: FieldIssue[]): Checked<T> => ({ ok: false, issues });

/** Collects every issue of many checks, so the person sees all invalid fields at once. */
export class IssueCollector {
  readonly issues: FieldIssue[] = [];

  take<T>(checked: Checked<T>): T | undefined {
    if (checked.ok) return checked.value;
    this.issues.push(...checked.issues);
    return undefined;
  }

  add(issue: FieldIssue): void {
    this.issues.push(issue);
  }
}
