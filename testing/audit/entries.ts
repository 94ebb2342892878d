import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { logAccess, type AccessChannel } from '@/lib/audit/access-log';

/** The staff the audit-log tests act as. */
export const auditActors = {
  ffoms: { kind: 'staff', id: 'admin', role: 'ffoms_admin' },
  tfoms77: { kind: 'staff', id: 'tfoms77', role: 'tfoms_operator', subjectCode: '77' },
  tfoms50: { kind: 'staff', id: 'tfoms50', role: 'tfoms_operator', subjectCode: '50' },
  smo77: { kind: 'staff', id: 'smo77001', role: 'smo_operator', insurerCode: '77001' },
} as const satisfies Record<string, Actor>;

/** A staff action at a given instant (the table's own default would be now). */
export async function addStaffAction(entry: {
  at: string;
  login: string;
  organisation: string | null;
  action: string;
  personId?: number | null;
}): Promise<void> {
  await getDb().execute(
    sql`insert into staff_actions (at, login, organisation_code, action, person_id)
        values (${entry.at}::timestamptz, ${entry.login}, ${entry.organisation}, ${entry.action}, ${entry.personId ?? null})`,
  );
}

/** A read of personal data at a given instant, through the access log's one writer. */
export async function addAccess(entry: {
  at: string;
  actor: Actor;
  channel: AccessChannel;
  personId: number | null;
  purpose: string;
}): Promise<void> {
  await logAccess({ ...entry, at: new Date(entry.at), result: 'found' });
}
