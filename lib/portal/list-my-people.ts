import { inArray } from 'drizzle-orm';
import { personEnp } from '@/lib/register/russian-key';
import { persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { readHandle } from '@/lib/register/replica-reads';
import { citizenContext, type UseCaseOptions } from '@/lib/auth/citizen-actor';
import type { LocalDate } from '@/lib/domain/dates';

export interface MyPerson {
  personId: number;
  self: boolean;
  enp: string;
  lastName: string;
  firstName: string;
  patronymic: string | null;
  birthDate: LocalDate;
}

/**
 * The people the signed-in citizen may see and act for: themselves (when in the register) and the
 * children they represent today, as the register says now — a child registered a minute ago included.
 */
export async function listMyPeople(actor: Actor, options: UseCaseOptions = {}): Promise<MyPerson[]> {
  const now = options.now ?? new Date();
  // A portal read page: a replica serves it once it has replayed this citizen's own writes (ADR 0026).
  const db = readHandle('portal_page', actor);
  const ctx = await citizenContext(actor, now);
  const ids = [...(ctx.selfId !== null ? [ctx.selfId] : []), ...ctx.childIds];
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      personId: persons.id,
      enp: personEnp,
      lastName: persons.lastName,
      firstName: persons.firstName,
      patronymic: persons.patronymic,
      birthDate: persons.birthDate,
    })
    .from(persons)
    .where(inArray(persons.id, ids));
  return rows
    .map((r) => ({ ...r, birthDate: r.birthDate as LocalDate, self: r.personId === ctx.selfId }))
    .sort((a, b) => (a.self !== b.self ? (a.self ? -1 : 1) : a.birthDate.localeCompare(b.birthDate)));
}
