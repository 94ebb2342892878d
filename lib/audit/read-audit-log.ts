import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { nationalPart } from '@/lib/jurisdiction/national';
import { AppError } from '@/lib/errors';
import { auditEntriesSql, type AuditCursor, type AuditScope } from './audit-entries-sql';
import { parseAuditFilter, type AuditFilter, type AuditFilterInput } from './audit-filter';
import { whatLabel } from './audit-labels';
import { STAFF_ACTIONS } from './staff-actions';

/**
 * Who may read the audit log and how much of it: `audit:read`, for ФФОМС everything, for a ТФОМС its
 * region (see `scopeCondition`). Checked before anything is read.
 */
export function auditScope(actor: Actor): AuditScope {
  const region = actor.kind === 'staff' && actor.role === 'tfoms_operator' ? actor.subjectCode : null;
  requirePermission(actor, 'audit:read', { subjectCode: region });
  return { region };
}

export interface AuditEntry {
  /** `a`: a staff action; `r`: a read of personal data. */
  source: 'a' | 'r';
  id: number;
  at: Date;
  actorKind: string;
  actor: string;
  organisation: string | null;
  personId: number | null;
  /** The person's key in the register (ЕНП; ИИН). */
  personKey: string | null;
  what: string;
  whatLabel: string;
  channel: string;
  result: string | null;
  target: string | null;
  details: string | null;
  address: string | null;
  note: string | null;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** The cursor of the next page, when there is one. */
  next: string | null;
  filter: AuditFilter;
  /** False when the ЕНП of the filter names nobody in the register (the page is then empty). */
  personFound: boolean;
}

export const AUDIT_PAGE_SIZE = 50;

export function encodeCursor(c: AuditCursor): string {
  return Buffer.from(`${c.at}|${c.source}|${c.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): AuditCursor {
  const [at, source, id] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  const n = Number(id);
  if (
    !at ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) ||
    (source !== 'a' && source !== 'r') ||
    !Number.isSafeInteger(n) ||
    n < 1
  ) {
    throw new AppError('BAD_REQUEST', {
      message: 'Ссылка на страницу журнала повреждена: откройте журнал заново.',
    });
  }
  return { at, source, id: n };
}

/** A row as the entry SQL gives it: the entry without its words, and the time at full precision. */
type EntryRow = Omit<AuditEntry, 'whatLabel'> & { atKey: string };

/** The person a key names (the filter «кого»: an ЕНП; an ИИН), or null. */
export async function personIdByKey(key: string): Promise<number | null> {
  const column = nationalPart({ ru: 'enp', kz: 'iin' } as const);
  const { rows } = await getDb().$client.query<{ id: number }>(
    `select id from persons where ${column} = $1`,
    [key],
  );
  return rows[0]?.id ?? null;
}

/**
 * One page of the audit log (issue 11, item 5): staff actions and reads of personal data, newest first,
 * filtered, in the actor's scope; paginated by keyset so page 1000 costs what page 1 does.
 */
export async function readAuditLog(
  input: AuditFilterInput & { after?: string | null },
  actor: Actor,
  options: { pageSize?: number } = {},
): Promise<AuditPage> {
  const scope = auditScope(actor);
  const filter = parseAuditFilter(input);
  const cursor = input.after ? decodeCursor(input.after) : null;
  const pageSize = options.pageSize ?? AUDIT_PAGE_SIZE;
  const personId = filter.person ? await personIdByKey(filter.person) : null;
  if (filter.person && personId === null) return { entries: [], next: null, filter, personFound: false };

  const values: string[] = [];
  const text = auditEntriesSql(
    { filter, scope, personId, cursor, limit: pageSize + 1, staffActionCodes: STAFF_ACTIONS },
    (value) => {
      values.push(value);
      return `$${values.length}::text`;
    },
  );
  if (text === null) return { entries: [], next: null, filter, personFound: true };
  const { rows } = await getDb().$client.query<EntryRow>(text, values);
  const shown = rows.slice(0, pageSize);
  const last = shown.at(-1);
  return {
    entries: shown.map(({ atKey: _, ...entry }) => ({
      ...entry,
      whatLabel: whatLabel(entry.source, entry.what),
    })),
    next:
      rows.length > pageSize && last
        ? encodeCursor({ at: last.atKey, source: last.source, id: last.id })
        : null,
    filter,
    personFound: true,
  };
}
