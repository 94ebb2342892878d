import { isAppError } from '@/lib/errors';

/**
 * Log lines never carry personal data (ADR 0028): no names, documents, СНИЛС, ЕНП or birth dates. Errors
 * are the way such data leaks into logs — a driver error quotes the value it refused, a failed query lists
 * its parameters — so an error is logged by its kind, codes and a scrubbed message, never its parameters;
 * and fields named like personal data are masked wherever they appear in a log entry.
 */

const MASK = '[скрыто]';
/** Runs of Cyrillic (names, addresses), digit runs of 6+ with separators (СНИЛС, ЕНП, documents, dates). */
const CYRILLIC = /[А-Яа-яЁё][А-Яа-яЁё\s'-]*/g;
const DIGIT_RUN = /\d[\d\s./-]{4,}\d/g;
/** A value quoted by PostgreSQL in its message (`invalid input syntax for type date: "…"`). */
const QUOTED = /"[^"]*"/g;

export function scrubText(text: string): string {
  return text.replace(QUOTED, '"…"').replace(CYRILLIC, '…').replace(DIGIT_RUN, '#');
}

const PERSONAL_KEY =
  /snils|enp|fio|name|birth|document|passport|series|^number$|address|phone|email|patronymic|policy/i;

/** A copy of a log entry's fields with personal-looking ones masked (errors are serialised separately). */
export function maskPersonalFields(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Error || depth > 4) return value;
  if (Array.isArray(value)) return value.map((v) => maskPersonalFields(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = PERSONAL_KEY.test(key) && key !== 'err' ? MASK : maskPersonalFields(v, depth + 1);
  }
  return out;
}

interface DriverError {
  code?: unknown;
  severity?: unknown;
  constraint?: unknown;
  table?: unknown;
  column?: unknown;
  routine?: unknown;
}

/** An error as it may be logged: kind, codes, scrubbed message and stack; the cause likewise. */
export function errorForLog(error: unknown, depth = 0): Record<string, unknown> {
  if (depth > 4) return { type: 'cause chain too deep' };
  if (isAppError(error)) {
    return {
      type: 'AppError',
      code: error.code,
      status: error.status,
      ...(error.cause !== undefined ? { cause: errorForLog(error.cause, depth + 1) } : {}),
    };
  }
  if (!(error instanceof Error)) return { type: typeof error, value: scrubText(String(error)) };
  const e = error as Error & DriverError & { query?: unknown; cause?: unknown };
  const out: Record<string, unknown> = { type: e.name };
  if (typeof e.query === 'string') {
    // drizzle's DrizzleQueryError: its message lists the parameters; the SQL text alone has placeholders.
    out.query = scrubText(e.query);
  } else {
    out.message = scrubText(e.message);
  }
  if (typeof e.code === 'string') out.code = e.code;
  for (const key of ['severity', 'constraint', 'table', 'column', 'routine'] as const) {
    if (typeof e[key] === 'string') out[key] = e[key];
  }
  if (e.stack) out.stack = scrubText(e.stack.split('\n').slice(1).join('\n'));
  if (e.cause !== undefined) out.cause = errorForLog(e.cause, depth + 1);
  return out;
}
