import { NO_ACCESS_PAGE, NOT_FOUND_PAGE } from '../../_shell/refusal-pages';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { requireConsolePage } from '../../_shell/require-section';
import { requireCandidateAccess } from '@/lib/duplicates/review-duplicates';
import { isAppError } from '@/lib/errors';

/**
 * An unknown pair (404) or one out of the employee's scope (403) is refused here, by the site's own pages
 * as plain HTML: thrown from the page, Next would answer with its bare error document.
 */
export default async function DuplicatePairLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ id: string }>;
}) {
  const { id } = await params;
  const staff = await requireConsolePage(`/konsol/dubli/${id}`);
  if (!/^\d{1,15}$/.test(id)) redirect(NOT_FOUND_PAGE);
  try {
    await requireCandidateAccess(staff.actor, Number(id));
  } catch (error) {
    if (isAppError(error) && error.code === 'DUPLICATE_CANDIDATE_NOT_FOUND') redirect(NOT_FOUND_PAGE);
    if (isAppError(error) && error.code === 'FORBIDDEN') redirect(NO_ACCESS_PAGE);
    throw error;
  }
  return children;
}
