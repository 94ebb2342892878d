import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db/client';
import { staffAccounts } from '@/db/schema';
import { AUTO_DECIDER } from './immediate-application';

/** Who moved an application, as `kind` + `id` (the status history's columns). */
export interface ActorRef {
  kind: string;
  id: string;
}

/** `staff:tfoms77` (the application's `decided_by`) as an actor reference. */
export function parseActorRef(value: string): ActorRef {
  const at = value.indexOf(':');
  return at < 0 ? { kind: value, id: '' } : { kind: value.slice(0, at), id: value.slice(at + 1) };
}

/**
 * Names of the actors on an application's history, in Russian: an employee by their full name and login
 * (an account deleted since by the login alone), the automatic decision, the applicant.
 */
export async function actorNames(db: Executor, refs: readonly ActorRef[]): Promise<Map<string, string>> {
  const logins = [...new Set(refs.filter((r) => r.kind === 'staff').map((r) => r.id))];
  const staff = logins.length
    ? await db
        .select({ login: staffAccounts.login, fullName: staffAccounts.fullName })
        .from(staffAccounts)
        .where(inArray(staffAccounts.login, logins))
    : [];
  const byLogin = new Map(staff.map((s) => [s.login, s.fullName]));
  const names = new Map<string, string>();
  for (const r of refs) {
    const key = `${r.kind}:${r.id}`;
    if (r.kind === 'staff') {
      const name = byLogin.get(r.id);
      names.set(key, name ? `${name} (${r.id})` : `сотрудник ${r.id}`);
    } else if (r.kind === 'citizen') names.set(key, 'заявитель');
    else if (key === `${AUTO_DECIDER.kind}:${AUTO_DECIDER.id}`) names.set(key, 'автоматическая проверка');
    else names.set(key, 'регистр');
  }
  return names;
}
