import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FEED_LIMITS } from '@/api/v1/feeds/limits';
import { event } from '@/testing/feeds/events';
import type { ApplyFeedEvents, EventOutcome } from '../outcome';
import { importFeedFile } from './import-feed';

/**
 * The import frame (ADR 0022, 0031) with batches written beside each other: the batches of independent
 * rows (`mayOverlap`) are applied two at a time, never more, and every other batch alone; whatever order
 * the applies finish in, the resume points move in file order and never past a batch not yet written.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'import-frame-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const person = {
  enp: null,
  lastName: 'Иванов',
  firstName: 'Пётр',
  patronymic: null,
  birthDate: '1990-01-01',
};
const BATCH = 3;

/** A military feed file: `n` events, `service.ended` at the lines in `ended` (1-based), the rest started. */
function feedFile(name: string, n: number, ended: readonly number[] = []): string {
  const file = path.join(dir, name);
  const lines = Array.from({ length: n }, (_, i) =>
    JSON.stringify(
      ended.includes(i + 1)
        ? event('service.ended', { person, endedOn: '2026-02-10' })
        : event('service.started', { person, startedOn: '2026-02-01' }),
    ),
  );
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/**
 * An apply that answers every event applied after a delay that makes later batches finish first, and
 * records how many applies ran at once and the resume points the import reported.
 */
function recordingApply() {
  const seen = { running: 0, most: 0, finished: [] as number[], together: [] as number[] };
  const apply: ApplyFeedEvents = async (_source, events) => {
    seen.running++;
    seen.most = Math.max(seen.most, seen.running);
    seen.together.push(seen.running);
    const first = events[0]!.line;
    // Odd batches take longer than the even ones after them.
    await new Promise((r) => setTimeout(r, first % (2 * BATCH) === 1 ? 60 : 5));
    seen.running--;
    seen.finished.push(first);
    return events.map((e): EventOutcome => ({
      line: e.line,
      eventId: e.event.eventId,
      type: e.event.type,
      status: 'applied',
      personId: 1,
    }));
  };
  return { apply, seen };
}

async function run(file: string, apply: ApplyFeedEvents, overlap: boolean) {
  const points: number[] = [];
  const summary = await importFeedFile({
    source: 'military',
    file,
    batchSize: BATCH,
    startedBy: 'test',
    apply,
    maxLineBytes: FEED_LIMITS.lineBytes,
    onProgress: (p) => points.push(p.linesDone),
    mayOverlap: overlap ? (events) => events.every((e) => e.event.type === 'service.started') : undefined,
  });
  return { summary, points };
}

describe('the bulk import writing batches beside each other', () => {
  it('applies batches of independent rows two at a time and saves resume points in file order', async () => {
    const { apply, seen } = recordingApply();
    const { summary, points } = await run(feedFile('overlap.ndjson', 30), apply, true);
    expect(seen.most).toBe(2);
    // A later batch finished before an earlier one…
    expect(seen.finished).not.toEqual([...seen.finished].sort((a, b) => a - b));
    // …yet the resume points went up batch by batch.
    expect(points).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30, 30]);
    expect(summary.counts).toEqual({ applied: 30, duplicate: 0, pending: 0, rejected: 0 });
  });

  it('writes a batch that may not overlap alone', async () => {
    const { apply, seen } = recordingApply();
    // Lines 4 and 10 end a service: batches 2 and 4 (lines 4–6, 10–12) must run with nothing beside them.
    const { points } = await run(feedFile('mixed.ndjson', 18, [4, 10]), apply, true);
    expect(points).toEqual([3, 6, 9, 12, 15, 18, 18]);
    // Batches 2 and 4 started with nothing else running, batch 6 beside batch 5 (starts in file order).
    expect(seen.together).toEqual([1, 1, 1, 1, 1, 2]);
  });

  it('writes one batch at a time without mayOverlap', async () => {
    const { apply, seen } = recordingApply();
    const { points } = await run(feedFile('serial.ndjson', 12), apply, false);
    expect(seen.most).toBe(1);
    expect(seen.finished).toEqual([1, 4, 7, 10]);
    expect(points).toEqual([3, 6, 9, 12, 12]);
  });
});
