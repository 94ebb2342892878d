import type { Actor } from '@/lib/auth/actor';
import { readHandle } from '@/lib/register/replica-reads';
import { requirePermission } from '@/lib/auth/permissions';
import { logAccess } from '@/lib/audit/access-log';
import { citizenContext, resolveSubject, type UseCaseOptions } from '@/lib/auth/citizen-actor';
import { AppError } from '@/lib/errors';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { loadPolicySnapshot, type PolicySnapshot } from './policy-snapshot';

export interface GetMyPolicyInput {
  /** A represented child; the citizen themselves when absent. Staff must give it. */
  subjectPersonId?: number | null;
}

export interface MyPolicy extends PolicySnapshot {
  /** The policy is the signed-in citizen's own (not a child's). */
  self: boolean;
}

/**
 * Journey 7, «Мой полис»: ЕНП, status (since when, and why when not active), insurer with its contacts,
 * region, clinic — for the citizen or a represented child.
 *
 * Access log: a citizen reading their own or their child's policy writes nothing — the access log records
 * reads of a person's data by others (staff, clinics, API keys), and journey 9 shows it back to the
 * citizen; logging their own views would bury the lookups they want to see. A staff member reading
 * through this use case (the console may reuse it) needs `person:read` for the person's region/insurer
 * and is logged (channel `console`, purpose `policy_view`). Nobody else may call it.
 */
export async function getMyPolicy(
  input: GetMyPolicyInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<MyPolicy> {
  const now = options.now ?? new Date();
  // A portal read page: a replica serves it once it has replayed this citizen's own writes (ADR 0026).
  const db = readHandle('portal_page', actor);
  if (actor.kind === 'citizen') {
    const ctx = await citizenContext(actor, now);
    const personId = resolveSubject(ctx, input.subjectPersonId);
    return { ...(await loadPolicySnapshot(db, personId, now)), self: personId === ctx.selfId };
  }
  if (actor.kind === 'staff') {
    const personId = input.subjectPersonId;
    if (personId == null || !Number.isSafeInteger(personId)) throw new AppError('PERSON_NOT_FOUND');
    const latest = await latestCoverage(db, personId);
    requirePermission(actor, 'person:read', {
      personId,
      subjectCode: latest?.subjectCode ?? null,
      insurerCode: latest?.insurerCode ?? null,
    });
    const snapshot = await loadPolicySnapshot(db, personId, now);
    await logAccess({
      actor,
      channel: 'console',
      personId,
      purpose: 'policy_view',
      result: 'found',
      at: now,
    });
    return { ...snapshot, self: false };
  }
  throw new AppError('FORBIDDEN');
}
