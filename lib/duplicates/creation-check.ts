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
  const sameNumber = incoming.documents.length
    ? sql.join(
        incoming.documents.map((d) => sql`(d.kind = ${d.kind} and d.number = ${d.number})`),
        sql` or `,
      )
    : sql`false`;
  const { rows } = await db.execute<{ id: string }>(sql`
    select pn.person_id as id from person_names pn join persons p on p.id = pn.person_id
     where pn.birth_date = ${incoming.birthDate}::date and p.merged_into_id is null
    union
    select p.id from persons p where p.snils = ${incoming.snils} and p.merged_into_id is null
    union
    select d.person_id from identity_documents d join persons p on p.id = d.person_id
     where (${sameNumber}) and p.merged_into_id is null`);
  const subjects = await loadSubjects(
    db,
    rows.map((r) => Number(r.id)),
  );
  let best: StrongMatch | null = null;
  for (const existing of subjects.values()) {
    const match = strongMatch(incoming, existing);
    if (match === 'same_identifier') return null;
    if (match && (!best || match.score > best.score)) best = { personId: existing.id, ...match };
  }
  return best;
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
