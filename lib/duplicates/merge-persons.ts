import { and, eq, isNull, sql } from 'drizzle-orm';
import { duplicateCandidates, personMerges, persons } from '@/db/schema';
import { recordStaffAction } from '@/lib/audit/staff-actions';
import { requirePermission } from '@/lib/auth/permissions';
import { orderedPair } from '@/lib/domain/ru/duplicates';
import { AppError } from '@/lib/errors';
import type { CorrectionAuthor } from '@/lib/register/correction';
import { runWrite, type Writer } from '@/lib/register/writer';
import { applyMoves, planMerge } from './merge-plan';

/** The employee reviewing duplicates: the actor the permissions see and who the audit trail names. */
export type Reviewer = CorrectionAuthor;

const metaOf = (by: Reviewer, reason: string | null) => ({
  actor: by.actor,
  source: 'console',
  reason,
  now: by.now,
});

function audit(by: Reviewer) {
  return { staffId: by.staffId, login: by.login, organisation: by.organisation };
}

/** The merge's (or undo's) register event on both records, and both records' versions moved on. */
async function recordOnBoth(
  w: Writer,
  action: 'person.merged' | 'person.merge_undone',
  pair: {
    mergeId: number;
    survivor: { id: number; enp: string | null };
    retired: { id: number; enp: string | null };
  },
  extra: Record<string, unknown> = {},
): Promise<void> {
  const { mergeId, survivor, retired } = pair;
  const data = {
    mergeId,
    survivorId: survivor.id,
    survivorEnp: survivor.enp,
    retiredId: retired.id,
    retiredEnp: retired.enp,
    ...extra,
  };
  for (const personId of [survivor.id, retired.id]) {
    await w.record({ personId, entity: 'person', entityId: personId, action, effectiveDate: w.today, data });
    await w.touchPerson(personId);
  }
}

/** Locks the open candidate and both persons (lower id first), checking `person:merge` on each before use. */
async function lockCandidate(w: Writer, candidateId: number) {
  const [candidate] = await w.tx
    .select()
    .from(duplicateCandidates)
    .where(eq(duplicateCandidates.id, candidateId))
    .for('update');
  if (!candidate) throw new AppError('DUPLICATE_CANDIDATE_NOT_FOUND');
  const a = await w.lockAuthorised(candidate.personAId, 'person:merge');
  const b = await w.lockAuthorised(candidate.personBId, 'person:merge');
  if (candidate.status !== 'open') throw new AppError('DUPLICATE_ALREADY_DECIDED');
  return { candidate, a: a.person, b: b.person };
}

/**
 * Merges a candidate pair (issue 13, ADR 0023): `survivorId` (one of the pair) keeps its record and ЕНП;
 * the other is retired — its ЕНП answers with the survivor in every lookup (persons.merged_into_id) — and
 * everything of it moves to the survivor by the plan of merge-plan.ts, remembered row by row for the undo.
 * One transaction with both register events and the audit entry.
 */
export async function mergeDuplicate(
  by: Reviewer,
  input: { candidateId: number; survivorId: number },
): Promise<{ mergeId: number; survivorId: number; retiredId: number }> {
  return runWrite(metaOf(by, `Объединение дублей, пара № ${input.candidateId}`), async (w) => {
    const { candidate, a, b } = await lockCandidate(w, input.candidateId);
    if (input.survivorId !== a.id && input.survivorId !== b.id) throw new AppError('VALIDATION_FAILED');
    const [survivor, retired] = input.survivorId === a.id ? [a, b] : [b, a];
    if (survivor.mergedIntoId !== null || retired.mergedIntoId !== null)
      throw new AppError('MERGE_NOT_POSSIBLE');
    const moves = await planMerge(w.tx, survivor.id, retired.id);
    const recordTime = await w.recordTime();
    const { rows } = await w.tx.execute<{ t: string }>(sql`select ${recordTime}::text as t`);
    await applyMoves(w.tx, moves, survivor.id, 'merge', rows[0]!.t);
    await w.tx.update(persons).set({ mergedIntoId: survivor.id }).where(eq(persons.id, retired.id));
    const [merge] = await w.tx
      .insert(personMerges)
      .values({
        candidateId: candidate.id,
        survivorId: survivor.id,
        retiredId: retired.id,
        moved: moves,
        mergedBy: by.staffId,
        mergedAt: w.now,
      })
      .returning({ id: personMerges.id });
    await w.tx
      .update(duplicateCandidates)
      .set({ status: 'merged', decidedAt: w.now, decidedBy: by.staffId })
      .where(eq(duplicateCandidates.id, candidate.id));
    await recordOnBoth(w, 'person.merged', { mergeId: merge!.id, survivor, retired }, { moves });
    await recordStaffAction(w.tx, {
      ...audit(by),
      action: 'persons_merged',
      targetKind: 'person_merge',
      targetId: String(merge!.id),
      personId: survivor.id,
      details: { candidateId: candidate.id, survivorEnp: survivor.enp, retiredEnp: retired.enp },
    });
    return { mergeId: merge!.id, survivorId: survivor.id, retiredId: retired.id };
  });
}

