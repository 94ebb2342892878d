import { AppError } from '@/lib/errors';
import type { Actor, FeedSource, KzFeedSource } from './actor';

/**
 * Named permissions. A use case asks for one with the scope it touches; the answer depends only on the
 * actor and that scope, so it is the same from the portal, the console, the APIs and the feeds.
 */
export type Permission =
  | 'person:register' // create a person with ЕНП, documents and first coverage
  | 'person:correct' // change a person's data or documents
  | 'coverage:change' // issue, suspend, renew, terminate, change insurer or region
  | 'attachment:change'
  | 'person:read' // read a person's register data
  | 'register:search' // search the register (console staff; results are filtered to the actor's scope)
  | 'policy:lookup' // the clinic lookup
  | 'api_key:manage' // issue and revoke clinics' API keys (scope: the МО's region)
  | 'application:read' // see applications in the console's queue (scope: the application's region, insurer)
  | 'application:decide' // issue or refuse an application waiting for an operator
  | 'audit:read' // the audit log: staff actions and reads of personal data (ФФОМС all; ТФОМС its region)
  | 'jobs:read' // see the background jobs and their errors (ФФОМС administrators)
  | 'staff:manage' // create, block, re-scope staff accounts, reset their TOTP (scope: the account's)
  | 'feed_key:manage' // issue and revoke agencies' feed keys (federal fund only)
  | 'feed:read' // the feeds' pending events and freshness (operators)
  | 'directory:manage' // import insurers, medical organisations and subjects, load production calendar years (ФФОМС)
  | 'person:merge' // review duplicate pairs, merge them or mark them as different people (scope: each person's)
  | 'person:merge_undo' // undo a merge (ФФОМС administrators only)
  | 'dashboard:read' // the console's dashboards (scope: the region shown; none = the country)
  // Kazakhstan's ОСМС (issue 14, ADR 0030):
  | 'temporary_status:grant' // give the one-month status on an uploaded document (the person, a clinic)
  | 'temporary_status:revoke' // revoke a temporary status (the fund's administrator)
  | 'contribution:record' // record or reverse contributions (the payments feed)
  | 'category:record'; // record category memberships (the category lists' feed)

export interface PermissionScope {
  /** The person touched, when known. */
  personId?: number | null;
  /** The region the person is (or will be) insured in. */
  subjectCode?: string | null;
  /** The insurer concerned. */
  insurerCode?: string | null;
  /** 'staff:manage': the role of the account managed… */
  staffRole?: 'ffoms_admin' | 'tfoms_operator' | 'smo_operator' | 'clinic_registrar' | null;
  /** …and the regions its organisation works in (an МО's region, the regions an insurer serves). */
  staffRegions?: readonly string[] | null;
}

/**
 * Who manages whose account: the ФФОМС administrator everyone's; a ТФОМС operator the СМО operators of
 * insurers serving its region and the registrars of its region's МО; nobody else anyone's (issue 11).
 */
function canManageStaff(actor: Extract<Actor, { kind: 'staff' }>, scope: PermissionScope): boolean {
  switch (actor.role) {
    case 'ffoms_admin':
      return true;
    case 'tfoms_operator':
      return (
        (scope.staffRole === 'smo_operator' || scope.staffRole === 'clinic_registrar') &&
        (scope.staffRegions ?? []).includes(actor.subjectCode)
      );
    case 'smo_operator':
      return false;
  }
}

const FEED_PERMISSIONS: Record<FeedSource | KzFeedSource, readonly Permission[]> = {
  zags: ['person:register', 'person:correct', 'coverage:change'],
  mvd: ['person:register', 'person:correct', 'coverage:change'],
  military: ['coverage:change'],
  payments: ['contribution:record'],
  categories: ['category:record'],
};

const CITIZEN_PERMISSIONS: readonly Permission[] = [
  'coverage:change',
  'attachment:change',
  'person:read',
  'temporary_status:grant',
];

/** What a clinic's registrar or a clinic's API key may do: look patients up, upload a category document. */
const CLINIC_PERMISSIONS: readonly Permission[] = ['policy:lookup', 'temporary_status:grant'];

/**
 * Never staff's, whatever the role: the clinic lookup (a clinic's), a temporary status's grant (the person
 * or the clinic that holds the document), and the feeds' facts (only the agencies send payments and lists).
 */
const NOT_STAFF: readonly Permission[] = [
  'policy:lookup',
  'temporary_status:grant',
  'contribution:record',
  'category:record',
];

export function can(actor: Actor, permission: Permission, scope: PermissionScope = {}): boolean {
  // Searching is console staff's alone; which persons a search may show is the actor's scope, applied by
  // the search itself (lib/register/staff-scope.ts) since no single person is known beforehand.
  if (permission === 'register:search') return actor.kind === 'staff';
  switch (actor.kind) {
    case 'system':
      return true;
    case 'feed':
      return FEED_PERMISSIONS[actor.source].includes(permission);
    case 'clinic':
    case 'api_key':
      return CLINIC_PERMISSIONS.includes(permission);
    case 'public':
      // The public status check asks for no permission: it answers anyone, and only what anyone may know.
      return false;
    case 'citizen': {
      if (!CITIZEN_PERMISSIONS.includes(permission) || scope.personId == null) return false;
      if (permission !== 'person:read' && !actor.trusted) return false;
      return scope.personId === actor.personId || actor.representedPersonIds.includes(scope.personId);
    }
    case 'staff':
      if (permission === 'staff:manage') return canManageStaff(actor, scope);
      if (NOT_STAFF.includes(permission)) return false;
      switch (actor.role) {
        case 'ffoms_admin':
          return true;
        case 'tfoms_operator':
          // The feeds' freshness and pending list concern every region's exchange with the agencies.
          if (permission === 'feed:read') return true;
          return (
            permission !== 'feed_key:manage' &&
            permission !== 'temporary_status:revoke' &&
            permission !== 'jobs:read' &&
            permission !== 'directory:manage' &&
            permission !== 'person:merge_undo' &&
            scope.subjectCode != null &&
            scope.subjectCode === actor.subjectCode
          );
        case 'smo_operator':
          return (
            (permission === 'person:read' ||
              permission === 'person:register' ||
              permission === 'coverage:change' ||
              permission === 'application:read' ||
              permission === 'application:decide') &&
            scope.insurerCode != null &&
            scope.insurerCode === actor.insurerCode
          );
      }
  }
}

/** Throws FORBIDDEN unless the actor holds the permission for this scope. */
export function requirePermission(actor: Actor, permission: Permission, scope: PermissionScope = {}): void {
  if (!can(actor, permission, scope)) {
    throw new AppError('FORBIDDEN', { details: { permission } });
  }
}
