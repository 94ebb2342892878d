import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { env } from '@/config/env';
import { getDb, type Executor } from '@/db/client';
import { staffAccounts, staffSessions, type StaffSessionStage } from '@/db/schema';

/**
 * Staff sessions kept on the server (ADR 0017). The cookie only names a row; a session is good while the
 * row is not ended, its account is active, it was used within STAFF_IDLE_SECONDS and began within
 * STAFF_SESSION_SECONDS. Ending rows is how sign-out, sign-out everywhere, a password change and blocking
 * an account take effect on the next request, in every process.
 */
export type StaffAccountRow = typeof staffAccounts.$inferSelect;
export type StaffSessionRow = typeof staffSessions.$inferSelect;

/** A session that has not passed its second factor or enrolment is given this long at most. */
const PENDING_SECONDS = 10 * 60;
/** `last_seen_at` is written at most this often: a page of several requests costs one update. */
const TOUCH_SECONDS = 30;

export async function openStaffSession(
  db: Executor,
  input: { staffId: number; stage: StaffSessionStage; address: string; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(staffSessions)
    .values({
      staffId: input.staffId,
      stage: input.stage,
      address: input.address,
      createdAt: input.now,
      lastSeenAt: input.now,
    })
    .returning({ id: staffSessions.id });
  return row!.id;
}

/** Why a session is no longer good; null while it is. */
export function sessionExpiry(
  session: Pick<StaffSessionRow, 'stage' | 'createdAt' | 'lastSeenAt' | 'endedAt'>,
  account: Pick<StaffAccountRow, 'active'>,
  now: Date,
  limits = { idleSeconds: env().STAFF_IDLE_SECONDS, absoluteSeconds: env().STAFF_SESSION_SECONDS },
): 'ended' | 'blocked' | 'idle' | 'absolute' | null {
  if (session.endedAt) return 'ended';
  if (!account.active) return 'blocked';
  const since = (d: Date) => (now.getTime() - d.getTime()) / 1000;
  const absolute = session.stage === 'active' ? limits.absoluteSeconds : PENDING_SECONDS;
  if (since(session.createdAt) >= absolute) return 'absolute';
  if (since(session.lastSeenAt) >= limits.idleSeconds) return 'idle';
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The session and its account if the session is still good at `now` (and marks it used); null otherwise,
 * and an expired session is ended so it cannot come back.
 */
export async function readStaffSession(
  id: string,
  now: Date = new Date(),
): Promise<{ session: StaffSessionRow; account: StaffAccountRow } | null> {
  if (!UUID.test(id)) return null;
  const db = getDb();
  const [row] = await db
    .select({ session: staffSessions, account: staffAccounts })
    .from(staffSessions)
    .innerJoin(staffAccounts, eq(staffAccounts.id, staffSessions.staffId))
    .where(eq(staffSessions.id, id));
  if (!row) return null;
  const expiry = sessionExpiry(row.session, row.account, now);
  if (expiry) {
    if (expiry !== 'ended') await endStaffSession(db, id, now);
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() >= TOUCH_SECONDS * 1000) {
    await db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, id));
  }
  return row;
}

export async function endStaffSession(db: Executor, id: string, now: Date): Promise<void> {
  await db
    .update(staffSessions)
    .set({ endedAt: now })
    .where(and(eq(staffSessions.id, id), isNull(staffSessions.endedAt)));
}

/** Ends every open session of an account, except `keep` (the one the change was made from) if given. */
export async function endAccountSessions(
  db: Executor,
  staffId: number,
  now: Date,
  keep: string | null = null,
): Promise<number> {
  const ended = await db
    .update(staffSessions)
    .set({ endedAt: now })
    .where(
      and(
        eq(staffSessions.staffId, staffId),
        isNull(staffSessions.endedAt),
        keep ? ne(staffSessions.id, keep) : sql`true`,
      ),
    )
    .returning({ id: staffSessions.id });
  return ended.length;
}
