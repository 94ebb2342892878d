import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { feedImportRuns } from '@/db/schema';
import type { AnyFeedSource } from '../events';
import { fieldIssue, type FieldIssue } from '@/lib/errors';
import { parseFeedEvent, type ApplyFeedEvents, type EventOutcome, type ParsedEvent } from '../outcome';
import { ndjsonLines } from './ndjson-file';

/**
 * The bulk import of a feed file: the file is read line by line (backpressure: while a batch is written —
 * two, when both are of independent rows (`mayOverlap`) — reading the next waits for room), each line
 * validated on its own by the feeds' own parser, and the valid events handed in batches to the feeds'
 * apply seam — the same validation and use cases as the API. A resume point per
 * file (feed_import_runs) is moved after each batch, so an interrupted import goes on where it stopped;
 * the exactly-once guarantee itself is the events' dedup records, which make any replayed line a no-op.
 */

export interface ImportCounts {
  applied: number;
  duplicate: number;
  pending: number;
  rejected: number;
}

export interface RejectedLine {
  line: number;
  eventId: string | null;
  issues: FieldIssue[];
}

export interface ImportProgress {
  bytesDone: number;
  fileBytes: number;
  linesDone: number;
  counts: ImportCounts;
}

export interface ImportSummary {
  runId: number;
  lines: number;
  counts: ImportCounts;
  /** Rejected lines of this run (lines before a resume point were reported by the run that read them). */
  rejected: RejectedLine[];
  /** Where this run began when it resumed an interrupted import, with the counts up to there. */
  resumedAt: { line: number; counts: ImportCounts } | null;
  seconds: number;
}

export interface ImportOptions {
  source: AnyFeedSource;
  file: string;
  /** Events per batch handed to `apply`. */
  batchSize: number;
  /** Who runs the import (recorded on the resume point). */
  startedBy: string;
  apply: ApplyFeedEvents;
  /** Longest accepted line in bytes (the feed API's bound, FEED_LIMITS.lineBytes). */
  maxLineBytes: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Stops the import after the batch in hand (its resume point saved). */
  signal?: AbortSignal;
  /**
   * Whether a batch may be written beside another such batch, on its own connection (apply-batch.ts's
   * `mayOverlap`: independent rows only). Without it, batches are written one after another.
   */
  mayOverlap?: (events: readonly ParsedEvent[]) => boolean;
}

/** Batches written at once at most (two: the database has two cores here, and Node needs some of them). */
const MAX_IN_FLIGHT = 2;

async function fileSha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>)
    hash.update(chunk);
  return hash.digest('hex');
}

