import { desc, eq, inArray, or } from 'drizzle-orm';
import { applications, persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { readHandle } from '@/lib/register/replica-reads';
import { toApplicationView, type ApplicationView } from '@/lib/applications/application-store';
import { citizenContext, type UseCaseOptions } from '@/lib/auth/citizen-actor';

export interface MyApplication extends ApplicationView {
  /** Whom it is about, for the list («Иванова Анна Сергеевна»); null until that person exists. */
  subjectName: string | null;
}

export interface ListMyApplicationsInput {
  /** At most 100; 50 by default. */
  limit?: number;
  offset?: number;
}

/**
 * «Мои заявления» (journey 8): the applications the citizen submitted, and those about the children they
 * represent (a parent sees what the other parent filed for their child), newest first.
 */
export async function listMyApplications(
  input: ListMyApplicationsInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<MyApplication[]> {
  const now = options.now ?? new Date();
  // A portal read page: a replica serves it once it has replayed this citizen's own writes (ADR 0026).
  const db = readHandle('portal_page', actor);
  const ctx = await citizenContext(actor, now);
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 50), 1), 100);
  const offset = Math.max(Math.trunc(input.offset ?? 0), 0);
  const rows = await db
    .select({
      app: applications,
      lastName: persons.lastName,
      firstName: persons.firstName,
      patronymic: persons.patronymic,
    })
    .from(applications)
    .leftJoin(persons, eq(persons.id, applications.subjectPersonId))
    .where(
      or(
        eq(applications.applicantSub, ctx.actor.id),
        ctx.childIds.length ? inArray(applications.subjectPersonId, [...ctx.childIds]) : undefined,
      ),
    )
    .orderBy(desc(applications.submittedAt), desc(applications.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => ({
    ...toApplicationView(r.app, now),
    subjectName: r.lastName ? [r.lastName, r.firstName, r.patronymic].filter(Boolean).join(' ') : null,
  }));
}
