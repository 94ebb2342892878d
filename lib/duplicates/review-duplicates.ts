import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { enpOf } from '@/lib/register/russian-key';
import { getDb } from '@/db/client';
import {
  attachments,
  coverages,
  duplicateCandidates,
  identityDocuments,
  personMerges,
  persons,
} from '@/db/schema';
import { logAccesses } from '@/lib/audit/access-log';
import type { Actor } from '@/lib/auth/actor';
import { can, requirePermission } from '@/lib/auth/permissions';
import type { DuplicateReason } from '@/lib/domain/ru/duplicates';
import { AppError } from '@/lib/errors';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { staffScopeCondition } from '@/lib/register/staff-scope';
import { planMerge } from './merge-plan';

export interface CandidateListItem {
  id: number;
  score: number;
  reasons: DuplicateReason[];
  foundAt: Date;
  a: { id: number; enp: string; name: string; birthDate: string };
  b: { id: number; enp: string; name: string; birthDate: string };
}

const PAGE = 50;

/** Whether the actor may review duplicates at all (the menu and the list); each pair is checked again. */
export function mayReviewDuplicates(actor: Actor): boolean {
  return (
    actor.kind === 'staff' &&
    can(actor, 'person:merge', { subjectCode: actor.role === 'tfoms_operator' ? actor.subjectCode : null })
  );
}

/**
 * Open candidate pairs in the actor's scope (both persons insured in it), strongest first. The names shown
 * are a read of personal data: each person listed goes to the access log.
 */
export async function listOpenCandidates(actor: Actor): Promise<CandidateListItem[]> {
  if (!mayReviewDuplicates(actor)) throw new AppError('FORBIDDEN');
  const scope = (alias: string) =>
    staffScopeCondition(actor, {
      subject: sql.raw(`${alias}.subject_code`),
      insurer: sql.raw(`${alias}.insurer_code`),
    });
  const { rows } = await getDb().execute<Record<string, string>>(sql`
    select c.id, c.score, c.reasons, c.found_at,
           pa.id as a_id, pa.enp as a_enp, concat_ws(' ', pa.last_name, pa.first_name, pa.patronymic) as a_name,
           pa.birth_date::text as a_birth, pb.id as b_id, pb.enp as b_enp,
           concat_ws(' ', pb.last_name, pb.first_name, pb.patronymic) as b_name, pb.birth_date::text as b_birth
      from duplicate_candidates c
      join persons pa on pa.id = c.person_a_id and pa.merged_into_id is null
      join persons pb on pb.id = c.person_b_id and pb.merged_into_id is null
      left join lateral (select subject_code, insurer_code from coverages where person_id = pa.id and recorded_to is null
                          order by valid_from desc limit 1) ca on true
      left join lateral (select subject_code, insurer_code from coverages where person_id = pb.id and recorded_to is null
                          order by valid_from desc limit 1) cb on true
     where c.status = 'open' and ${scope('ca')} and ${scope('cb')}
     order by c.score desc, c.id
     limit ${PAGE}`);
  const items = rows.map((r) => ({
    id: Number(r.id),
    score: Number(r.score),
    reasons: r.reasons as unknown as DuplicateReason[],
    foundAt: new Date(r.found_at!),
    a: { id: Number(r.a_id), enp: r.a_enp!, name: r.a_name!, birthDate: r.a_birth! },
    b: { id: Number(r.b_id), enp: r.b_enp!, name: r.b_name!, birthDate: r.b_birth! },
  }));
  await logAccesses(
    items.flatMap((i) =>
      [i.a.id, i.b.id].map((personId) => ({
        actor,
        channel: 'console' as const,
        personId,
        purpose: 'duplicates:list',
        result: 'found',
        details: `пара № ${i.id}`,
      })),
    ),
  );
  return items;
}

async function personSide(personId: number) {
  const db = getDb();
  const [person] = await db.select().from(persons).where(eq(persons.id, personId));
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  return {
    person: { ...person, enp: enpOf(person) },
    documents: await db
      .select()
      .from(identityDocuments)
      .where(eq(identityDocuments.personId, personId))
      .orderBy(desc(identityDocuments.isCurrent), identityDocuments.id),
    coverages: await db
      .select()
      .from(coverages)
      .where(and(eq(coverages.personId, personId), isNull(coverages.recordedTo)))
      .orderBy(coverages.validFrom),
    attachments: await db
      .select()
      .from(attachments)
      .where(eq(attachments.personId, personId))
      .orderBy(attachments.validFrom),
  };
}

