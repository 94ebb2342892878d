import { eq, inArray } from 'drizzle-orm';
import { coverages, persons } from '@/db/schema';
import {
  applyCoverageCommand,
  terminateRetroactively,
  type CoverageCommand,
  type CoveragePeriod,
} from '@/lib/domain/ru/coverage';
import type { LocalDate } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import { coverageTimeline, toPeriod, type CoverageRow } from './coverage-queries';
import { effectiveDate } from './effective-date';
import { runWrite, type PersonRow, type WriteMeta, type Writer } from './writer';
import type { RegisterEventAction } from './event-labels';

export interface CoverageChangeResult {
  personId: number;
  opened: CoveragePeriod;
  truncated: CoveragePeriod | null;
}

const ACTIONS: Record<CoverageCommand['type'], RegisterEventAction> = {
  issue: 'coverage.issued',
  suspend: 'coverage.suspended',
  renew: 'coverage.renewed',
  terminate: 'coverage.terminated',
  change_insurer: 'coverage.insurer_changed',
  change_region: 'coverage.region_changed',
};

export interface CoverageChangeOptions {
  personId: number;
  /** Plans the change once the person and their latest period are known (and locked). */
  plan: (ctx: { person: PersonRow; latest: CoverageRow | null }) => Promise<PlannedChange> | PlannedChange;
  expectedVersion?: number;
  /** Where a first policy would put someone with no period yet: the scope the permission is checked in. */
  target?: { subjectCode: string; insurerCode: string };
}

export interface PlannedChange {
  command: CoverageCommand;
  /** Extra facts for the event (e.g. the basis of an insurer change). */
  eventData?: Record<string, unknown>;
}

/**
 * The shared write of every coverage change: lock the person, authorise, plan, ask the state machine, then
 * retract the latest believed period and insert its truncated copy and the new period (record time moves,
 * history stays), with the event, in the caller's transaction.
 */
export async function changeCoverage(
  w: Writer,
  options: CoverageChangeOptions,
): Promise<CoverageChangeResult> {
  // Permission first: nothing about the person is planned (eligibility, directories) for an actor without it.
  const { person, latest: latestRow } = await w.lockAuthorised(options.personId, 'coverage:change', {
    expectedVersion: options.expectedVersion,
    target: options.target,
  });
  const { command, eventData } = await options.plan({ person, latest: latestRow });
  if (person.deathDate && command.type !== 'terminate') throw new AppError('PERSON_DECEASED');
  if (command.on < person.birthDate) {
    throw new AppError('DATE_RANGE_INVALID', {
      message: 'Дата изменения не может быть раньше даты рождения.',
    });
  }

  const latest = latestRow ? toPeriod(latestRow) : null;
  const retroactive = command.type === 'terminate' && latest !== null && command.on < latest.validFrom;
  const { truncated, opened } = retroactive
    ? await retractFrom(w, person.id, command)
    : await replaceLatest(w, latestRow, command);
  const recordedAt = await w.recordTime();
  const [row] = await w.tx
    .insert(coverages)
    .values({ personId: person.id, ...opened, recordedFrom: recordedAt })
    .returning({ id: coverages.id });
  await w.record({
    personId: person.id,
    entity: 'coverage',
    entityId: row!.id,
    action: ACTIONS[command.type],
    effectiveDate: command.on,
    data: { opened, truncated, ...eventData },
  });
  if (
    command.type === 'terminate' &&
    (command.reason === 'death' || command.reason === 'declared_dead') &&
    !person.deathDate
  ) {
    await w.tx.update(persons).set({ deathDate: command.on }).where(eq(persons.id, person.id));
    await w.record({
      personId: person.id,
      entity: 'person',
      entityId: person.id,
      action: 'person.died',
      effectiveDate: command.on,
      data: { deathDate: command.on },
    });
  }
  await w.touchPerson(person.id);
  return { personId: person.id, opened, truncated };
}

