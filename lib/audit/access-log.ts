import { accessLog } from '@/db/schema';
import { getDb } from '@/db/client';
import { actorOrganisation, type Actor } from '@/lib/auth/actor';

export type AccessChannel = (typeof accessLog.$inferInsert)['channel'];

export interface AccessEntry {
  actor: Actor;
  channel: AccessChannel;
  personId: number | null;
  purpose: string;
  result: string;
  details?: string | null;
  at?: Date;
}

/** Entries that could not be written while the database was down; written first when it is back. */
const pending: (typeof accessLog.$inferInsert)[] = [];
const MAX_PENDING = 100_000;

function toRow(entry: AccessEntry): typeof accessLog.$inferInsert {
  return {
    at: entry.at ?? new Date(),
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    organisationCode: actorOrganisation(entry.actor),
    personId: entry.personId,
    channel: entry.channel,
    purpose: entry.purpose,
    result: entry.result,
    details: entry.details ?? null,
  };
}

/**
 * The one way to record who read whose data (style: audit as a service). Reads that happen while the
 * database is down are kept in memory and written when it answers again, so no read goes unlogged.
 */
export async function logAccess(entry: AccessEntry): Promise<void> {
  const row = toRow(entry);
  try {
    await flushPendingAccess();
    await getDb().insert(accessLog).values(row);
  } catch {
    keepForLater(row);
  }
}

/** Several reads at once (one search's results): one insert, buffered like `logAccess` when it fails. */
export async function logAccesses(entries: readonly AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const rows = entries.map(toRow);
  try {
    await flushPendingAccess();
    await getDb().insert(accessLog).values(rows);
  } catch {
    for (const row of rows) keepForLater(row);
  }
}

export function keepAccessForLater(entry: AccessEntry): void {
  keepForLater(toRow(entry));
}

function keepForLater(row: typeof accessLog.$inferInsert): void {
  if (pending.length >= MAX_PENDING) {
    console.error('[access-log] buffer full while the database is down; dropping the oldest entry');
    pending.shift();
  }
  pending.push(row);
}

export function pendingAccessCount(): number {
  return pending.length;
}

/** Writes buffered entries; throws (keeping them) if the database still cannot be reached. */
export async function flushPendingAccess(): Promise<void> {
  if (pending.length === 0) return;
  const batch = pending.splice(0, pending.length);
  try {
    await getDb().insert(accessLog).values(batch);
  } catch (error) {
    pending.unshift(...batch);
    throw error;
  }
}
