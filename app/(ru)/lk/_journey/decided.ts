import type { DecidedApplication } from '@/lib/applications/immediate-application';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { formatDateRu } from '@/lib/domain/dates';

/** What the confirmation of journeys 3–6 shows: the register's decision, ready to print (no Date objects). */
/**
 * What the confirmation of an application that may wait for an operator says besides its result: by when,
 * why it waits, why it was refused, whether it is a repeat.
 */
export interface ReviewedOutcome {
  /** When an operator decides by (waiting applications only). */
  dueAt: string | null;
  /** `dueAt` was counted without the official production calendar of a year it spans. */
  dueProvisional: boolean;
  reviewReasons: string[];
  refusal: string | null;
  /** The same form had been sent before: this is the first application's answer. */
  repeated: boolean;
}

export interface DecidedOutcome {
  status: 'done' | 'refused' | 'submitted';
  number: string;
  /** The same form had been sent before: this is the first application's answer. */
  repeated: boolean;
  /** ДД.ММ.ГГГГ, when done. */
  effectiveDate: string | null;
  refusal: string | null;
  /** ДД.ММ.ГГГГ, when the rule says from when it will be possible. */
  nextAllowedDate: string | null;
  /** When an operator decides by (waiting applications only). */
  dueAt: string | null;
  /** `dueAt` was counted without the official production calendar of a year it spans. */
  dueProvisional: boolean;
}

/**
 * The due time a waiting application's confirmation shows: when an operator decides by (ДД.ММ.ГГГГ ЧЧ:ММ,
 * Moscow), and whether it was counted without the official calendar; nothing for a decided application.
 */
export function waitingDue(
  app: { dueAt: Date | null; dueProvisional: boolean } | null | undefined,
  waiting: boolean,
): { dueAt: string | null; dueProvisional: boolean } {
  return waiting && app?.dueAt
    ? { dueAt: formatMoscowDateTime(app.dueAt), dueProvisional: app.dueProvisional }
    : { dueAt: null, dueProvisional: false };
}

export function decidedOutcome(d: DecidedApplication): DecidedOutcome {
  return {
    status: d.outcome,
    number: d.application.number,
    repeated: d.repeated,
    effectiveDate: d.effectiveDate ? formatDateRu(d.effectiveDate) : null,
    refusal: d.refusal?.message ?? null,
    nextAllowedDate: d.refusal?.nextAllowedDate ? formatDateRu(d.refusal.nextAllowedDate) : null,
    ...waitingDue(d.application, d.outcome === 'submitted'),
  };
}

/** A text the use case kept in the application's result (its JSON is untyped). */
export function resultText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function ruDate(date: string | null | undefined): string | null {
  return date ? formatDateRu(date) : null;
}
