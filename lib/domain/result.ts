import type { FieldIssue } from '@/lib/errors';

/** The outcome of a pure check: the normalised value, or every issue found (never just the first). */
export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssue[] };

export const valid = <T>(value: T): Checked<T> => ({ ok: true, value });
export const invalid = <T = never>(...issues: FieldIssue[]): Checked<T> => ({ ok: false, issues });
