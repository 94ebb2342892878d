import { and, eq, type SQL } from 'drizzle-orm';
import { applications } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission, type Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';

/** A region and an insurer the console's lists are narrowed to; null: any. */
export interface QueueScope {
  subjectCode: string | null;
  insurerCode: string | null;
}

/** Only fund and insurer staff work applications; everyone else is refused before anything is read. */
export function requireStaffActor(actor: Actor): Extract<Actor, { kind: 'staff' }> {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN');
  return actor;
}

/**
 * The scope of a list an employee asks for: their own region or insurer unless they narrow it further,
 * checked against `permission` before anything is read — a ТФОМС operator asking for another region, or
 * an СМО operator for another insurer, is refused (FORBIDDEN), never shown an empty list.
 */
export function authorisedScope(
  actor: Actor,
  permission: Permission,
  wanted: { subjectCode?: string | null; insurerCode?: string | null },
): QueueScope {
  const staff = requireStaffActor(actor);
  const scope: QueueScope = {
    subjectCode: wanted.subjectCode ?? (staff.role === 'tfoms_operator' ? staff.subjectCode : null),
    insurerCode: wanted.insurerCode ?? (staff.role === 'smo_operator' ? staff.insurerCode : null),
  };
  requirePermission(actor, permission, scope);
  return scope;
}

/** The scope as a condition on `applications`. */
export function scopeCondition(scope: QueueScope): SQL | undefined {
  return and(
    scope.subjectCode ? eq(applications.subjectCode, scope.subjectCode) : undefined,
    scope.insurerCode ? eq(applications.insurerCode, scope.insurerCode) : undefined,
  );
}
