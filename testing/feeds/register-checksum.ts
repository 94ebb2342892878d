import type pg from 'pg';
import { withClient } from '@/testing/db/with-client';

/**
 * A checksum of everything the feeds change — persons, documents, coverage, representations, register
 * events, notifications, the events' dedup records and the freshness counts — that two registers fed the
 * same events must share, whatever path wrote them and however often it was interrupted. Left out: record
 * time (when a row was written) and what comes from sequences (ids, and the serial part of an ЕНП): a
 * transaction rolled back by a crash consumes sequence values, as in any PostgreSQL database. Rows are
 * named instead by their person's key — the first birth certificate, or the id for people who were in the
 * register before the feed (seeded identically in both).
 */
const KEYS = `with keys as (
  select p.id, coalesce('cert:' || (array_agg(d.series || '|' || d.number order by d.id))[1], 'id:' || p.id) as k
    from persons p left join identity_documents d on d.person_id = p.id and d.kind = 3
   group by p.id)`;
/** An ЕНП as printed in a notice. */
const ENP = /\d{4} \d{4} \d{4} \d{4}/.source;

const CHECKSUM_PARTS: Record<string, string> = {
  persons: `select k.k, x.last_name, x.first_name, x.patronymic, x.sex, x.birth_date, x.birth_place,
                   x.citizenship, x.snils, x.category, x.death_date, left(x.enp, 2) as region, x.merged_into_id,
                   x.version
              from persons x join keys k on k.id = x.id`,
  documents: `select k.k, x.kind, x.series, x.number, x.issue_date, x.issuer, x.valid_to, x.is_current
                from identity_documents x join keys k on k.id = x.person_id`,
  coverages: `select k.k, x.insurer_code, x.subject_code, x.status, x.reason, x.form, x.valid_from, x.valid_to,
                     x.recorded_to is null as believed
                from coverages x join keys k on k.id = x.person_id`,
  representations: `select k.k, r.k as representative, x.kind, x.valid_from, x.valid_to
                      from representations x join keys k on k.id = x.child_id join keys r on r.id = x.representative_id`,
  events: `select k.k, x.entity, x.action, x.effective_date, x.actor_kind, x.actor_id, x.source, x.reason,
                  x.data - 'enp' as data
             from register_events x join keys k on k.id = x.person_id`,
  notifications: `select x.recipient_sub, k.k, regexp_replace(x.text, '${ENP}', 'ЕНП') as text, x.read_at is null
                    from notifications x left join keys k on k.id = x.person_id`,
  feedEvents: `select x.source, x.event_id, x.type, x.occurred_at, x.status, k.k, x.subject_key, x.reason_code,
                      x.reason, x.payload, x.decided_at is null as undecided, x.attempts
                 from feed_events x left join keys k on k.id = x.person_id`,
  counts: `select x.source, sum(x.received) as received, sum(x.applied) as applied, sum(x.pending) as pending,
                  sum(x.rejected) as rejected, max(x.last_occurred_at) as last_occurred
             from feed_daily_counts x group by x.source`,
};

/**
 * The same for the ОСМС register (ADR 0031): persons are named by their ИИН; the ledger, the memberships
 * (with whether each is still believed — not retracted) and the history by their person's ИИН.
 */
const KZ_KEYS = `with keys as (select p.id, 'iin:' || p.iin as k from persons p)`;

const KZ_CHECKSUM_PARTS: Record<string, string> = {
  persons: `select k.k, x.last_name, x.first_name, x.sex, x.birth_date, x.version
              from persons x join keys k on k.id = x.id`,
  contributions: `select k.k, x.payer_kind, x.payer_id, x.payer_name, x.month_covered, x.months, x.amount,
                         x.paid_on, x.payment_reference, x.source, x.retracted_at is null as believed
                    from kz_contributions x join keys k on k.id = x.person_id`,
  memberships: `select k.k, x.category, x.from_date, x.to_date, x.received_on, x.source,
                       x.retracted_at is null as believed
                  from kz_category_memberships x join keys k on k.id = x.person_id`,
  events: `select k.k, x.entity, x.action, x.effective_date, x.actor_kind, x.actor_id, x.source, x.reason, x.data
             from register_events x join keys k on k.id = x.person_id`,
  feedEvents: CHECKSUM_PARTS.feedEvents!,
  counts: CHECKSUM_PARTS.counts!,
};

/** What a checksum reads: the parts' queries and the `keys` they name persons by. */
export interface ChecksumSpec {
  keys: string;
  parts: Record<string, string>;
}

/** The Russian register's checksum (the default). */
export const RU_CHECKSUM: ChecksumSpec = { keys: KEYS, parts: CHECKSUM_PARTS };
/** The ОСМС register's checksum. */
export const KZ_CHECKSUM: ChecksumSpec = { keys: KZ_KEYS, parts: KZ_CHECKSUM_PARTS };

/** Per part: row count and the md5 of its rows in a stable order. */
export async function registerChecksum(
  db: Pick<pg.Pool, 'query'>,
  { keys, parts }: ChecksumSpec = RU_CHECKSUM,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [part, query] of Object.entries(parts)) {
    const { rows } = await db.query<{ n: string; md5: string | null }>(
      `${keys} select count(*)::text as n, md5(string_agg(t::text, E'\\n' order by t::text)) as md5 from (${query}) t`,
    );
    out[part] = `${rows[0]!.n}:${rows[0]!.md5 ?? '-'}`;
  }
  return out;
}

/** The checksum of the register at `url`, on a connection of its own. */
export async function registerChecksumAt(
  url: string,
  checksum: ChecksumSpec = RU_CHECKSUM,
): Promise<Record<string, string>> {
  return withClient(url, (c) => registerChecksum(c, checksum));
}
