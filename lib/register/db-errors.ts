import { AppError, fieldIssue } from '@/lib/errors';
import { logger } from '@/lib/ops/logger';

interface PgErrorLike {
  code?: string;
  constraint?: string;
}

/** drizzle wraps driver errors (and pg wraps socket errors): look along the cause chain. */
function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e = error, depth = 0; e && depth < 5; depth++, e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

/** The PostgreSQL (or socket) error with its code, wherever it sits in the chain. */
function findPgError(error: unknown): PgErrorLike | null {
  const found = causeChain(error).find(
    (e) => typeof e === 'object' && e !== null && typeof (e as PgErrorLike).code === 'string',
  );
  return (found as PgErrorLike | undefined) ?? null;
}

/** PostgreSQL's read_only_sql_transaction: a write sent to a replica or a demoted primary. */
const READ_ONLY_TRANSACTION = '25006';
/** A failover on the local cluster takes ≈ 6 s from the primary's death to the first write (ADR 0025). */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

const CONNECTION_LOST =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

const UNIQUE_CONSTRAINTS: Record<string, () => AppError> = {
  identity_documents_kind_series_number_key: () =>
    new AppError('DOCUMENT_ALREADY_REGISTERED', {
      fields: [fieldIssue('document.number', 'DOCUMENT_ALREADY_REGISTERED')],
    }),
  persons_snils_key: () =>
    new AppError('SNILS_ALREADY_REGISTERED', { fields: [fieldIssue('snils', 'SNILS_ALREADY_REGISTERED')] }),
  identity_documents_one_current_per_kind: () => new AppError('CONFLICT'),
  persons_iin_key: () =>
    new AppError('IIN_ALREADY_REGISTERED', { fields: [fieldIssue('iin', 'IIN_ALREADY_REGISTERED')] }),
};

/** Exclusion constraints (23P01) other than coverage's, which is the default. */
const EXCLUSION_CONSTRAINTS: Record<string, () => AppError> = {
  // The feeds' category lists (lib/kz/categories/record-memberships.ts), whose field is the event's `from`.
  kz_category_memberships_no_overlap: () =>
    new AppError('KZ_CATEGORY_OVERLAP', { fields: [fieldIssue('data.from', 'KZ_CATEGORY_OVERLAP')] }),
};

/**
 * Turns whatever a write threw into a catalogued AppError. Constraint violations become the domain error
 * they stand for; lost races become CONFLICT; an unreachable database becomes REGISTER_UNAVAILABLE; the
 * rest is INTERNAL, with the original kept as the cause for the logs (never shown).
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const pgError = findPgError(error);
  const code = pgError?.code ?? '';
  if (code === '23505') {
    const known = pgError?.constraint ? UNIQUE_CONSTRAINTS[pgError.constraint] : undefined;
    return known ? withCause(known(), error) : new AppError('CONFLICT', { cause: error });
  }
  if (code === '23P01') {
    const known = pgError?.constraint ? EXCLUSION_CONSTRAINTS[pgError.constraint] : undefined;
    return withCause(known ? known() : new AppError('COVERAGE_OVERLAP'), error);
  }
  if (code === '40001' || code === '40P01' || code === '55P03')
    return new AppError('CONFLICT', { cause: error });
  if (
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P03' ||
    code === READ_ONLY_TRANSACTION ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code) ||
    causeChain(error).some((e) => e instanceof Error && CONNECTION_LOST.test(e.message))
  ) {
    return unavailable(error);
  }
  logger().error({ err: error }, 'register: unexpected error');
  return new AppError('INTERNAL', { cause: error });
}

/**
 * The database is unreachable, or a write reached a node that is no longer the primary (`25006`: a
 * failover under way, ADR 0025): the client may come back shortly (`Retry-After`), by which time the
 * connection pool has found the promoted primary.
 */
function unavailable(cause: unknown): AppError {
  return new AppError('REGISTER_UNAVAILABLE', {
    cause,
    details: { retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS },
  });
}

function withCause(appError: AppError, cause: unknown): AppError {
  return new AppError(appError.code, { fields: appError.fields, details: appError.details, cause });
}