export type PersonSide = Awaited<ReturnType<typeof personSide>>;

/**
 * One pair for review, side by side, with what a merge keeping `survivorId` would do (the plan of
 * merge-plan.ts: periods retracted, attachments kept on the retired record, documents no longer current).
 * `person:merge` is checked on both persons before anything about them is read; both reads are logged.
 */
/**
 * The pair, if it exists and the actor may review both persons (`person:merge` in each one's scope):
 * the check the pair page's layout makes before anything about the persons is read or shown.
 */
export async function requireCandidateAccess(actor: Actor, candidateId: number) {
  const db = getDb();
  const [candidate] = await db
    .select()
    .from(duplicateCandidates)
    .where(eq(duplicateCandidates.id, candidateId));
  if (!candidate) throw new AppError('DUPLICATE_CANDIDATE_NOT_FOUND');
  for (const personId of [candidate.personAId, candidate.personBId]) {
    const latest = await latestCoverage(db, personId);
    requirePermission(actor, 'person:merge', {
      personId,
      subjectCode: latest?.subjectCode ?? null,
      insurerCode: latest?.insurerCode ?? null,
    });
  }
  return candidate;
}

export async function readCandidate(actor: Actor, candidateId: number, survivorId?: number | null) {
  const db = getDb();
  const candidate = await requireCandidateAccess(actor, candidateId);
  const a = await personSide(candidate.personAId);
  const b = await personSide(candidate.personBId);
  const keep = survivorId === candidate.personBId ? candidate.personBId : candidate.personAId;
  const retire = keep === candidate.personAId ? candidate.personBId : candidate.personAId;
  const plan =
    candidate.status === 'open' && a.person.mergedIntoId === null && b.person.mergedIntoId === null
      ? await planMerge(db, keep, retire)
      : null;
  const [liveMerge] = await db
    .select()
    .from(personMerges)
    .where(and(eq(personMerges.candidateId, candidateId), isNull(personMerges.undoneAt)));
  await logAccesses(
    [a, b].map((side) => ({
      actor,
      channel: 'console' as const,
      personId: side.person.id,
      purpose: 'duplicates:review',
      result: 'found',
      details: `пара № ${candidateId}`,
    })),
  );
  return {
    candidate,
    a,
    b,
    survivorId: keep,
    plan,
    liveMerge: liveMerge ?? null,
    mayUndo: can(actor, 'person:merge_undo', {}),
  };
}

export type CandidateReview = Awaited<ReturnType<typeof readCandidate>>;

export interface LiveMerge {
  id: number;
  candidateId: number | null;
  mergedAt: Date;
  survivorEnp: string;
  retiredEnp: string;
}

/**
 * The latest merges not undone, for the administrators who may undo them (`person:merge_undo`): the way
 * back to a merged pair, which has left the list of open ones. Shows ЕНП only; each is logged.
 */
export async function listLiveMerges(actor: Actor): Promise<LiveMerge[]> {
  requirePermission(actor, 'person:merge_undo', {});
  const { rows } = await getDb().execute<Record<string, string | null>>(sql`
    select m.id, m.candidate_id, m.merged_at, s.id as survivor_id, s.enp as survivor_enp,
           r.id as retired_id, r.enp as retired_enp
      from person_merges m join persons s on s.id = m.survivor_id join persons r on r.id = m.retired_id
     where m.undone_at is null
     order by m.merged_at desc, m.id desc
     limit 20`);
  await logAccesses(
    rows.flatMap((r) =>
      [r.survivor_id, r.retired_id].map((personId) => ({
        actor,
        channel: 'console' as const,
        personId: Number(personId),
        purpose: 'duplicates:merges',
        result: 'found',
        details: `объединение № ${r.id}`,
      })),
    ),
  );
  return rows.map((r) => ({
    id: Number(r.id),
    candidateId: r.candidate_id === null ? null : Number(r.candidate_id),
    mergedAt: new Date(r.merged_at!),
    survivorEnp: r.survivor_enp!,
    retiredEnp: r.retired_enp!,
  }));
}
