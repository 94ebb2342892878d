import { sql } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import {
  mayBeStrongMatch,
  scoreDuplicate,
  STRONG_MATCH_THRESHOLD,
  type DuplicateReason,
  type DuplicateSubject,
} from '@/lib/domain/ru/duplicates';
import { loadSubjects } from './duplicate-subjects';

export interface StrongMatch {
  personId: number;
  score: number;
  reasons: DuplicateReason[];
}

/**
 * The creation-time check (issue 13, ADR 0023): the record already in the register that the person about
 * to be created most likely is, when the rules call it a strong match; null otherwise. Looks at people
 * born the same day (h-card's person_names, every name they had) who can still reach the strong-match
 * score (creationCandidates below) and people holding the same СНИЛС or a document of the same kind with
 * the same number. Someone holding the very same document or СНИЛС is not this check's business: the
 * register's unique constraints refuse that creation with their own answer.
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
  const candidates = await creationCandidates(db, incoming);
  const subjects = await loadSubjects(db, [...new Set(candidates.flatMap((c) => [...c]))]);
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
 * Whom the check looks at for each person about to be created: everyone born the same day who can still
 * be a strong match (mayBeStrongMatch — for someone with known parents, the ones with none and the
 * children of their own parents, not every other newborn of a day a birth feed fills), and everyone
 * holding the same СНИЛС or a document of the same kind with the same number.
 */
export async function creationCandidates(
  db: Executor,
  incoming: readonly DuplicateSubject[],
): Promise<Set<number>[]> {
  if (incoming.length === 0) return [];
  const documents = incoming.flatMap((s, i) =>
    s.documents.map((d) => ({ i, kind: d.kind, number: d.number })),
  );
  const parents = incoming.flatMap((s, i) => (s.representativeIds ?? []).map((id) => ({ i, id })));
  const hasParents = (s: DuplicateSubject) => (s.representativeIds ?? []).length > 0;
  const daysOf = (which: boolean) => [
    ...new Set(incoming.filter((s) => hasParents(s) === which).map((s) => s.birthDate)),
  ];
  // People born the same day are asked once per day (every birth of that day shares them), only those
  // who can still be a strong match (mayBeStrongMatch): for someone with known parents, the ones with
  // none and the children of their own parents — not every other newborn of a day a birth feed fills.
  // The СНИЛС and document branches are asked per person.
  const { rows } = await db.execute<{
    day: string | null;
    guarded: boolean | null;
    i: number | null;
    id: string;
  }>(sql`
    with incoming as (
      select * from unnest(${sql.param(incoming.map((s) => s.snils))}::char(11)[],
                           ${sql.param(incoming.map((s) => s.birthDate))}::date[])
                    with ordinality as t(snils, birth_date, i)),
    parents as (
      select * from unnest(${sql.param(parents.map((p) => p.i + 1))}::bigint[],
                           ${sql.param(parents.map((p) => p.id))}::bigint[]) as t(i, representative_id)),
    documents as (
      select * from unnest(${sql.param(documents.map((d) => d.i + 1))}::bigint[],
                           ${sql.param(documents.map((d) => d.kind))}::smallint[],
                           ${sql.param(documents.map((d) => d.number))}::varchar[]) as t(i, kind, number))
    select distinct pn.birth_date::text as day, false as guarded, null::int as i, pn.person_id as id
      from person_names pn join persons p on p.id = pn.person_id
     where pn.birth_date = any(${sql.param(daysOf(false))}::date[]) and p.merged_into_id is null
    union all
    select distinct pn.birth_date::text, true, null::int, pn.person_id
      from person_names pn join persons p on p.id = pn.person_id
     where pn.birth_date = any(${sql.param(daysOf(true))}::date[]) and p.merged_into_id is null
       and not exists (select 1 from representations r where r.child_id = pn.person_id)
    union all
    select null, null, x.i::int - 1, r.child_id from parents x
      join incoming i on i.i = x.i
      join representations r on r.representative_id = x.representative_id
      join persons p on p.id = r.child_id
     where p.birth_date = i.birth_date and p.merged_into_id is null
    union all
    select null, null, i.i::int - 1, p.id from incoming i join persons p on p.snils = i.snils
     where p.merged_into_id is null
    union all
    select null, null, x.i::int - 1, d.person_id from documents x
      join identity_documents d on d.kind = x.kind and d.number = x.number
      join persons p on p.id = d.person_id
     where p.merged_into_id is null`);
  const bornOn = { open: new Map<string, number[]>(), guarded: new Map<string, number[]>() };
  const own = incoming.map(() => [] as number[]);
  for (const r of rows) {
    if (r.day === null) own[Number(r.i)]!.push(Number(r.id));
    else {
      const days = r.guarded ? bornOn.guarded : bornOn.open;
      if (days.has(r.day)) days.get(r.day)!.push(Number(r.id));
      else days.set(r.day, [Number(r.id)]);
    }
  }
  return incoming.map(
    (s, i) =>
      new Set([...((hasParents(s) ? bornOn.guarded : bornOn.open).get(s.birthDate) ?? []), ...own[i]!]),
  );
}

/**
 * Whether the check above would look at `other` for `incoming`: born the same day and able to be a strong
 * match (mayBeStrongMatch), the same СНИЛС, or a document of the same kind with the same number (the
 * statement's branches). The bulk births path
 * asks it of the newborns of one batch among themselves, which are not in the register yet.
 */
export function isCreationCandidate(incoming: DuplicateSubject, other: DuplicateSubject): boolean {
  if (incoming.birthDate === other.birthDate && mayBeStrongMatch(incoming, other)) return true;
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
