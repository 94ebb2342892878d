import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '@/lib/auth/actor';

/**
 * The persons a console actor may see, as a condition on the person's latest believed coverage period
 * (`subject` and `insurer` name its columns in the caller's query): the same scope `person:read` checks
 * one person at a time (lib/auth/permissions.ts), for queries over many. Someone with no period yet is in
 * nobody's scope but the federal fund's.
 */
export function staffScopeCondition(actor: Actor, columns: { subject: SQL; insurer: SQL }): SQL {
  if (actor.kind !== 'staff') return sql`false`;
  switch (actor.role) {
    case 'ffoms_admin':
      return sql`true`;
    case 'tfoms_operator':
      return sql`${columns.subject} = ${actor.subjectCode}`;
    case 'smo_operator':
      return sql`${columns.insurer} = ${actor.insurerCode}`;
  }
}
