import type { AuditFilterInput } from '@/lib/audit/audit-filter';

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The audit log's query-string names (Russian, transliterated) for the use case's filter fields. */
export const AUDIT_PARAMS = {
  who: 'kto',
  organisation: 'organizaciya',
  enp: 'enp',
  what: 'chto',
  channel: 'kanal',
  from: 's',
  to: 'po',
} as const satisfies Record<keyof AuditFilterInput, string>;

export type AuditField = keyof typeof AUDIT_PARAMS;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The filter as typed (kept on the form as is), read from the query string. */
export function auditInputFromParams(params: Record<string, string | string[] | undefined>) {
  const input = Object.fromEntries(
    (Object.keys(AUDIT_PARAMS) as AuditField[]).map((field) => [field, first(params[AUDIT_PARAMS[field]])]),
  ) as Record<AuditField, string>;
  return { input, after: first(params.dalee) || null };
}

/** The query string of a filter (empty fields left out), optionally with the next page's cursor. */
export function auditQuery(input: Record<AuditField, string>, after?: string | null): string {
  const q = new URLSearchParams();
  for (const field of Object.keys(AUDIT_PARAMS) as AuditField[]) {
    if (input[field].trim()) q.set(AUDIT_PARAMS[field], input[field].trim());
  }
  if (after) q.set('dalee', after);
  const text = q.toString();
  return text ? `?${text}` : '';
}
