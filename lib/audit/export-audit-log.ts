import { Readable } from 'node:stream';
import { escapeLiteral } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { getDb } from '@/db/client';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import type { Actor } from '@/lib/auth/actor';
import { actorOrganisation } from '@/lib/auth/actor';
import { logAccess } from './access-log';
import { auditEntriesSql } from './audit-entries-sql';
import { parseAuditFilter, type AuditFilterInput } from './audit-filter';
import { ACTOR_KIND_LABELS, channelLabels, readPurposeLabels } from './audit-labels';
import { auditScope, personIdByKey } from './read-audit-log';
import { recordStaffAction, STAFF_ACTION_NAMES, STAFF_ACTIONS } from './staff-actions';

/** Excel opens a UTF-8 CSV as UTF-8 only with the byte-order mark. */
export const UTF8_BOM = '\uFEFF';

/**
 * The export's columns, in Russian; times are the register's ДД.ММ.ГГГГ ЧЧ:ММ:СС (ADR 0020), named by the
 * zone's short name (МСК), the person by the register's key (ЕНП; ИИН).
 */
export function auditCsvHeader(): string[] {
  const profile = jurisdictionProfile();
  return [
    `Время (${profile.texts.timeZoneShort})`,
    'Запись',
    'Кто (вид)',
    'Кто',
    'Организация',
    'Что',
    'Канал',
    profile.personIdentifier.label,
    'Объект',
    'Результат',
    'Подробности',
    'Адрес',
    'Примечание',
  ];
}

const lit = (value: string) => `${escapeLiteral(value)}::text`;

function labelCase(column: string, labels: Record<string, string>): string {
  const whens = Object.entries(labels).map(([code, label]) => `when ${lit(code)} then ${lit(label)}`);
  return `case ${column} ${whens.join(' ')} else ${column} end`;
}

/** A cell Excel would read as a formula (=, +, -, @, tab, CR first) is kept as text with a leading quote. */
function safe(column: string): string {
  return `case when ${column} ~ '^[=+\\-@\\t\\r]' then '''' || ${column} else ${column} end`;
}

/** The CSV rows' SELECT over the entries (each value a text column, in auditCsvHeader's order). */
function csvSelect(entries: string, timeZone: string): string {
  return `select to_char(e.at at time zone ${lit(timeZone)}, 'DD.MM.YYYY HH24:MI:SS'),
      case e.source when 'a' then 'Действие сотрудника' else 'Чтение персональных данных' end,
      ${labelCase('e."actorKind"', ACTOR_KIND_LABELS)},
      ${safe('e.actor')},
      ${safe('e.organisation')},
      case when e.source = 'a' then ${labelCase('e.what', STAFF_ACTION_NAMES)}
        else ${labelCase('e.what', readPurposeLabels())} end,
      ${labelCase('e.channel', channelLabels())},
      e."personKey",
      ${safe('e.target')},
      ${safe('e.result')},
      ${safe('e.details')},
      ${safe('e.address')},
      ${safe('e.note')}
    from (${entries}) e`;
}

function csvLine(cells: string[]): string {
  return `${cells.map((c) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';')}\n`;
}

export interface AuditExportRequest {
  actor: Actor;
  /** The staff account (null for an actor without one, e.g. a system export). */
  staffId: number | null;
  login: string;
  address?: string | null;
}

/**
 * The audit log as CSV (issue 11, item 5), streamed: one COPY … TO STDOUT on a connection of its own,
 * read only as fast as the consumer takes it (the socket is paused while the consumer's buffer is full),
 * so a million rows never sit in memory. The export is itself logged before the first row leaves: a staff
 * action `audit_exported` with the filters, and an access-log read (purpose `audit_export`) about the
 * person filtered on, if any.
 */
export async function exportAuditLog(
  input: AuditFilterInput,
  request: AuditExportRequest,
): Promise<Readable> {
  const scope = auditScope(request.actor);
  const filter = parseAuditFilter(input);
  const personId = filter.person ? await personIdByKey(filter.person) : null;
  const filters = Object.fromEntries(
    (['who', 'organisation', 'person', 'what', 'channel', 'from', 'to'] as const)
      .filter((k) => filter[k] !== null)
      .map((k) => [k, filter[k]]),
  );
  await recordStaffAction(getDb(), {
    staffId: request.staffId,
    login: request.login,
    organisation: actorOrganisation(request.actor),
    action: 'audit_exported',
    targetKind: 'audit_log',
    personId,
    details: { filters, region: scope.region },
    address: request.address ?? null,
  });
  await logAccess({
    actor: request.actor,
    channel: 'console',
    personId,
    purpose: 'audit_export',
    result: 'exported',
    details: JSON.stringify(filters),
  });

  const header = UTF8_BOM + csvLine(auditCsvHeader());
  const entries =
    filter.person && personId === null
      ? null
      : auditEntriesSql({ filter, scope, personId, staffActionCodes: STAFF_ACTIONS }, lit);
  if (entries === null) return Readable.from([header]);
  return copyRows(
    header,
    `copy (${csvSelect(entries, jurisdictionProfile().timeZone)}) to stdout with (format csv, delimiter ';')`,
  );
}

/** Streams the header, then the COPY's output; the connection goes back to the pool only if it finished. */
function copyRows(header: string, copySql: string): Readable {
  async function* rows() {
    yield Buffer.from(header, 'utf8');
    const client = await getDb().$client.connect();
    let finished = false;
    try {
      const copy = client.query(copyTo(copySql));
      for await (const chunk of copy) yield chunk as Buffer;
      finished = true;
    } finally {
      // Stopped half-way (the reader went away, or an error): the connection is still in COPY, so it is
      // closed, which ends the query on the server too.
      client.release(finished ? undefined : true);
    }
  }
  return Readable.from(rows(), { objectMode: false, highWaterMark: 64 * 1024 });
}
