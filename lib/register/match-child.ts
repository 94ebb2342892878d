import { and, eq } from 'drizzle-orm';
import { representations } from '@/db/schema';
import type { LocalDate } from '@/lib/domain/dates';
import { majorityDate } from '@/lib/domain/ru/person';
import { AppError } from '@/lib/errors';
import { changeCoverage } from './change-coverage';
import { latestCoverage, type CoverageRow } from './coverage-queries';
import { runWrite, type WriteMeta } from './writer';

/** What matching a child already in the register does to the child's policy. */
export type ChildPolicyPlan =
  | { kind: 'issue' } // no policy in force: issue one with the chosen insurer
  | { kind: 'first_choice' } // covered from birth through the mother's insurer: the parent's first choice
  | { kind: 'keep' }; // a policy chosen before stays; a change is journey 3

/**
 * Decides the policy step from the child's latest period. A newborn formed from a ЗАГС record is covered
 * through the mother's insurer (reason `birth`) until a parent chooses: that first choice is not a
 * "change" and does not use up the yearly one (event basis `first_choice`).
 */
export function childPolicyPlan(
  latest: CoverageRow | null,
  insurerCode: string,
  today: LocalDate,
): ChildPolicyPlan {
  if (!latest) return { kind: 'issue' };
  const expired = latest.validTo !== null && latest.validTo <= today;
  if (expired || latest.status === 'terminated') {
    return latest.reason === 'death' || latest.reason === 'declared_dead'
      ? { kind: 'keep' }
      : { kind: 'issue' };
  }
  if (latest.insurerCode === insurerCode) return { kind: 'keep' };
  if (latest.status === 'active' && latest.reason === 'birth') return { kind: 'first_choice' };
  return { kind: 'keep' };
}

export interface MatchChildInput {
  childId: number;
  parentId: number;
  insurerCode: string;
  /** The parent's region, where the child is insured. */
  subjectCode: string;
  /** The plan shown to the parent; re-checked under the child's lock (a change meanwhile → CONFLICT). */
  plan: ChildPolicyPlan;
}

/**
 * Links a parent to a child already in the register and applies the policy plan, in one transaction
 * through the register's write path (row lock, state, event). Used by the child registration journey when
 * the child is already in the register (formed from a ЗАГС record).
 */
export async function matchChild(
  input: MatchChildInput,
  meta: WriteMeta,
): Promise<{ linked: boolean; plan: ChildPolicyPlan }> {
  return runWrite(meta, async (w) => {
    const child = await w.lockPerson(input.childId);
    const latest = await latestCoverage(w.tx, child.id);
    const plan = childPolicyPlan(latest, input.insurerCode, w.today);
    if (plan.kind !== input.plan.kind) throw new AppError('CONFLICT');

    const [link] = await w.tx
      .select({ id: representations.id })
      .from(representations)
      .where(
        and(eq(representations.representativeId, input.parentId), eq(representations.childId, child.id)),
      );
    let linked = false;
    if (!link) {
      const adult = majorityDate(child.birthDate as LocalDate);
      const [rep] = await w.tx
        .insert(representations)
        .values({
          representativeId: input.parentId,
          childId: child.id,
          kind: 'parent',
          validFrom: child.birthDate,
          validTo: adult,
        })
        .returning({ id: representations.id });
      await w.record({
        personId: child.id,
        entity: 'representation',
        entityId: rep!.id,
        action: 'representation.created',
        effectiveDate: child.birthDate as LocalDate,
        data: { representativeId: input.parentId, kind: 'parent', validTo: adult, basis: 'application' },
      });
      linked = true;
    }

    if (plan.kind === 'issue') {
      await changeCoverage(w, {
        personId: child.id,
        target: { subjectCode: input.subjectCode, insurerCode: input.insurerCode },
        plan: () => ({
          command: {
            type: 'issue',
            on: w.today,
            insurerCode: input.insurerCode,
            subjectCode: input.subjectCode,
            reason: 'birth',
          },
        }),
      });
    } else if (plan.kind === 'first_choice') {
      await changeCoverage(w, {
        personId: child.id,
        plan: () => ({
          command: { type: 'change_insurer', on: w.today, insurerCode: input.insurerCode },
          eventData: { basis: 'first_choice' },
        }),
      });
    } else {
      await w.touchPerson(child.id);
    }
    return { linked, plan };
  });
}
