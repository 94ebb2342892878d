import type { DecidedApplication } from '@/lib/applications/immediate-application';
import { formatMoscowDateTime } from '@/lib/applications/labels';
import { formatDateRu, type LocalDate } from '@/lib/domain/dates';

/** What the confirmation of journeys 3–6 shows: the register's decision, ready to print (no Date objects). */
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
}

export function decidedOutcome(d: DecidedApplication): DecidedOutcome {
  return {
    status: d.outcome,
    number: d.application.number,
    repeated: d.repeated,
    effectiveDate: d.effectiveDate ? formatDateRu(d.effectiveDate) : null,
    refusal: d.refusal?.message ?? null,
    nextAllowedDate: d.refusal?.nextAllowedDate ? formatDateRu(d.refusal.nextAllowedDate) : null,
    dueAt:
      d.outcome === 'submitted' && d.application.dueAt ? formatMoscowDateTime(d.application.dueAt) : null,
  };
}

/** A text the use case kept in the application's result (its JSON is untyped). */
export function resultText(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function ruDate(date: string | null | undefined): string | null {
  return date ? formatDateRu(date as LocalDate) : null;
}
