import { redirect } from 'next/navigation';
import { NO_ACCESS_PAGE, NOT_FOUND_PAGE } from './refusal-pages';
import { can, type Permission } from '@/lib/auth/permissions';
import { requireStaff, type StaffContext } from '@/lib/auth/staff-context';
import { consoleSections, isForeignSection, sectionOf } from './sections';

/**
 * The section's own gate, called from the section's layout: the employee, or a redirect to the sign-in,
 * or a 403 for a role the section is not for. Thrown from a layout, forbidden() is answered by the site's
 * forbidden page inside the site's layout (as plain HTML); thrown from a page below the console's layout,
 * Next answers with its bare error document that only JavaScript fills in — so section pages leave the
 * role check to their layout and render finer refusals (a record out of scope) in place. The use cases
 * still check every permission: this is the door, not the lock. A section only another country's console
 * has does not exist here: the site's 404 page before anything else (ADR 0034), by the same redirect as
 * the national groups' gate (app/_national/jurisdiction-gate.ts) — notFound() would be the bare document.
 */
export async function requireSection(href: string): Promise<StaffContext> {
  if (isForeignSection(href)) redirect(NOT_FOUND_PAGE);
  const staff = await requireStaff(href);
  const section = consoleSections().find((s) => s.href === href);
  if (!section?.roles.includes(staff.role)) redirect(NO_ACCESS_PAGE);
  return staff;
}

/**
 * For a console page (and a layout below a section's): the same gate as its section's layout, and the
 * page's own permission when it has one. Next renders a page alongside its layouts, so a page that left
 * the check to its layout would still run its use case for a role the layout turns away — refused there,
 * but logged as a failed page on every such visit. `href` is the page's address (with its query, for the
 * sign-in's way back).
 */
export async function requireConsolePage(href: string, permission?: Permission): Promise<StaffContext> {
  if (isForeignSection(href.split('?', 1)[0]!)) redirect(NOT_FOUND_PAGE);
  const staff = await requireStaff(href);
  if (!mayOpenConsolePage(staff, href, permission)) redirect(NO_ACCESS_PAGE);
  return staff;
}

/** Whether the employee passes the gate of the section `href` lies in, and holds `permission` if given. */
export function mayOpenConsolePage(
  staff: Pick<StaffContext, 'actor' | 'role'>,
  href: string,
  permission?: Permission,
): boolean {
  const section = sectionOf(href.split('?', 1)[0]!);
  if (section && !section.roles.includes(staff.role)) return false;
  return permission === undefined || can(staff.actor, permission);
}
