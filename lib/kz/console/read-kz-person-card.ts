import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import type { LocalDate } from '@/lib/domain/dates';
import type { OsmsStatus } from '@/lib/domain/kz';
import { addMonthsToMonth, firstDayOf, monthOf } from '@/lib/domain/kz/months';
import { osmsStatusTimeline, type TimelineEntry } from '@/lib/domain/kz/status-timeline';
import { AppError, fieldIssue } from '@/lib/errors';
import { osmsParameters } from '@/lib/kz/parameters';
import { toOsmsFacts } from '@/lib/kz/status/facts-query';
import { readOsmsStatus, type OsmsStatusRead } from '@/lib/kz/status/read-osms-status';
import { kzToday } from '@/lib/kz/today';
import { isKzCardPurpose, type KzCardPurpose } from './kz-card-purposes';
import { paymentLedger, type LedgerRow } from './payment-ledger';

/** How far back the console's status history goes. */
export const TIMELINE_MONTHS = 24;

export interface KzCardRequest {
  personId: number;
  purpose: KzCardPurpose;
  /** Also show the status and its history as the register knew them at this instant. */
  knownAt?: Date | null;
  now?: Date;
}

/** The status today and its history over the last 24 months, from the facts known at one instant. */
export interface StatusView {
  status: OsmsStatus;
  /** Oldest first: every month start, and every day in between on which the status changed. */
  timeline: TimelineEntry[];
}

export interface KzPersonCard extends StatusView {
  /** The person and the facts standing now (readOsmsStatus, channel console). */
  read: OsmsStatusRead;
  today: LocalDate;
  /** Every payment row, the retracted ones too (newest month first). */
  ledger: LedgerRow[];
  knownAt: (StatusView & { at: Date }) | null;
}

function checkRequest(request: KzCardRequest): void {
  const issues = [];
  if (!isKzCardPurpose(request.purpose))
    issues.push(fieldIssue('purpose', 'FIELD_REQUIRED', 'Выберите цель просмотра из списка.'));
  if (request.knownAt && Number.isNaN(request.knownAt.getTime()))
    issues.push(fieldIssue('knownAt', 'DATE_INVALID'));
  if (issues.length) throw AppError.validation(issues);
}

function statusView(read: OsmsStatusRead, today: LocalDate): StatusView {
  const from = firstDayOf(addMonthsToMonth(monthOf(today), 1 - TIMELINE_MONTHS));
  const timeline = osmsStatusTimeline(osmsParameters(), toOsmsFacts(read), from, today);
  return { status: read.status, timeline };
}

/**
 * A person's ОСМС card in the fund's console (ADR 0034): the status today with its ground, its history
 * over the last 24 months — derived by the pure rule on every month start and every change, as known now
 * and, when asked, as known at an earlier instant (bitemporal) —, every payment (retracted ones marked),
 * the category memberships and the temporary statuses with their documents' particulars. Staff only;
 * `person:read` before anything about the person is read; the facts come through the one status read
 * (`readOsmsStatus`, channel console), which writes each opening to the access log with the purpose and
 * what the employee was told.
 */
export async function readKzPersonCard(actor: Actor, request: KzCardRequest): Promise<KzPersonCard> {
  if (actor.kind !== 'staff') throw new AppError('FORBIDDEN', { details: { permission: 'person:read' } });
  checkRequest(request);
  requirePermission(actor, 'person:read', { personId: request.personId });
  const db = getDb();
  const [person] = await db
    .select({ iin: persons.iin })
    .from(persons)
    .where(and(eq(persons.id, request.personId), eq(persons.jurisdiction, 'kz')));
  if (!person?.iin) throw new AppError('PERSON_NOT_FOUND');

  const now = request.now ?? new Date();
  const today = kzToday(now);
  const ctx = { channel: 'console' as const, purpose: `card:${request.purpose}`, now };
  const read = await readOsmsStatus(actor, { iin: person.iin, on: today }, ctx);
  const knownAt = request.knownAt ?? null;
  const then = knownAt ? await readOsmsStatus(actor, { iin: person.iin, on: today, knownAt }, ctx) : null;
  return {
    read,
    today,
    ...statusView(read, today),
    ledger: await paymentLedger(db, read.person.id),
    knownAt: then && knownAt ? { at: knownAt, ...statusView(then, today) } : null,
  };
}
