import type { z } from 'zod';
import { fieldIssue, type ErrorCode, type FieldIssue } from '@/lib/errors';
import { eventTypesOf, feedEventSchemas, type AnyFeedSource, type FeedEvent } from './events';

/** An event that passed its schema, with where it stood in the request or file (1-based). */
export interface ParsedEvent {
  line: number;
  event: FeedEvent;
}

interface OutcomeBase {
  line: number;
  /** Null only when the event was too broken to read its id. */
  eventId: string | null;
  type: string | null;
}

export interface PendingReason {
  code: ErrorCode;
  message: string;
}

/**
 * What became of one event. `applied`: its effect is in the register (the person named by their country's
 * key, ЕНП or ИИН). `duplicate`: its (source, eventId) was seen before, or the register already held what
 * it says (the same payment reference) — nothing changed. `pending`: kept, to be applied when its person appears. `rejected`:
 * not applicable (schema, data or the register's rules), with the field-level reasons; it is recorded, so
 * a replay is a duplicate, except for schema failures (no readable event to record).
 */
export type EventOutcome =
  | (OutcomeBase & { status: 'applied'; personId: number; enp?: string; iin?: string })
  | (OutcomeBase & { status: 'duplicate' })
  | (OutcomeBase & { status: 'pending'; reason: PendingReason })
  | (OutcomeBase & { status: 'rejected'; issues: FieldIssue[] });

export type OutcomeStatus = EventOutcome['status'];

export interface ApplyOptions {
  /** The feed client's key id (for the events' actor id); defaults to the source itself. */
  clientId?: string;
  /** The clock, for tests. */
  now?: Date;
}

/**
 * The seam the bulk import builds on: validated events of one source in, one outcome per event out, in
 * the input's order. Each event is applied with its dedup record in one transaction.
 */
export type ApplyFeedEvents = (
  source: AnyFeedSource,
  events: readonly ParsedEvent[],
  options?: ApplyOptions,
) => Promise<EventOutcome[]>;

const text = (v: unknown): string | null => (typeof v === 'string' && v.length <= 128 ? v : null);

function issueFromZod(issue: z.core.$ZodIssue): FieldIssue {
  const field = issue.path.map(String).join('.') || 'event';
  if (issue.code === 'invalid_type' && issue.input === undefined) return fieldIssue(field, 'FIELD_REQUIRED');
  if (issue.code === 'unrecognized_keys') {
    return fieldIssue(field, 'FEED_EVENT_INVALID', `Лишние поля: ${issue.keys.join(', ')}.`);
  }
  if (issue.code === 'invalid_format') {
    const what =
      issue.format === 'date'
        ? 'дата в формате ГГГГ-ММ-ДД'
        : issue.format === 'datetime'
          ? 'дата и время ISO 8601 с часовым поясом'
          : 'значение в нужном формате';
    return fieldIssue(field, 'FEED_EVENT_INVALID', `Ожидается ${what}.`);
  }
  if (issue.code === 'too_big') return fieldIssue(field, 'FEED_EVENT_INVALID', 'Слишком длинное значение.');
  if (issue.code === 'too_small') return fieldIssue(field, 'FIELD_REQUIRED');
  if (issue.code === 'invalid_value') {
    return fieldIssue(
      field,
      'FEED_EVENT_INVALID',
      `Допустимые значения: ${issue.values.map(String).join(', ')}.`,
    );
  }
  return fieldIssue(field, 'FEED_EVENT_INVALID', 'Значение не соответствует схеме события.');
}

/** Validates one raw event of a source against its type's schema; every invalid field is named. */
export function parseFeedEvent(
  source: AnyFeedSource,
  raw: unknown,
  line: number,
): { ok: true; parsed: ParsedEvent } | { ok: false; outcome: EventOutcome } {
  const record =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const eventId = text(record.eventId);
  const type = text(record.type);
  const rejected = (issues: FieldIssue[]) => ({
    ok: false as const,
    outcome: { line, eventId, type, status: 'rejected' as const, issues },
  });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return rejected([fieldIssue('event', 'FEED_EVENT_INVALID', 'Событие должно быть JSON-объектом.')]);
  }
  if (type !== null && !eventTypesOf(source).includes(type)) {
    return rejected([
      fieldIssue(
        'type',
        'FEED_TYPE_NOT_ALLOWED',
        `Тип «${type}» не принимается от источника ${source}. Допустимые типы: ${eventTypesOf(source).join(', ')}.`,
      ),
    ]);
  }
  const result = feedEventSchemas[source].safeParse(raw);
  if (!result.success) return rejected(result.error.issues.map(issueFromZod));
  return { ok: true, parsed: { line, event: result.data } };
}
