import { NO_ACCESS_PAGE, NOT_FOUND_PAGE } from '../../_shell/refusal-pages';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getApplicationForReview, type ApplicationReview } from '@/lib/applications/application-review';
import { requireStaff } from '@/lib/auth/staff-context';
import { isAppError } from '@/lib/errors';

export function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The application as the employee may see it, once per request: the layout asks first, so an unknown
 * number (404) or one out of the employee's scope (403) is answered by the site's own pages as plain HTML
 * (thrown from the page, Next would answer with its bare error document); the page then reads the same
 * answer, and the access log gets one row per person shown, not two.
 */
export const applicationReview = cache(async (number: string): Promise<ApplicationReview> => {
  const staff = await requireStaff(
    /^\d{4}-\d{8}$/.test(number) ? `/konsol/zayavleniya/${number}` : '/konsol/zayavleniya',
  );
  try {
    return await getApplicationForReview(number, staff.actor);
  } catch (error) {
    if (isAppError(error) && error.code === 'APPLICATION_NOT_FOUND') redirect(NOT_FOUND_PAGE);
    if (isAppError(error) && error.code === 'FORBIDDEN') redirect(NO_ACCESS_PAGE);
    throw error;
  }
});
