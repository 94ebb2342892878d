import { accessLog } from '@/db/schema';
import { getDb, getLoggedReadPool } from '@/db/client';
import { actorOrganisation, type Actor } from '@/lib/auth/actor';
import { logger } from '@/lib/ops/logger';

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
    logger().error(
      { kept: pending.length },
      'access log: buffer full while the database is down; the oldest entry dropped',
    );
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

/**
 * At shutdown (ADR 0028): writes what is still buffered, trying a few times while the database comes back;
 * returns how many rows were written. Rows it cannot write are logged as lost (their count, no data).
 */
export async function drainAccessLog(attempts = 3): Promise<number> {
  const buffered = pending.length;
  for (let attempt = 1; ; attempt++) {
    try {
      await flushPendingAccess();
      return buffered;
    } catch (error) {
      if (attempt >= attempts) {
        logger().error({ err: error, lost: pending.length }, 'access log: rows not written at shutdown');
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

const GROUP_INSERT = `
insert into access_log (at, actor_kind, actor_id, organisation_code, person_id, channel, purpose, result, details)
select * from unnest($1::timestamptz[], $2::actor_kind[], $3::varchar[], $4::varchar[], $5::bigint[],
                     $6::access_channel[], $7::varchar[], $8::varchar[], $9::text[])`;

const waiting: { row: typeof accessLog.$inferInsert; done: () => void }[] = [];
let inserting = false;
/** Rows per insert: bounds one statement's size under a burst. */
const GROUP_MAX = 500;

async function insertWaiting(): Promise<void> {
  inserting = true;
  try {
    while (waiting.length > 0) {
      const group = waiting.splice(0, GROUP_MAX);
      const rows = group.map((g) => g.row);
      try {
        await flushPendingAccess();
        await getLoggedReadPool().query({
          name: 'access_log_group_insert',
          text: GROUP_INSERT,
          values: [
            rows.map((r) => r.at),
            rows.map((r) => r.actorKind),
            rows.map((r) => r.actorId),
            rows.map((r) => r.organisationCode ?? null),
            rows.map((r) => r.personId ?? null),
            rows.map((r) => r.channel),
            rows.map((r) => r.purpose),
            rows.map((r) => r.result),
            rows.map((r) => r.details ?? null),
          ],
        });
      } catch {
        for (const row of rows) keepForLater(row);
      }
      for (const g of group) g.done();
    }
  } finally {
    inserting = false;
  }
}

/**
 * The access-log row of a read a replica served (ADR 0026): written to the primary, on the lookup's pool
 * whose commits do not wait for the WAL flush (ADR 0009). Rows of reads that finish while an insert is
 * under way wait and go together in the next one (group commit: no timer, so a lone read waits for one
 * insert only). The promise settles once the row is committed — or, when the primary cannot take it, kept
 * for later like `logAccess`'s — so a read is answered only after its row is safe from an app crash.
 */
export function logReplicaRead(entry: AccessEntry): Promise<void> {
  return new Promise((done) => {
    waiting.push({ row: toRow(entry), done });
    if (!inserting) void insertWaiting();
  });
}
