/**
 * Where a read goes (ADR 0026), as a pure decision: the primary, or one of the streaming replicas that is
 * up, measured recently, fresh enough for the read's purpose and — when the caller wrote recently — has
 * replayed that write. Everything else answers from the primary; a replica is never a reason to fail.
 */

/** The reads that may be served by a replica; every other read, and every write, uses the primary. */
export type ReadPurpose = 'clinic_lookup' | 'console_search' | 'person_card' | 'dashboard' | 'portal_page';

/**
 * How old the data a read is given may be, in seconds, per purpose. A clinic seeing a policy issued a few
 * seconds ago as not yet issued is the cost of the lookup being cheap; the card is what an operator
 * corrects (and the version check refuses a correction made on a stale card); dashboards are aggregates a
 * job recomputes every few minutes anyway.
 */
export const MAX_STALENESS_SECONDS: Readonly<Record<ReadPurpose, number>> = {
  clinic_lookup: 15,
  console_search: 30,
  person_card: 10,
  dashboard: 120,
  portal_page: 15,
};

/** The longest of the limits: a remembered write older than this cannot matter to any replica read. */
export const LONGEST_STALENESS_SECONDS = Math.max(...Object.values(MAX_STALENESS_SECONDS));

/** A WAL position `X/Y` (two hex halves) as one number. */
export function parseLsn(lsn: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn);
  if (!match) throw new Error(`not a WAL position: ${lsn}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

/** The later of two WAL positions (either may be absent): what a replica must have replayed for the caller. */
export function laterLsn(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  return parseLsn(a) >= parseLsn(b) ? a : b;
}

/** What the last probe of a replica found (lib: db/read-pools.ts measures it). */
export interface ReplicaState {
  /** Up and in recovery (a streaming standby); false when it did not answer or is not a standby. */
  up: boolean;
  /** When it was measured (ms since the epoch). */
  checkedAt: number;
  /** The last WAL position it replayed. */
  replayLsn: string | null;
  /**
   * How far behind the primary it was, in seconds (0 when it had replayed all the primary had); null when
   * unknown: behind, with no transaction replayed since it started (PostgreSQL then has no replay time).
   */
  lagSeconds: number | null;
}

export type ReadTarget =
  | { target: 'replica'; index: number }
  | {
      target: 'primary';
      reason: 'no_replicas' | 'replica_down' | 'too_stale' | 'own_write_not_replayed';
    };

export interface ReadDecisionInput {
  replicas: readonly ReplicaState[];
  maxStalenessSeconds: number;
  /** The primary's WAL position after this caller's last write, when it wrote recently. */
  mustHaveReplayed: string | null;
  now: number;
  /** Spreads reads over the eligible replicas (a counter the caller advances). */
  turn: number;
}

/**
 * A replica serves the read only if, counting the time since it was measured, its data is no older than
 * the purpose allows, and it has replayed the caller's own last write. Replay only moves forward, so a
 * replay position measured earlier is a safe lower bound of the current one.
 */
export function chooseReadTarget(input: ReadDecisionInput): ReadTarget {
  if (input.replicas.length === 0) return { target: 'primary', reason: 'no_replicas' };
  const need = input.mustHaveReplayed === null ? null : parseLsn(input.mustHaveReplayed);
  const up = input.replicas.map((r, index) => ({ r, index })).filter(({ r }) => r.up);
  if (up.length === 0) return { target: 'primary', reason: 'replica_down' };
  // Unknown seconds (behind, nothing replayed since it started) count as too old for every purpose.
  const fresh = up.filter(
    ({ r }) =>
      r.lagSeconds !== null &&
      r.lagSeconds + Math.max(0, input.now - r.checkedAt) / 1000 <= input.maxStalenessSeconds,
  );
  if (fresh.length === 0) return { target: 'primary', reason: 'too_stale' };
  const replayed = fresh.filter(
    ({ r }) => need === null || (r.replayLsn !== null && parseLsn(r.replayLsn) >= need),
  );
  if (replayed.length === 0) return { target: 'primary', reason: 'own_write_not_replayed' };
  return { target: 'replica', index: replayed[Math.abs(input.turn) % replayed.length]!.index };
}

/**
 * A replica's lag from one probe: nothing when it replayed everything the primary had written; otherwise
 * the age of the last transaction it replayed (an over-estimate when the primary was idle before the
 * write it has not replayed yet, which only sends reads to the primary sooner). Without the primary's
 * position (the primary is down), the age of the last replay is all there is.
 */
export function lagFromProbe(probe: {
  primaryLsn: string | null;
  replayLsn: string | null;
  replayAgeSeconds: number | null;
}): { lagBytes: number | null; lagSeconds: number | null } {
  if (probe.replayLsn === null) return { lagBytes: null, lagSeconds: null };
  if (probe.primaryLsn === null) return { lagBytes: null, lagSeconds: probe.replayAgeSeconds };
  const bytes = parseLsn(probe.primaryLsn) - parseLsn(probe.replayLsn);
  if (bytes <= 0n) return { lagBytes: 0, lagSeconds: 0 };
  // Behind, and no transaction replayed since it started: its age is unknown, so it serves nothing.
  if (probe.replayAgeSeconds === null) return { lagBytes: Number(bytes), lagSeconds: null };
  return { lagBytes: Number(bytes), lagSeconds: Math.max(0, probe.replayAgeSeconds) };
}
