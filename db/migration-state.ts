import type pg from 'pg';
// Imported, not read from disk: this module also runs inside Next's bundle (/api/health), where the
// migrations folder is not beside the code.
import journal from './migrations/meta/_journal.json' with { type: 'json' };

/** The newest committed migration's timestamp (its journal `when`, which drizzle records when applied). */
const LATEST_COMMITTED = Math.max(...journal.entries.map((e) => e.when));

/** Whether the database has every committed migration (readiness, ADR 0028); false when none ran. */
export async function migrationsCurrent(db: Pick<pg.Pool, 'query'>): Promise<boolean> {
  const { rows: present } = await db.query<{ ok: boolean }>(
    `select to_regclass('drizzle.__drizzle_migrations') is not null as ok`,
  );
  if (!present[0]?.ok) return false;
  const { rows } = await db.query<{ latest: string | null }>(
    'select max(created_at)::text as latest from drizzle.__drizzle_migrations',
  );
  const latest = rows[0]?.latest;
  return latest != null && Number(latest) >= LATEST_COMMITTED;
}
