import { afterOwnWrite } from './replica-reads';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db/client';
import type { RegisterEventAction } from './event-labels';
import { persons, registerEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission, type Permission } from '@/lib/auth/permissions';
import type { LocalDate } from '@/lib/domain/dates';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { AppError } from '@/lib/errors';
import { latestCoverage, type CoverageRow } from './coverage-queries';
import { toAppError } from './db-errors';

/** Who, through what, and why: carried by every change into its register event. */
export interface WriteMeta {
  actor: Actor;
  /** The channel or feed: `portal`, `console`, `api`, `feed:zags`, `system`, … */
  source: string;
  reason?: string | null;
  /** The clock, injectable so rules about dates are testable; defaults to now. */
  now?: Date;
  /**
   * An enclosing transaction the write joins, as a savepoint: a refusal undoes only this write. Callers
   * record their own rows atomically with the register change — an operator's decision on an application
   * and its audit entry; a feed event's exactly-once record and its effect.
   */
  within?: Transaction;
}

export type EventEntity = (typeof registerEvents.$inferInsert)['entity'];

export interface RegisterEventInput {
  personId: number;
  entity: EventEntity;
  entityId: number | null;
  action: RegisterEventAction;
  effectiveDate: LocalDate;
  data?: unknown;
}

export type PersonRow = typeof persons.$inferSelect;

/** The one write path: a transaction, the person's row lock, and the event written with the new state. */
export class Writer {
  constructor(
    readonly tx: Transaction,
    readonly meta: WriteMeta,
  ) {}

  get now(): Date {
    return this.meta.now ?? new Date();
  }

  /** Today in the register's zone (the jurisdiction profile's: Moscow, Almaty). */
  get today(): LocalDate {
    return jurisdictionProfile().today(this.now);
  }

  private recordTimeText: string | null = null;

  /**
   * The record time of this write, read once after the locks are held and kept at full precision: the
   * retraction of a period and the insert of its successors share it exactly, and it is later than any
   * write this one waited for (a transaction's now() would be its start, possibly earlier).
   */
  async recordTime(): Promise<SQL> {
    if (!this.recordTimeText) {
      const { rows } = await this.tx.execute<{ t: string }>(sql`select clock_timestamp()::text as t`);
      this.recordTimeText = rows[0]!.t;
    }
    return sql`${this.recordTimeText}::timestamptz`;
  }

  /**
   * Locks the person's row for the rest of the transaction, so concurrent writes to one person are
   * serialised: the second sees the first's result and is judged on it. A use case that changes the person
   * locks them through `lockAuthorised`; this is for the others a write touches (a representative).
   */
  async lockPerson(personId: number): Promise<PersonRow> {
    const [row] = await this.tx.select().from(persons).where(eq(persons.id, personId)).for('update');
    if (!row) throw new AppError('PERSON_NOT_FOUND');
    return row;
  }

  /**
   * Locks the person and, before anything else is read or decided about them, checks that the actor may
   * do `permission` to them. The scope is where the person is insured now (their latest period), or
   * `target` for someone with no period yet (a first policy). Only then is the version compared: with
   * `expectedVersion`, a write prepared from an older view is refused with CONFLICT.
   */
  async lockAuthorised(
    personId: number,
    permission: Permission,
    options: { expectedVersion?: number; target?: { subjectCode: string; insurerCode: string } } = {},
  ): Promise<{ person: PersonRow; latest: CoverageRow | null }> {
    const person = await this.lockPerson(personId);
    const latest = await latestCoverage(this.tx, person.id);
    requirePermission(this.meta.actor, permission, {
      personId: person.id,
      subjectCode: latest?.subjectCode ?? options.target?.subjectCode ?? null,
      insurerCode: latest?.insurerCode ?? options.target?.insurerCode ?? null,
    });
    const { expectedVersion } = options;
    if (expectedVersion !== undefined && person.version !== expectedVersion) {
      throw new AppError('CONFLICT', { details: { expectedVersion, actualVersion: person.version } });
    }
    return { person, latest };
  }

  /** Marks the person's aggregate as changed (version and updated_at). */
  async touchPerson(personId: number): Promise<void> {
    await this.tx
      .update(persons)
      .set({ version: sql`${persons.version} + 1`, updatedAt: this.now })
      .where(and(eq(persons.id, personId)));
  }

  async record(event: RegisterEventInput): Promise<void> {
    await this.tx.insert(registerEvents).values(registerEventRow(this.meta, event));
  }
}

/** The register_events row of a change made under `meta` (record time is the column's default). */
export function registerEventRow(meta: WriteMeta, event: RegisterEventInput) {
  return {
    personId: event.personId,
    entity: event.entity,
    entityId: event.entityId,
    action: event.action,
    effectiveDate: event.effectiveDate,
    actorKind: meta.actor.kind,
    actorId: meta.actor.id,
    source: meta.source,
    reason: meta.reason ?? null,
    data: event.data ?? null,
  };
}

/** Runs a write use case in one transaction; any failure rolls everything back and becomes an AppError. */
export async function runWrite<T>(meta: WriteMeta, work: (w: Writer) => Promise<T>): Promise<T> {
  try {
    const run = (tx: Transaction) => work(new Writer(tx, meta));
    if (meta.within) return await meta.within.transaction(run);
    try {
      return await getDb().transaction(run);
    } finally {
      // The actor's next reads see this change even when a replica serves them (ADR 0026).
      await afterOwnWrite(meta.actor);
    }
  } catch (error) {
    throw toAppError(error);
  }
}