/**
 * Undoes a merge (ФФОМС administrators only): every row the merge moved goes back by id, retracted periods
 * are believed again, demoted documents current again, the retired record's ЕНП its own again. The pair
 * returns to review. Refused while the survivor is itself merged into another record (undo that first).
 */
export async function undoMerge(
  by: Reviewer,
  mergeId: number,
): Promise<{ survivorId: number; retiredId: number }> {
  return runWrite(metaOf(by, `Отмена объединения № ${mergeId}`), async (w) => {
    requirePermission(by.actor, 'person:merge_undo', {});
    const [merge] = await w.tx
      .select()
      .from(personMerges)
      .where(and(eq(personMerges.id, mergeId), isNull(personMerges.undoneAt)))
      .for('update');
    if (!merge) throw new AppError('MERGE_NOT_FOUND');
    const [first, second] = orderedPair(merge.survivorId, merge.retiredId);
    const locked = new Map([
      [first, await w.lockPerson(first)],
      [second, await w.lockPerson(second)],
    ]);
    const survivor = locked.get(merge.survivorId)!;
    const retired = locked.get(merge.retiredId)!;
    if (survivor.mergedIntoId !== null || retired.mergedIntoId !== survivor.id)
      throw new AppError('MERGE_UNDO_BLOCKED');
    await w.tx.update(persons).set({ mergedIntoId: null }).where(eq(persons.id, retired.id));
    await applyMoves(w.tx, merge.moved, retired.id, 'undo', '');
    await w.tx
      .update(personMerges)
      .set({ undoneAt: w.now, undoneBy: by.staffId })
      .where(eq(personMerges.id, merge.id));
    if (merge.candidateId !== null) {
      await w.tx
        .update(duplicateCandidates)
        .set({ status: 'open', decidedAt: null, decidedBy: null })
        .where(eq(duplicateCandidates.id, merge.candidateId));
    }
    await recordOnBoth(w, 'person.merge_undone', { mergeId: merge.id, survivor, retired });
    await recordStaffAction(w.tx, {
      ...audit(by),
      action: 'persons_merge_undone',
      targetKind: 'person_merge',
      targetId: String(merge.id),
      personId: retired.id,
      details: { survivorEnp: survivor.enp, retiredEnp: retired.enp },
    });
    return { survivorId: survivor.id, retiredId: retired.id };
  });
}

/** Marks a pair as two different people: remembered, so no scan or check proposes it again. */
export async function dismissCandidate(by: Reviewer, candidateId: number): Promise<void> {
  await runWrite(metaOf(by, null), async (w) => {
    const { candidate } = await lockCandidate(w, candidateId);
    await w.tx
      .update(duplicateCandidates)
      .set({ status: 'not_duplicate', decidedAt: w.now, decidedBy: by.staffId })
      .where(eq(duplicateCandidates.id, candidate.id));
    await recordStaffAction(w.tx, {
      ...audit(by),
      action: 'duplicate_dismissed',
      targetKind: 'duplicate_candidate',
      targetId: String(candidate.id),
      personId: candidate.personAId,
      details: { personBId: candidate.personBId, score: candidate.score },
    });
  });
}
