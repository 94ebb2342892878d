'use server';

import { redirect } from 'next/navigation';
import { requireStaff } from '@/lib/auth/staff-context';
import { dismissCandidate, mergeDuplicate, undoMerge, type Reviewer } from '@/lib/duplicates/merge-persons';
import { isAppError } from '@/lib/errors';
import { formText } from '../../_components/form-state';

const ID = /^\d{1,15}$/;

/**
 * The review's three decisions. Each posts a plain form (works without JavaScript), runs the use case
 * with the employee from the session, and answers by redirecting back to the pair (post/redirect/get):
 * the outcome, or the catalogued refusal's code, travels in the address.
 */
async function decide(form: FormData, run: (by: Reviewer, id: number) => Promise<unknown>, done: string) {
  const idText = formText(form, 'candidateId');
  const back = ID.test(idText) ? `/konsol/dubli/${idText}` : '/konsol/dubli';
  const staff = await requireStaff(back);
  let outcome: string;
  try {
    // A malformed id names no pair: the use case answers DUPLICATE_CANDIDATE_NOT_FOUND for id 0.
    await run(
      { actor: staff.actor, staffId: staff.staffId, login: staff.login, organisation: staff.organisation },
      ID.test(idText) ? Number(idText) : 0,
    );
    outcome = `gotovo=${done}`;
  } catch (error) {
    if (!isAppError(error)) throw error;
    outcome = `oshibka=${error.code}`;
  }
  redirect(`${back}?${outcome}`);
}

export async function mergeAction(form: FormData): Promise<void> {
  const survivor = formText(form, 'survivorId');
  await decide(
    form,
    (by, candidateId) =>
      mergeDuplicate(by, { candidateId, survivorId: ID.test(survivor) ? Number(survivor) : 0 }),
    'merged',
  );
}

export async function dismissAction(form: FormData): Promise<void> {
  await decide(form, (by, candidateId) => dismissCandidate(by, candidateId), 'dismissed');
}

export async function undoAction(form: FormData): Promise<void> {
  const mergeId = formText(form, 'mergeId');
  await decide(form, (by) => undoMerge(by, ID.test(mergeId) ? Number(mergeId) : 0), 'undone');
}
