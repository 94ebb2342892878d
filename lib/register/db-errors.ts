import { AppError, fieldIssue } from '@/lib/errors';

interface PgErrorLike {
  code?: string;
  constraint?: string;
}

/** drizzle wraps driver errors; the PostgreSQL error with its SQLSTATE sits somewhere in the cause chain. */
function findPgError(error: unknown): PgErrorLike | null {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    if (typeof e === 'object' && 'code' in e && typeof (e as PgErrorLike).code === 'string')
      return e as PgErrorLike;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

const UNIQUE_CONSTRAINTS: Record<string, () => AppError> = {
  identity_documents_kind_series_number_key: () =>
    new AppError('DOCUMENT_ALREADY_REGISTERED', {
      fields: [fieldIssue('document.number', 'DOCUMENT_ALREADY_REGISTERED')],
    }),
  persons_snils_key: () =>
    new AppError('SNILS_ALREADY_REGISTERED', { fields: [fieldIssue('snils', 'SNILS_ALREADY_REGISTERED')] }),
  identity_documents_one_current_per_kind: () => new AppError('CONFLICT'),
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
  if (code === '23P01') return new AppError('COVERAGE_OVERLAP', { cause: error });
  if (code === '40001' || code === '40P01' || code === '55P03')
    return new AppError('CONFLICT', { cause: error });
  if (
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P03' ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'].includes(code)
  ) {
    return new AppError('REGISTER_UNAVAILABLE', { cause: error });
  }
  if (
    error instanceof Error &&
    /Connection terminated|timeout exceeded when trying to connect/i.test(error.message)
  ) {
    return new AppError('REGISTER_UNAVAILABLE', { cause: error });
  }
  console.error('[register] unexpected error:', error);
  return new AppError('INTERNAL', { cause: error });
}

function withCause(appError: AppError, cause: unknown): AppError {
  return new AppError(appError.code, { fields: appError.fields, details: appError.details, cause });
}
