import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import type { LocalDate } from '@/lib/domain/dates';
import { KZ_CITIZENSHIP, type OsmsContribution, type OsmsFacts, type OsmsParameters } from '@/lib/domain/kz';
import { toMonth } from '@/lib/domain/kz/months';
import { temporaryStatusLastDay } from '@/lib/domain/kz/status-periods';
import { AppError } from '@/lib/errors';
import { osmsParameters } from '@/lib/kz/parameters';
import { kzPersonIdOfIin } from '@/lib/kz/persons/find-kz-person';
import type {
  ContributionRecord,
  MembershipRecord,
  OsmsRecords,
  ResidencePermitRecord,
  TemporaryStatusRecord,
} from './osms-records';

/**
 * The person and their facts in one statement (one round trip: the status check is the register's
 * busiest read). Bitemporal in record time (ADR 0030): as known at T, a fact row counts when it was
 * recorded by T and not retracted by T; a temporary status's revocation counts when it was recorded by T.
 * Without T: the rows standing now. The `$known` instant is `infinity` for "now", so one statement serves
 * both.
 */
function recordsStatement(where: SQL, knownAt: Date | undefined): SQL {
  const t = sql`coalesce(${knownAt?.toISOString() ?? null}::timestamptz, 'infinity'::timestamptz)`;
  const standing = (alias: string) => {
    const a = sql.raw(alias);
    return sql`${a}.recorded_at <= ${t} and (${a}.retracted_at is null or ${a}.retracted_at > ${t})`;
  };
  return sql`
    select p.id, p.iin, p.last_name, p.first_name, p.patronymic, p.birth_date, p.sex, p.citizenship,
      coalesce((select json_agg(json_build_object(
          'id', c.id, 'payerKind', c.payer_kind, 'payerId', c.payer_id, 'payerName', c.payer_name,
          'month', c.month_covered, 'months', c.months, 'amount', c.amount::text, 'paidOn', c.paid_on,
          'paymentReference', c.payment_reference, 'source', c.source, 'recordedAt', c.recorded_at)
          order by c.month_covered, c.paid_on, c.id)
        from kz_contributions c where c.person_id = p.id and ${standing('c')}), '[]') as contributions,
      coalesce((select json_agg(json_build_object(
          'id', m.id, 'category', m.category, 'from', m.from_date, 'to', m.to_date,
          'receivedOn', m.received_on, 'source', m.source, 'recordedAt', m.recorded_at)
          order by m.from_date, m.id)
        from kz_category_memberships m where m.person_id = p.id and ${standing('m')}), '[]') as memberships,
      coalesce((select json_agg(json_build_object(
          'id', s.id, 'category', s.category, 'uploadedOn', s.uploaded_on, 'uploadedBy', s.uploaded_by,
          'uploaderOrganisation', s.uploader_organisation, 'documentName', s.document_name,
          'documentType', s.document_type, 'documentSize', s.document_size,
          'documentSha256', s.document_sha256, 'recordedAt', s.recorded_at,
          'revokedOn', case when s.revoked_at <= ${t} then s.revoked_on end,
          'revokeReason', case when s.revoked_at <= ${t} then s.revoke_reason end)
          order by s.uploaded_on, s.id)
        from kz_temporary_statuses s where s.person_id = p.id and s.recorded_at <= ${t}), '[]') as temporary,
      coalesce((select json_agg(json_build_object(
          'id', r.id, 'basis', r.basis, 'from', r.from_date, 'to', r.to_date, 'source', r.source)
          order by r.from_date, r.id)
        from kz_residence_permits r where r.person_id = p.id and ${standing('r')}), '[]') as permits
    from persons p
    where p.jurisdiction = 'kz' and ${where}`;
}

type Stamped<T> = Omit<T, 'recordedAt'> & { recordedAt: string };

/** The statement's row: the person's columns and the facts as JSON. */
export interface KzPersonFactsRow {
  id: number;
  iin: string;
  last_name: string;
  first_name: string;
  patronymic: string | null;
  birth_date: LocalDate;
  sex: 'M' | 'F';
  citizenship: string;
  contributions: Stamped<ContributionRecord>[];
  memberships: Stamped<MembershipRecord>[];
  temporary: Stamped<Omit<TemporaryStatusRecord, 'lastDay'>>[];
  permits: ResidencePermitRecord[];
}

const stamped = <T>(r: Stamped<T>): T => ({ ...r, recordedAt: new Date(r.recordedAt) }) as T;

/** The person by ИИН with their facts as known at `knownAt` (now by default), or null. */
export async function loadKzPersonFacts(
  db: Executor,
  by: { iin: string } | { personId: number },
  knownAt?: Date,
): Promise<KzPersonFactsRow | null> {
  const where = sql`p.id = ${'iin' in by ? kzPersonIdOfIin(sql`${by.iin}`) : by.personId}`;
  const { rows } = await db.execute<KzPersonFactsRow & Record<string, unknown>>(
    recordsStatement(where, knownAt),
  );
  const row = rows[0];
  return row ? { ...row, id: Number(row.id) } : null;
}

/** The records of the statement's row, typed for callers; a temporary status carries its last day. */
export function toOsmsRecords(row: KzPersonFactsRow, params: OsmsParameters): OsmsRecords {
  return {
    contributions: row.contributions.map((c) => stamped<ContributionRecord>(c)),
    memberships: row.memberships.map((m) => stamped<MembershipRecord>(m)),
    temporaryStatuses: row.temporary.map((s) => ({
      ...stamped<Omit<TemporaryStatusRecord, 'lastDay'>>(s),
      lastDay: temporaryStatusLastDay(params, s.uploadedOn),
    })),
    residence:
      row.citizenship === KZ_CITIZENSHIP
        ? { kind: 'citizen', citizenship: KZ_CITIZENSHIP }
        : { kind: 'foreign', citizenship: row.citizenship, permits: row.permits },
  };
}

function toContribution(c: ContributionRecord): OsmsContribution {
  const amount = Number(c.amount);
  return c.payerKind === 'lump-sum'
    ? { kind: 'lump-sum', firstMonth: toMonth(c.month), months: c.months, paidOn: c.paidOn, amount }
    : { kind: c.payerKind, month: toMonth(c.month), paidOn: c.paidOn, amount };
}

/** The facts the status rule (lib/domain/kz `osmsStatusOn`) takes, from the records. */
export function toOsmsFacts(records: OsmsRecords): OsmsFacts {
  return {
    residence:
      records.residence.kind === 'citizen'
        ? { kind: 'citizen' }
        : {
            kind: 'foreign',
            permits: records.residence.permits.map((p) => ({ basis: p.basis, from: p.from, to: p.to })),
          },
    contributions: records.contributions.map(toContribution),
    memberships: records.memberships.map((m) => ({
      category: m.category,
      from: m.from,
      to: m.to,
      receivedOn: m.receivedOn,
    })),
    temporaryStatuses: records.temporaryStatuses.map((s) => ({
      category: s.category,
      uploadedOn: s.uploadedOn,
      uploadedBy: s.uploadedBy,
      revokedOn: s.revokedOn,
    })),
  };
}

/**
 * A Kazakh person's facts as known at `knownAt` (now by default): what their status on any date is derived
 * from. Throws PERSON_NOT_FOUND for an id that is no person of the Kazakh register.
 */
export async function loadOsmsFacts(db: Executor, personId: number, knownAt?: Date): Promise<OsmsFacts> {
  const row = await loadKzPersonFacts(db, { personId }, knownAt);
  if (!row) throw new AppError('PERSON_NOT_FOUND');
  return toOsmsFacts(toOsmsRecords(row, osmsParameters()));
}
