import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { can, requirePermission, type Permission } from '@/lib/auth/permissions';
import { logAccess, type AccessChannel } from '@/lib/audit/access-log';
import type { LocalDate } from '@/lib/domain/dates';
import { osmsStatusOn, validateIin, type OsmsStatus } from '@/lib/domain/kz';
import { AppError } from '@/lib/errors';
import { osmsParameters } from '@/lib/kz/parameters';
import { kzToday } from '@/lib/kz/today';
import { loadKzPersonFacts, toOsmsFacts, toOsmsRecords } from './facts-query';
import type { OsmsRecords } from './osms-records';
import { findKzPersonId } from '@/lib/kz/persons/find-kz-person';
import { kzPersonNotFound, statusDetails } from './status-read-support';

export interface OsmsStatusQuery {
  /** As typed or sent: checked by the ИИН rule, every failed check named under `iin`. */
  iin: string;
  /** The day the status is asked for; today in Almaty by default. */
  on?: LocalDate;
  /** "As known at": the facts the register had recorded by this instant; now by default. */
  knownAt?: Date;
}

export interface OsmsReadContext {
  channel: AccessChannel;
  /** Why the data is read, as the access log records it (`osms_status`, `policy_lookup`, `card:…`). */
  purpose: string;
  now?: Date;
  /** The information systems are down since this day: the right known then is kept (the rule's). */
  dataUnavailableSince?: LocalDate;
}

export interface OsmsStatusRead extends OsmsRecords {
  person: {
    id: number;
    iin: string;
    lastName: string;
    firstName: string;
    patronymic: string | null;
    birthDate: LocalDate;
    sex: 'M' | 'F';
  };
  status: OsmsStatus;
}

/** Clinics ask for the clinic lookup's permission; everyone else for reading a person's data. */
function permissionOf(actor: Actor): Permission {
  return actor.kind === 'clinic' || actor.kind === 'api_key' ? 'policy:lookup' : 'person:read';
}

/**
 * A person's ОСМС status on a day, as known at an instant, with the facts it rests on (the cabinet, the
 * console, the clinic doors). Permission first: a clinic's lookup permission before anything is read; a
 * person's own — or a representative's, or staff's — once the ИИН is resolved to the person, before their
 * facts are read. Every answer, refusal of a known person and miss is written to the access log with what
 * the caller was told. Unknown ИИН: PERSON_NOT_FOUND; an invalid one: VALIDATION_FAILED naming `iin`.
 */
export async function readOsmsStatus(
  actor: Actor,
  query: OsmsStatusQuery,
  ctx: OsmsReadContext,
): Promise<OsmsStatusRead> {
  const permission = permissionOf(actor);
  // Permission first. Only a citizen's depends on whom the ИИН names (themselves or a child they represent);
  // everyone else's — a clinic's, staff's, a feed's — is decided before anything is read.
  if (actor.kind !== 'citizen') requirePermission(actor, permission);
  else if (actor.personId === null && actor.representedPersonIds.length === 0)
    throw new AppError('FORBIDDEN', { details: { permission } });
  const checked = validateIin(query.iin, 'iin');
  if (!checked.ok) throw AppError.validation(checked.issues);
  const iin = checked.value.iin;
  const now = ctx.now ?? new Date();
  const db = getDb();
  const log = (personId: number | null, result: string, details: string) =>
    logAccess({ actor, channel: ctx.channel, personId, purpose: ctx.purpose, result, details, at: now });

  if (actor.kind === 'citizen') {
    // Only the person's id is read before the check: whose ИИН it is decides the citizen's permission.
    const personId = await findKzPersonId(db, iin);
    if (personId === null || !can(actor, permission, { personId })) {
      await log(personId, 'denied', `отказано: нет права ${permission}`);
      throw new AppError('FORBIDDEN', { details: { permission } });
    }
  }
  const row = await loadKzPersonFacts(db, { iin }, query.knownAt);
  if (!row) {
    await log(null, 'not_found', 'ИИН не найден');
    throw kzPersonNotFound();
  }
  const params = osmsParameters();
  const records = toOsmsRecords(row, params);
  const on = query.on ?? kzToday(now);
  const status = osmsStatusOn(params, toOsmsFacts(records), on, {
    dataUnavailableSince: ctx.dataUnavailableSince,
  });
  await log(row.id, 'found', statusDetails(status, query.knownAt, records));
  return {
    person: {
      id: row.id,
      iin: row.iin,
      lastName: row.last_name,
      firstName: row.first_name,
      patronymic: row.patronymic,
      birthDate: row.birth_date,
      sex: row.sex,
    },
    status,
    ...records,
  };
}
