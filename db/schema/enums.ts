import { pgEnum } from 'drizzle-orm/pg-core';

export const sexEnum = pgEnum('sex', ['M', 'F']);
export const coverageStatusEnum = pgEnum('coverage_status', ['active', 'suspended', 'terminated']);
export const coverageFormEnum = pgEnum('coverage_form', ['electronic', 'paper_extract', 'legacy_card']);
export const calendarDayKindEnum = pgEnum('calendar_day_kind', ['holiday', 'transfer', 'weekend-workday']);
export const actorKindEnum = pgEnum('actor_kind', [
  'citizen',
  'staff',
  'clinic',
  'api_key',
  'feed',
  'system',
  // Anyone asking the public ОСМС status check (issue 14): no account, identified by address only.
  'public',
]);
export const eventEntityEnum = pgEnum('event_entity', [
  'person',
  'document',
  'coverage',
  'attachment',
  'representation',
  // Kazakhstan's ОСМС facts (migration 0020).
  'contribution',
  'category',
  'temporary_status',
  'residence',
]);
export const applicationKindEnum = pgEnum('application_kind', [
  'electronic_policy',
  'child_registration',
  'insurer_change',
  'region_change',
  'suspension',
  'renewal',
  'attachment',
]);
export const applicationStatusEnum = pgEnum('application_status', [
  'draft',
  'submitted',
  'in_progress',
  'done',
  'refused',
  'cancelled',
]);
export const accessChannelEnum = pgEnum('access_channel', [
  'portal',
  'console',
  'clinic_ui',
  'rest',
  'fhir',
  'feed',
  // The public ОСМС status check by ИИН (issue 14).
  'status_check',
]);
