import { ANY_READ, type AuditFilter } from './audit-filter';

/**
 * The one definition of the audit log's entries: staff actions (`staff_actions`) and reads of personal
 * data (`access_log`) as one ordered list, newest first, filtered and scoped. The page (one keyset page)
 * and the CSV export (COPY of everything) are built from it, so both show the same entries.
 *
 * Values reach the SQL through `bind`: the page binds them as parameters ($1…), the export inlines them
 * as escaped literals (COPY takes no parameters). Each branch filters and orders by its own (column, at)
 * index, so PostgreSQL merges two index scans and never sorts millions of rows.
 */

/** Whose entries an actor may read: everything (ФФОМС), or one region's (ТФОМС). */
export interface AuditScope {
  region: string | null;
}

/** Where the next page starts: the last entry shown (time as text at full precision, source, id). */
export interface AuditCursor {
  at: string;
  source: 'a' | 'r';
  id: number;
}

export type Bind = (value: string) => string;

interface Branch {
  source: 'a' | 'r';
  table: string;
  columns: string;
  at: string;
  id: string;
  who: string;
  organisation: string;
  person: string;
  what: string;
  channel: string | null;
}

const STAFF_ACTIONS: Branch = {
  source: 'a',
  table: 'staff_actions s',
  columns: `'a'::text as source, s.id, s.at, 'staff'::text as actor_kind, s.login::text as actor,
    s.organisation_code::text as organisation, s.person_id, s.action::text as what, 'console'::text as channel,
    null::text as result, nullif(concat_ws(':', s.target_kind, s.target_id), '') as target,
    s.details::text as details, s.address::text as address, s.note`,
  at: 's.at',
  id: 's.id',
  who: 's.login',
  organisation: 's.organisation_code',
  person: 's.person_id',
  what: 's.action',
  channel: null,
};

const READS: Branch = {
  source: 'r',
  table: 'access_log l',
  columns: `'r'::text as source, l.id, l.at, l.actor_kind::text as actor_kind, l.actor_id::text as actor,
    l.organisation_code::text as organisation, l.person_id, l.purpose::text as what, l.channel::text as channel,
    l.result::text as result, null::text as target, l.details, null::text as address, null::text as note`,
  at: 'l.at',
  id: 'l.id',
  who: 'l.actor_id',
  organisation: 'l.organisation_code',
  person: 'l.person_id',
  what: 'l.purpose',
  channel: 'l.channel',
};

/** Whether a branch can hold entries matching the filter at all (a read purpose is no staff action…). */
function branchApplies(b: Branch, filter: AuditFilter, staffActionCodes: readonly string[]): boolean {
  if (b.source === 'a') {
    if (filter.channel !== null && filter.channel !== 'console') return false;
    return filter.what === null || staffActionCodes.includes(filter.what);
  }
  return filter.what === null || !staffActionCodes.includes(filter.what);
}

/**
 * A ТФОМС sees the entries of its region's organisations (its fund, the insurers and МО of the region,
 * whose codes begin with the region's code) and every entry about a person insured in its region (any
 * period the register believes now, past ones included: the fund paid for them then).
 */
function scopeCondition(b: Branch, scope: AuditScope, bind: Bind): string | null {
  if (scope.region === null) return null;
  const region = bind(scope.region);
  return `(${b.organisation} = ('tfoms:' || ${region})
    or ${b.organisation} like ('smo:' || ${region} || '%')
    or (${b.organisation} ~ '^[0-9]{6}$' and left(${b.organisation}, 2) = ${region})
    or (${b.person} is not null and exists (select 1 from coverages c
        where c.person_id = ${b.person} and c.subject_code = ${region} and c.recorded_to is null)))`;
}

function conditions(
  b: Branch,
  filter: AuditFilter,
  scope: AuditScope,
  personId: number | null,
  cursor: AuditCursor | null,
  bind: Bind,
): string[] {
  const where: string[] = [];
  if (filter.who !== null) where.push(`${b.who} = ${bind(filter.who)}`);
  if (filter.organisation !== null) where.push(`${b.organisation} = ${bind(filter.organisation)}`);
  if (personId !== null) where.push(`${b.person} = ${bind(String(personId))}::bigint`);
  if (filter.what !== null && filter.what !== ANY_READ) where.push(`${b.what} = ${bind(filter.what)}`);
  if (filter.channel !== null && b.channel)
    where.push(`${b.channel} = ${bind(filter.channel)}::access_channel`);
  if (filter.fromInstant) where.push(`${b.at} >= ${bind(filter.fromInstant.toISOString())}::timestamptz`);
  if (filter.toInstant) where.push(`${b.at} <= ${bind(filter.toInstant.toISOString())}::timestamptz`);
  const inScope = scopeCondition(b, scope, bind);
  if (inScope) where.push(inScope);
  if (cursor) {
    // Entries after the cursor in (at desc, source desc, id desc) order.
    const at = `${bind(cursor.at)}::timestamptz`;
    if (b.source < cursor.source) where.push(`${b.at} <= ${at}`);
    else if (b.source > cursor.source) where.push(`${b.at} < ${at}`);
    else where.push(`(${b.at}, ${b.id}) < (${at}, ${bind(String(cursor.id))}::bigint)`);
  }
  return where;
}

export interface AuditQuery {
  filter: AuditFilter;
  scope: AuditScope;
  /** The person the ЕНП of the filter names (resolved beforehand); null when the filter names nobody. */
  personId: number | null;
  cursor?: AuditCursor | null;
  /** Rows to return; none for the export (everything). */
  limit?: number;
  staffActionCodes: readonly string[];
}

/** The entries' SELECT (columns: source, id, at, atKey, actorKind, actor, organisation, personId, enp, what,
 * channel, result, target, details, address, note), or null when no branch can match. */
export function auditEntriesSql(q: AuditQuery, bind: Bind): string | null {
  const limit = q.limit == null ? '' : ` limit ${Math.trunc(q.limit)}`;
  const branches = [READS, STAFF_ACTIONS]
    .filter((b) => branchApplies(b, q.filter, q.staffActionCodes))
    .map((b) => {
      const where = conditions(b, q.filter, q.scope, q.personId, q.cursor ?? null, bind);
      return `(select ${b.columns} from ${b.table}${where.length ? ` where ${where.join(' and ')}` : ''}
        order by ${b.at} desc, ${b.id} desc${limit})`;
    });
  if (branches.length === 0) return null;
  return `select e.source, e.id, e.at,
      to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "atKey",
      e.actor_kind as "actorKind", e.actor, e.organisation, e.person_id as "personId",
      -- A person carries one country's key (persons_national_key): the register's ЕНП or ИИН.
      coalesce(p.enp, p.iin) as "personKey", e.what,
      e.channel, e.result, e.target, e.details, e.address, e.note
    from (${branches.join(' union all ')}) e
    left join persons p on p.id = e.person_id
    order by e.at desc, e.source desc, e.id desc${limit}`;
}
