import { getLoggedReadPool, type Database } from '@/db/client';
import { replicaDuringOutage } from '@/db/read-pools';
import { actorOrganisation, type Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import {
  keepAccessForLater,
  flushPendingAccess,
  logReplicaRead,
  pendingAccessCount,
} from '@/lib/audit/access-log';
import type { CoveragePeriod, CoverageReason } from '@/lib/domain/ru/coverage';
import { moscowDate, type LocalDate } from '@/lib/domain/dates';
import { describeNotFound, describePolicyStatus } from '@/lib/domain/ru/policy-status';
import { errorCatalogue } from '@/lib/errors';
import { toAppError } from '@/lib/register/db-errors';
import { readChoice } from '@/lib/register/replica-reads';
import { lastKnownAnswer, rememberAnswer } from './last-known';
import { lookupKey, type LookupQuery } from './lookup-query';
import { LOOKUP_STATEMENTS, READ_ONLY_LOOKUP_STATEMENTS, type LookupRow } from './lookup-sql';
import type { LookupOutcome, PolicyAnswer } from './policy-answer';

export type LookupChannel = 'clinic_ui' | 'rest' | 'fhir';

export interface LookupContext {
  actor: Actor;
  channel: LookupChannel;
  now?: Date;
}

function finderParams(q: LookupQuery): unknown[] {
  switch (q.by) {
    case 'document':
      return [q.kind, q.series, q.number, q.birthDate];
    case 'enp':
      return [q.enp, q.birthDate ?? null];
    case 'snils':
      return [q.snils, q.birthDate];
  }
}

function period(
  status: LookupRow['status'],
  row: {
    insurer: string | null;
    subject: string | null;
    reason: string | null;
    from: string | null;
    to: string | null;
  },
): CoveragePeriod | null {
  if (!status || !row.insurer || !row.subject || !row.from) return null;
  return {
    status,
    insurerCode: row.insurer,
    subjectCode: row.subject,
    reason: row.reason as CoverageReason,
    validFrom: row.from as LocalDate,
    validTo: row.to as LocalDate | null,
  };
}

function toAnswer(row: LookupRow, asOf: LocalDate): PolicyAnswer {
  const current = period(row.status, {
    insurer: row.insurer_code,
    subject: row.subject_code,
    reason: row.reason,
    from: row.valid_from,
    to: row.valid_to,
  });
  const last = period(row.last_status, {
    insurer: row.last_insurer_code,
    subject: row.last_subject_code,
    reason: row.last_reason,
    from: row.last_valid_from,
    to: row.last_valid_to,
  });
  const status = describePolicyStatus(current, asOf, last);
  return {
    insured: status.insured,
    status: status.status,
    statusCode: status.code,
    statusText: status.text,
    nextStep: status.nextStep,
    reason: status.reason,
    enp: row.enp!,
    person: {
      lastName: row.last_name!,
      firstName: row.first_name!,
      patronymic: row.patronymic,
      birthDate: row.birth_date as LocalDate,
    },
    insurer:
      current && row.insurer_name
        ? { code: current.insurerCode, name: row.insurer_name, phone: row.insurer_phone }
        : null,
    region: current && row.subject_name ? { code: current.subjectCode, name: row.subject_name } : null,
    clinic: row.mo_code && row.mo_name ? { code: row.mo_code, name: row.mo_name } : null,
    coverage: current ? { from: current.validFrom, to: current.validTo } : null,
    asOf,
    stale: false,
    staleSince: null,
  };
}

/**
 * The clinic lookup (rules 9 and 10): who is this patient's policy with, on the visit date, and if not
 * insured, why and what next. One statement reads the answer and writes the access log. If the register
 * cannot be read, the last known state of that person is returned, marked stale; if nothing is known, the
 * answer says so without claiming "not insured". Reads during an outage are logged when the database is
 * back.
 */
export async function lookupPolicy(query: LookupQuery, ctx: LookupContext): Promise<LookupOutcome> {
  requirePermission(ctx.actor, 'policy:lookup');
  const now = ctx.now ?? new Date();
  const key = lookupKey(query);
  const statement = LOOKUP_STATEMENTS[query.by];
  const details = query.by;
  const values = [
    query.onDate,
    ctx.actor.kind,
    ctx.actor.id,
    actorOrganisation(ctx.actor),
    ctx.channel,
    details,
    ...finderParams(query),
  ];
  const answerOf = (row: LookupRow | undefined): LookupOutcome => {
    if (!row?.person_id) return { kind: 'not_found', status: describeNotFound(), asOf: query.onDate };
    const answer = toAnswer(row, query.onDate);
    rememberAnswer(key, { answer, personId: row.person_id, at: now });
    return { kind: 'found', answer };
  };
  const onReplica = async (db: Database): Promise<LookupOutcome> => {
    const { rows } = await db.$client.query<LookupRow>({ ...READ_ONLY_LOOKUP_STATEMENTS[query.by], values });
    await logReplicaRead({
      actor: ctx.actor,
      channel: ctx.channel,
      personId: rows[0]?.person_id ?? null,
      purpose: 'policy_lookup',
      result: rows[0]?.person_id ? 'found' : 'not_found',
      details,
      at: now,
    });
    return answerOf(rows[0]);
  };
  try {
    const choice = readChoice('clinic_lookup', ctx.actor);
    // A replica reads; its access-log row is written to the primary before the answer goes (ADR 0026).
    if (choice.replica !== null) return await onReplica(choice.db);
    if (pendingAccessCount() > 0) await flushPendingAccess();
    // The primary reads and logs in one statement (ADR 0009).
    const { rows } = await getLoggedReadPool().query<LookupRow>({ ...statement, values });
    return answerOf(rows[0]);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code !== 'REGISTER_UNAVAILABLE') throw appError;
    // The primary is gone (a failover under way): a replica that answered its last probe still knows the
    // register as it was a moment ago — better than the last answer this process happened to keep.
    const standby = replicaDuringOutage();
    if (standby) {
      try {
        return await onReplica(standby);
      } catch (replicaError) {
        if (toAppError(replicaError).code !== 'REGISTER_UNAVAILABLE') throw toAppError(replicaError);
      }
    }
    const known = lastKnownAnswer(key);
    keepAccessForLater({
      actor: ctx.actor,
      channel: ctx.channel,
      personId: known?.personId ?? null,
      purpose: 'policy_lookup',
      result: known ? 'stale' : 'unavailable',
      details,
      at: now,
    });
    if (!known) {
      return {
        kind: 'unavailable',
        message: errorCatalogue.REGISTER_UNAVAILABLE.message,
        asOf: query.onDate,
      };
    }
    return { kind: 'found', answer: { ...known.answer, stale: true, staleSince: known.at.toISOString() } };
  }
}

/** Today in Moscow: the default "as of" date of a lookup. */
export function lookupToday(now = new Date()): LocalDate {
  return moscowDate(now);
}
