import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  scoreDuplicate,
  STRONG_MATCH_THRESHOLD,
  type DuplicateReason,
  type DuplicateSubject,
} from '@/lib/domain/duplicates';
import { loadSubjects } from './duplicate-subjects';

export interface StrongMatch {
  personId: number;
  score: number;
  reasons: DuplicateReason[];
}

/**
 * The creation-time check (issue 13, ADR 0023): the record already in the register that the person about
 * to be created most likely is, when the rules call it a strong match; null otherwise. Looks at people
 * born the same day (h-card's person_names, every name they had) and people holding the same СНИЛС or a
 * document of the same kind with the same number. Someone holding the very same document or СНИЛС is not
 * this check's business: the register's unique constraints refuse that creation with their own answer.
 */
export async function findStrongMatch(db: Executor, incoming: DuplicateSubject): Promise<StrongMatch | null> {
  return (await findStrongMatches(db, [incoming]))[0]!;
}

/**
 * The creation-time check for many people about to be created at once (the bulk births path): each one's
 * answer is findStrongMatch's, against the register as it is — one statement finds every one's
 * candidates, one more loads them (each person once, however many births look at them).
 */
export async function findStrongMatches(
  db: Executor,
  incoming: readonly DuplicateSubject[],
): Promise<(StrongMatch | null)[]> {
  if (incoming.length === 0) return [];
  const documents = incoming.flatMap((s, i) =>
    s.documents.map((d) => ({ i, kind: d.kind, number: d.number })),
  );
  // People born the same day are asked once per day (every birth of that day shares them), the СНИЛС and
  // document branches per person.
  const { rows } = await db.execute<{ day: string | null; i: number | null; id: string }>(sql`
    with days as (select distinct d from unnest(${sql.param(incoming.map((s) => s.birthDate))}::date[]) d),
    incoming as (
      select * from unnest(${sql.param(incoming.map((s) => s.snils))}::char(11)[]) with ordinality as t(snils, i)),
    documents as (
      select * from unnest(${sql.param(documents.map((d) => d.i + 1))}::bigint[],
                           ${sql.param(documents.map((d) => d.kind))}::smallint[],
                           ${sql.param(documents.map((d) => d.number))}::varchar[]) as t(i, kind, number))
    select distinct pn.birth_date::text as day, null::int as i, pn.person_id as id
      from days join person_names pn on pn.birth_date = days.d join persons p on p.id = pn.person_id
     where p.merged_into_id is null
    union all
    select null, i.i::int - 1, p.id from incoming i join persons p on p.snils = i.snils where p.merged_into_id is null
    union all
    select null, x.i::int - 1, d.person_id from documents x
      join identity_documents d on d.kind = x.kind and d.number = x.number
      join persons p on p.id = d.person_id
     where p.merged_into_id is null`);
  const bornOn = new Map<string, number[]>();
  const own = incoming.map(() => [] as number[]);
  for (const r of rows) {
    if (r.day === null) own[Number(r.i)]!.push(Number(r.id));
    else if (bornOn.has(r.day)) bornOn.get(r.day)!.push(Number(r.id));
    else bornOn.set(r.day, [Number(r.id)]);
  }
  const candidates = incoming.map((s, i) => new Set([...(bornOn.get(s.birthDate) ?? []), ...own[i]!]));
  const subjects = await loadSubjects(db, [...new Set(rows.map((r) => Number(r.id)))]);
  return incoming.map((one, i) => {
    let best: StrongMatch | null = null;
    for (const id of candidates[i]!) {
      const existing = subjects.get(id);
      if (!existing) continue;
      const match = strongMatch(one, existing);
      if (match === 'same_identifier') return null;
      if (match && (!best || match.score > best.score)) best = { personId: existing.id, ...match };
    }
    return best;
  });
}

/**
 * Whether the check above would look at `other` for `incoming`: born the same day, the same СНИЛС, or a
 * document of the same kind with the same number (the statement's three branches). The bulk births path
 * asks it of the newborns of one batch among themselves, which are not in the register yet.
 */
export function isCreationCandidate(incoming: DuplicateSubject, other: DuplicateSubject): boolean {
  if (incoming.birthDate === other.birthDate) return true;
  if (incoming.snils !== null && incoming.snils === other.snils) return true;
  return incoming.documents.some((d) =>
    other.documents.some((o) => o.kind === d.kind && o.number === d.number),
  );
}

/**
 * The rule for one pair: a strong match (score and reasons), none (null), or the same СНИЛС or document —
 * which is not this check's business but the unique constraints'. Also asked by the bulk births path of
 * the newborns of one batch among themselves, which are not in the register yet when it checks.
 */
export function strongMatch(
  incoming: DuplicateSubject,
  other: DuplicateSubject,
): Omit<StrongMatch, 'personId'> | 'same_identifier' | null {
  const { score, reasons } = scoreDuplicate(incoming, other);
  if (reasons.includes('same_snils') || reasons.includes('same_document')) return 'same_identifier';
  return score >= STRONG_MATCH_THRESHOLD ? { score, reasons } : null;
}