/** The usual change: the latest period is cut at the command's date (kept in record time) and followed. */
async function replaceLatest(
  w: Writer,
  latestRow: CoverageRow | null,
  command: CoverageCommand,
): Promise<{ truncated: CoveragePeriod | null; opened: CoveragePeriod }> {
  const latest = latestRow ? toPeriod(latestRow) : null;
  const transition = applyCoverageCommand(latest, command);
  if (!transition.ok) throw new AppError(transition.code, { message: transition.message });
  const { truncated, opened } = transition;
  const latestChanged = latestRow !== null && (truncated === null || truncated.validTo !== latest?.validTo);
  if (latestChanged) {
    const recordedAt = await w.recordTime();
    await w.tx.update(coverages).set({ recordedTo: recordedAt }).where(eq(coverages.id, latestRow.id));
    if (truncated) {
      await w.tx.insert(coverages).values({
        personId: latestRow.personId,
        ...truncated,
        form: latestRow.form,
        recordedFrom: recordedAt,
      });
    }
  }
  return { truncated, opened };
}

/**
 * A termination dated before the latest period (learnt late, e.g. a death registered after later
 * changes): the periods from that date on stop being believed (record time keeps them) and the period in
 * force that day is cut there.
 */
async function retractFrom(
  w: Writer,
  personId: number,
  command: Extract<CoverageCommand, { type: 'terminate' }>,
): Promise<{ truncated: CoveragePeriod | null; opened: CoveragePeriod }> {
  const rows = await coverageTimeline(w.tx, personId);
  const periods = rows.map(toPeriod);
  const result = terminateRetroactively(periods, command);
  if (!result.ok) throw new AppError(result.code, { message: result.message });
  const recordedAt = await w.recordTime();
  const retractedIds = rows.filter((_, i) => result.retracted.includes(periods[i]!)).map((r) => r.id);
  await w.tx.update(coverages).set({ recordedTo: recordedAt }).where(inArray(coverages.id, retractedIds));
  if (result.truncated) {
    const form = rows[periods.indexOf(result.retracted[0]!)]!.form;
    await w.tx.insert(coverages).values({ personId, ...result.truncated, form, recordedFrom: recordedAt });
  }
  return { truncated: result.truncated, opened: result.opened };
}

/** Who a change of an existing policy is about: the person and the version the caller saw. */
export interface PolicyChangeTarget {
  personId: number;
  expectedVersion?: number;
}

/**
 * A change of the person's current policy (insurer, region), effective today: refused with
 * COVERAGE_NONE when the person has never had one; `plan` is given the latest period and the date.
 */
export async function changeCurrentPolicy(
  target: PolicyChangeTarget,
  meta: WriteMeta,
  plan: (w: Writer, latest: CoverageRow, on: LocalDate) => Promise<PlannedChange>,
): Promise<CoverageChangeResult> {
  return runWrite(meta, (w) =>
    changeCoverage(w, {
      personId: target.personId,
      expectedVersion: target.expectedVersion,
      plan: ({ latest }) => {
        if (!latest) throw new AppError('COVERAGE_NONE');
        return plan(w, latest, w.today);
      },
    }),
  );
}

/**
 * A suspension or termination: the reason must be one the command allows (checked before any read), and
 * the change takes effect on the date given or today.
 */
export async function changeWithReason<R extends string>(
  reasons: readonly R[],
  input: PolicyChangeTarget & { reason: R; on?: string | null },
  meta: WriteMeta,
  command: (on: LocalDate) => CoverageCommand,
): Promise<CoverageChangeResult> {
  if (!reasons.includes(input.reason)) {
    throw AppError.validation([fieldIssue('reason', 'COVERAGE_REASON_INVALID')]);
  }
  return runWrite(meta, (w) =>
    changeCoverage(w, {
      personId: input.personId,
      expectedVersion: input.expectedVersion,
      plan: () => ({ command: command(effectiveDate(input.on, w.today)) }),
    }),
  );
}
