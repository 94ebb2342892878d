import type { AuditFilterInput } from '@/lib/audit/audit-filter';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export type AuditField = keyof AuditFilterInput;

/**
 * The audit log's query-string names (Russian, transliterated) for the use case's filter fields; the person
 * is named by the register's key (`enp`; `iin`), as in every other link to a person.
 */
export function auditParams(): Readonly<Record<AuditField, string>> {
  return {
    who: 'kto',
    organisation: 'organizaciya',
    person: jurisdictionProfile().personIdentifier.kind,
    what: 'chto',
    channel: 'kanal',
    from: 's',
    to: 'po',
  };
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The filter as typed (kept on the form as is), read from the query string. */
export function auditInputFromParams(params: Record<string, string | string[] | undefined>) {
  const names = auditParams();
  const input = Object.fromEntries(
    (Object.keys(names) as AuditField[]).map((field) => [field, first(params[names[field]])]),
  ) as Record<AuditField, string>;
  return { input, after: first(params.dalee) || null };
}

/** The query string of a filter (empty fields left out), optionally with the next page's cursor. */
export function auditQuery(input: Record<AuditField, string>, after?: string | null): string {
  const q = new URLSearchParams();
  const names = auditParams();
  for (const field of Object.keys(names) as AuditField[]) {
    if (input[field].trim()) q.set(names[field], input[field].trim());
  }
  if (after) q.set('dalee', after);
  const text = q.toString();
  return text ? `?${text}` : '';
}