/** The open run of this file, or a new one. */
async function openRun(options: ImportOptions, fileBytes: number, sha: string) {
  const db = getDb();
  const [open] = await db
    .select()
    .from(feedImportRuns)
    .where(
      and(
        eq(feedImportRuns.source, options.source),
        eq(feedImportRuns.fileSha256, sha),
        isNull(feedImportRuns.finishedAt),
      ),
    );
  if (open) return open;
  const [created] = await db
    .insert(feedImportRuns)
    .values({
      source: options.source,
      fileName: basename(options.file),
      fileBytes,
      fileSha256: sha,
      startedBy: options.startedBy,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) throw new Error('Этот файл уже импортируется другим процессом.');
  return created;
}

export async function importFeedFile(options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { size: fileBytes } = await stat(options.file);
  const run = await openRun(options, fileBytes, await fileSha256(options.file));
  const resumed = run.linesDone > 0 || run.bytesDone > 0;
  const counts: ImportCounts = {
    applied: run.applied,
    duplicate: run.duplicate,
    pending: run.pending,
    rejected: run.rejected,
  };
  const before = { ...counts };
  const rejected: RejectedLine[] = [];
  let linesDone = run.linesDone;
  let bytesDone = run.bytesDone;
  let batch: ParsedEvent[] = [];

  const count = (outcome: EventOutcome) => {
    counts[outcome.status]++;
    if (outcome.status === 'rejected')
      rejected.push({ line: outcome.line, eventId: outcome.eventId, issues: outcome.issues });
  };
  // Lines refused while reading a batch are counted with it, so a saved resume point never counts lines
  // beyond it (they are read, and refused, again after a resume).
  let refusedInBatch: EventOutcome[] = [];
  const checkpoint = async (line: number, offset: number) => {
    linesDone = line;
    bytesDone = offset;
    await getDb()
      .update(feedImportRuns)
      .set({ linesDone, bytesDone, ...counts, updatedAt: sql`now()` })
      .where(eq(feedImportRuns.id, run.id));
    options.onProgress?.({ bytesDone, fileBytes, linesDone, counts: { ...counts } });
  };
  // Batches are applied by `apply` and then settled — counted and their resume point saved — strictly in
  // file order, each after the one before it: a resume point never passes a batch not yet written, and a
  // batch that fails stops every later one from saving theirs (their events are duplicates next time).
  let settled: Promise<void> = Promise.resolve();
  const writeBatch = (events: ParsedEvent[], refusals: EventOutcome[], line: number, offset: number) => {
    const applying = events.length > 0 ? options.apply(options.source, events) : Promise.resolve([]);
    // Marked handled here; the settling below awaits it.
    applying.catch(() => undefined);
    const before = settled;
    settled = (async () => {
      const outcomes = await applying;
      await before;
      if (outcomes.length !== events.length)
        throw new Error(`apply answered ${outcomes.length} outcomes for ${events.length} events`);
      refusals.forEach(count);
      outcomes.forEach(count);
      await checkpoint(line, offset);
    })();
    // Awaited by a later flush or at the end; marked handled so a failure waits for that await.
    settled.catch(() => undefined);
    return settled;
  };
  // While one batch is written the next is read and checked (Node's parsing overlaps the database's
  // writing). A batch of independent rows (`mayOverlap`) may also be written beside another such batch.
  let inFlight: { done: Promise<void>; overlaps: boolean }[] = [];
  const whenAllWritten = () => settled;
  const flush = async (line: number, offset: number) => {
    const overlaps = batch.length > 0 && (options.mayOverlap?.(batch) ?? false);
    const roomFor = () =>
      overlaps ? inFlight.length < MAX_IN_FLIGHT && inFlight.every((b) => b.overlaps) : inFlight.length === 0;
    while (!roomFor()) await Promise.race(inFlight.map((b) => b.done));
    const entry = { done: writeBatch(batch, refusedInBatch, line, offset), overlaps };
    inFlight.push(entry);
    void entry.done.then(
      () => (inFlight = inFlight.filter((b) => b !== entry)),
      () => undefined,
    );
    batch = [];
    refusedInBatch = [];
  };

  let last = { line: linesDone, end: bytesDone };
  try {
    for await (const l of ndjsonLines(options.file, {
      maxLineBytes: options.maxLineBytes,
      start: { offset: bytesDone, line: linesDone },
    })) {
      last = l;
      const refused = (issue: FieldIssue) =>
        refusedInBatch.push({ line: l.line, eventId: null, type: null, status: 'rejected', issues: [issue] });
      if (l.text === null) {
        refused(fieldIssue('line', 'FEED_LINE_TOO_LONG', `Строка длиннее ${options.maxLineBytes} байт.`));
      } else {
        let raw: unknown;
        try {
          raw = JSON.parse(l.text);
        } catch {
          raw = undefined;
          refused(fieldIssue('line', 'FEED_STREAM_MALFORMED', 'Строка не разбирается как JSON.'));
        }
        if (raw !== undefined) {
          const parsed = parseFeedEvent(options.source, raw, l.line);
          if (parsed.ok) batch.push(parsed.parsed);
          else refusedInBatch.push(parsed.outcome);
        }
      }
      if (batch.length >= options.batchSize) {
        await flush(l.line, l.end);
        if (options.signal?.aborted) {
          await whenAllWritten();
          options.signal.throwIfAborted();
        }
      }
    }
  } catch (error) {
    // A read failure: the batch being written settles first (its resume point), then the error.
    await whenAllWritten().catch(() => undefined);
    throw error;
  }
  await flush(Math.max(last.line, linesDone), fileBytes);
  await whenAllWritten();
  await getDb()
    .update(feedImportRuns)
    .set({ finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(eq(feedImportRuns.id, run.id));
  return {
    runId: run.id,
    lines: linesDone,
    counts,
    rejected,
    resumedAt: resumed ? { line: run.linesDone, counts: before } : null,
    seconds: (performance.now() - started) / 1000,
  };
}
