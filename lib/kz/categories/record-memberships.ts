import { and, desc, eq, isNull } from 'drizzle-orm';
import { kzCategoryMemberships } from '@/db/schema';
import { requirePermission } from '@/lib/auth/permissions';
import type { LocalDate } from '@/lib/domain/dates';
import { validateIin, type Iin, type OsmsCategory } from '@/lib/domain/kz';
import { IssueCollector } from '@/lib/domain/result';
import { AppError, fieldIssue } from '@/lib/errors';
import type { Affected } from '@/lib/feeds/effects/context';
import type { CategoryJoined, CategoryLeft } from '@/lib/kz/feeds/events';
import { findKzPersonId } from '@/lib/kz/persons/find-kz-person';
import { runWrite, type WriteMeta, type Writer } from '@/lib/register/writer';

/**
 * Category memberships from the agencies' lists (issue 14, ADR 0031): a person joined a state-paid
 * category, or left it. Through the one write path (register events with `entity = category`), permission
 * first, under the person's row lock (a list's event reads the person's memberships and then changes
 * them). Bitemporal in record time: a membership is never updated in place — it is retracted and its
 * successor inserted at the same record time. The newest list wins: an event whose list is older than the
 * one the register's row came from changes nothing, so lists applied in any order end in the same register.
 */

type Membership = typeof kzCategoryMemberships.$inferSelect;
type Change = 'category.joined' | 'category.left' | 'category.corrected';

interface Checked {
  iin: Iin;
  listDate: LocalDate;
}

/** The ИИН and the list's date, checked the same way for both events; every invalid field is named. */
function checkListEvent(
  data: { iin: string; listDate: string },
  today: LocalDate,
  c: IssueCollector,
): Checked | null {
  const iin = c.take(validateIin(data.iin, 'data.iin'));
  if (data.listDate > today) c.add(fieldIssue('data.listDate', 'DATE_IN_FUTURE'));
  return iin ? { iin: iin.iin, listDate: data.listDate as LocalDate } : null;
}

/** The person, locked, after the permission is checked for them. */
async function lockedPerson(w: Writer, iin: string): Promise<number> {
  const id = await findKzPersonId(w.tx, iin);
  if (id === null) {
    throw new AppError('PERSON_NOT_FOUND', { fields: [fieldIssue('data.iin', 'PERSON_NOT_FOUND')] });
  }
  requirePermission(w.meta.actor, 'category:record', { personId: id });
  await w.lockPerson(id);
  return id;
}

/** The person's standing memberships of one category, latest start first. */
function standing(w: Writer, personId: number, category: OsmsCategory): Promise<Membership[]> {
  return w.tx
    .select()
    .from(kzCategoryMemberships)
    .where(
      and(
        eq(kzCategoryMemberships.personId, personId),
        eq(kzCategoryMemberships.category, category),
        isNull(kzCategoryMemberships.retractedAt),
      ),
    )
    .orderBy(desc(kzCategoryMemberships.fromDate));
}

/** Retracts `replaced` (when given) and records the membership `next`, with its register event. */
async function write(
  w: Writer,
  action: Change,
  replaced: Membership | null,
  next: Pick<Membership, 'personId' | 'category' | 'fromDate' | 'toDate' | 'receivedOn'>,
): Promise<void> {
  const at = await w.recordTime();
  if (replaced) {
    await w.tx
      .update(kzCategoryMemberships)
      .set({ retractedAt: at })
      .where(eq(kzCategoryMemberships.id, replaced.id));
  }
  const [row] = await w.tx
    .insert(kzCategoryMemberships)
    .values({ ...next, source: w.meta.source, recordedAt: at })
    .returning({ id: kzCategoryMemberships.id });
  await w.record({
    personId: next.personId,
    entity: 'category',
    entityId: row!.id,
    action,
    effectiveDate: (action === 'category.left' ? next.toDate! : next.fromDate) as LocalDate,
    data: { category: next.category, from: next.fromDate, to: next.toDate, listDate: next.receivedOn },
  });
}

const overlaps = (aFrom: string, aTo: string | null, bFrom: string, bTo: string | null) =>
  (aTo === null || bFrom <= aTo) && (bTo === null || aFrom <= bTo);

/** A list says the person is in the category from `from` (to `to` when it knows the end). */
export async function joinCategory(data: CategoryJoined['data'], meta: WriteMeta): Promise<Affected> {
  requirePermission(meta.actor, 'category:record');
  return runWrite(meta, async (w) => {
    const c = new IssueCollector();
    const checked = checkListEvent(data, w.today, c);
    const to = data.to ?? null;
    if (to !== null && to < data.from) c.add(fieldIssue('data.to', 'DATE_RANGE_INVALID'));
    if (c.issues.length || !checked) throw AppError.validation(c.issues);
    const personId = await lockedPerson(w, checked.iin);
    const rows = await standing(w, personId, data.category);
    const affected: Affected = { id: personId, iin: checked.iin };
    const next = {
      personId,
      category: data.category,
      fromDate: data.from,
      toDate: to,
      receivedOn: checked.listDate,
    };
    const same = rows.find((r) => r.fromDate === data.from);
    if (same && (same.toDate === to || checked.listDate < same.receivedOn)) {
      return { ...affected, unchanged: true };
    }
    // A correction of the period starting that day may not stretch over another one either.
    if (rows.some((r) => r !== same && overlaps(r.fromDate, r.toDate, data.from, to))) {
      throw new AppError('KZ_CATEGORY_OVERLAP', { fields: [fieldIssue('data.from', 'KZ_CATEGORY_OVERLAP')] });
    }
    await write(w, same ? 'category.corrected' : 'category.joined', same ?? null, next);
    return affected;
  });
}

/**
 * A list says the person left the category on `to` (their last day in it): the membership that began on or
 * before that day is closed there. One that has not arrived yet is waited for (KZ_CATEGORY_NOT_FOUND).
 */
export async function leaveCategory(data: CategoryLeft['data'], meta: WriteMeta): Promise<Affected> {
  requirePermission(meta.actor, 'category:record');
  return runWrite(meta, async (w) => {
    const c = new IssueCollector();
    const checked = checkListEvent(data, w.today, c);
    if (c.issues.length || !checked) throw AppError.validation(c.issues);
    const personId = await lockedPerson(w, checked.iin);
    const membership = (await standing(w, personId, data.category)).find((r) => r.fromDate <= data.to);
    if (!membership) {
      throw new AppError('KZ_CATEGORY_NOT_FOUND', {
        fields: [fieldIssue('data.category', 'KZ_CATEGORY_NOT_FOUND')],
      });
    }
    const affected: Affected = { id: personId, iin: checked.iin };
    if (membership.toDate === data.to || checked.listDate < membership.receivedOn) {
      return { ...affected, unchanged: true };
    }
    await write(w, 'category.left', membership, {
      personId,
      category: membership.category,
      fromDate: membership.fromDate,
      toDate: data.to,
      receivedOn: checked.listDate,
    });
    return affected;
  });
}
