import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { flushPendingAccess, keepAccessForLater, pendingAccessCount } from '@/lib/audit/access-log';
import type { LocalDate } from '@/lib/domain/dates';
import { categoryName } from '@/lib/domain/kz/categories';
import { osmsStatusOn, type OsmsStatus } from '@/lib/domain/kz/insured-status';
import type { OsmsFacts } from '@/lib/domain/kz/osms-facts';
import { errorCatalogue } from '@/lib/errors';
import { osmsParameters } from '@/lib/kz/parameters';
import { toOsmsFacts } from '@/lib/kz/status/facts-query';
import { kzToday } from '@/lib/kz/today';
import { readOsmsStatus, type OsmsStatusRead } from '@/lib/kz/status/read-osms-status';
import { LastKnownStore } from '@/lib/lookup/last-known';
import type { LookupChannel } from '@/lib/lookup/lookup-policy';
import { toAppError } from '@/lib/register/db-errors';
import type { OsmsLookupQuery } from './osms-lookup-query';
import { OSMS_NOT_FOUND, type OsmsAnswer, type OsmsLookupOutcome } from './osms-answer';

export interface OsmsLookupContext {
  actor: Actor;
  channel: LookupChannel;
  now?: Date;
}

const PURPOSE = 'policy_lookup';

/**
 * The last answer of each ИИН, with the facts it was derived from: while the register cannot be read, the
 * status is derived again from them by the domain's "systems down" rule (the right known on the day of the
 * last read is kept until the systems are restored).
 */
const lastKnown = new LastKnownStore<{ answer: OsmsAnswer; facts: OsmsFacts }>();

function toAnswer(
  person: OsmsStatusRead['person'],
  status: OsmsStatus,
  stale: { staleSince: string | null } = { staleSince: null },
): OsmsAnswer {
  return {
    insured: status.insured,
    code: status.code,
    text: status.text,
    advice: status.advice,
    category: status.category ? { code: status.category, name: categoryName(status.category) } : null,
    until: status.until,
    iin: person.iin,
    person: {
      lastName: person.lastName,
      firstName: person.firstName,
      patronymic: person.patronymic,
      birthDate: person.birthDate,
      sex: person.sex,
    },
    asOf: status.on,
    dataUnavailableSince: status.dataUnavailableSince,
    stale: stale.staleSince !== null,
    staleSince: stale.staleSince,
  };
}

/**
 * The clinic lookup of a Kazakh deployment: the person's ОСМС status on the visit date by ИИН — through
 * the one status read (`readOsmsStatus`: permission `policy:lookup`, the access log with what the clinic
 * was told). If the register cannot be read, the status is derived from the last facts known of that ИИН
 * under the domain's "systems down" rule and marked stale; if nothing is known, the answer says so without
 * claiming "not insured". Reads during an outage are logged when the database is back (the Russian
 * lookup's mechanism, lib/lookup).
 */
export async function lookupOsmsStatus(
  query: OsmsLookupQuery,
  ctx: OsmsLookupContext,
): Promise<OsmsLookupOutcome> {
  requirePermission(ctx.actor, 'policy:lookup');
  const now = ctx.now ?? new Date();
  try {
    // Reads answered from memory while the database was down are logged first, as the Russian lookup does.
    if (pendingAccessCount() > 0) await flushPendingAccess();
    const read = await readOsmsStatus(
      ctx.actor,
      { iin: query.iin, on: query.onDate },
      { channel: ctx.channel, purpose: PURPOSE },
    );
    const answer = toAnswer(read.person, read.status);
    lastKnown.remember(query.iin, {
      answer: { answer, facts: toOsmsFacts(read) },
      personId: read.person.id,
      at: now,
    });
    return { kind: 'found', answer };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'PERSON_NOT_FOUND')
      return { kind: 'not_found', status: OSMS_NOT_FOUND, asOf: query.onDate };
    if (appError.code !== 'REGISTER_UNAVAILABLE') throw appError;
    return fromLastKnown(query, ctx, now);
  }
}

function fromLastKnown(query: OsmsLookupQuery, ctx: OsmsLookupContext, now: Date): OsmsLookupOutcome {
  const known = lastKnown.last(query.iin);
  keepAccessForLater({
    actor: ctx.actor,
    channel: ctx.channel,
    personId: known?.personId ?? null,
    purpose: PURPOSE,
    result: known ? 'stale' : 'unavailable',
    details: 'iin',
    at: now,
  });
  if (!known) {
    return { kind: 'unavailable', message: errorCatalogue.REGISTER_UNAVAILABLE.message, asOf: query.onDate };
  }
  const since: LocalDate = kzToday(known.at);
  const status = osmsStatusOn(osmsParameters(), known.answer.facts, query.onDate, {
    dataUnavailableSince: since,
  });
  const { answer } = known.answer;
  return {
    kind: 'found',
    answer: {
      ...toAnswer({ id: known.personId, iin: answer.iin, ...answer.person }, status, {
        staleSince: known.at.toISOString(),
      }),
    },
  };
}
