import { NO_ACCESS_PAGE } from './refusal-pages';
import { redirect } from 'next/navigation';
import { requireStaff, type StaffContext } from '@/lib/auth/staff-context';
import { CONSOLE_SECTIONS } from './sections';

/**
 * The section's own gate, called from the section's layout: the employee, or a redirect to the sign-in,
 * or a 403 for a role the section is not for. Thrown from a layout, forbidden() is answered by the site's
 * forbidden page inside the site's layout (as plain HTML); thrown from a page below the console's layout,
 * Next answers with its bare error document that only JavaScript fills in — so section pages leave the
 * role check to their layout and render finer refusals (a record out of scope) in place. The use cases
 * still check every permission: this is the door, not the lock.
 */
export async function requireSection(href: string): Promise<StaffContext> {
  const staff = await requireStaff(href);
  const section = CONSOLE_SECTIONS.find((s) => s.href === href);
  if (!section?.roles.includes(staff.role)) redirect(NO_ACCESS_PAGE);
  return staff;
}
