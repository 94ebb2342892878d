import { getDb } from '@/db/client';
import { migrationsCurrent } from '@/db/migration-state';
import { isStopping } from '@/lib/ops/lifecycle';

export type NodeRole = 'primary' | 'replica' | 'unknown';

export interface DatabaseProbe {
  up: boolean;
  latencyMs: number | null;
  /** From pg_is_in_recovery(): a standby answers as a replica; unknown when the database does not answer. */
  role: NodeRole;
  migrationsCurrent: boolean | null;
}

/**
 * The database as a probe sees it: does it answer, how fast, which role the node has, are the committed
 * migrations applied. Shared by readiness (/api/ready) and the health check (/api/health).
 */
export async function probeDatabase(): Promise<DatabaseProbe> {
  const t0 = performance.now();
  try {
    const pool = getDb().$client;
    const { rows } = await pool.query<{ recovery: boolean }>('select pg_is_in_recovery() as recovery');
    const latencyMs = Math.round((performance.now() - t0) * 10) / 10;
    const role: NodeRole = rows[0]?.recovery ? 'replica' : 'primary';
    return { up: true, latencyMs, role, migrationsCurrent: await migrationsCurrent(pool) };
  } catch {
    return { up: false, latencyMs: null, role: 'unknown', migrationsCurrent: null };
  }
}

export interface Readiness {
  ready: boolean;
  role: NodeRole;
  database: 'up' | 'down';
  migrationsCurrent: boolean | null;
  stopping: boolean;
  /** Why not ready, as stable codes: STOPPING, DATABASE_DOWN, MIGRATIONS_PENDING. */
  reasons: ('STOPPING' | 'DATABASE_DOWN' | 'MIGRATIONS_PENDING')[];
}

/** Whether this node should get traffic now (ADR 0028). A stopping process is not ready, at once. */
export async function checkReadiness(): Promise<Readiness> {
  const stopping = isStopping();
  const probe = await probeDatabase();
  const reasons: Readiness['reasons'] = [];
  if (stopping) reasons.push('STOPPING');
  if (!probe.up) reasons.push('DATABASE_DOWN');
  else if (!probe.migrationsCurrent) reasons.push('MIGRATIONS_PENDING');
  return {
    ready: reasons.length === 0,
    role: probe.role,
    database: probe.up ? 'up' : 'down',
    migrationsCurrent: probe.migrationsCurrent,
    stopping,
    reasons,
  };
}
