import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { registerChecksumAt } from '@/testing/feeds/register-checksum';
import { secondDatabase, seedFeedRegister, writeTestFeed } from '@/testing/feeds/feed-registers';

/**
 * The crash test (issue 12): `npm run feeds:import` killed with SIGKILL at random points several times
 * and run again to the end leaves the register a clean run leaves — nothing lost, nothing doubled.
 */
const crashedUrl = process.env.DATABASE_URL!;
let clean: Awaited<ReturnType<typeof secondDatabase>>;
let file: string;
const EVENTS = 1500;
const KILLS = 4;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

function startImport(url: string): { done: Promise<Run>; kill: () => void } {
  // node itself with tsx as a loader: one process, so SIGKILL kills the import (the tsx launcher would
  // leave its node child running on).
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/feeds-import.ts',
      '--source',
      'zags',
      file,
      '--no-progress',
      '--batch',
      '100',
    ],
    { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<Run>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

const recorded = async (url: string) =>
  (await query<{ n: number }>(url, 'select count(*)::int as n from feed_events'))[0]!.n;

let kills: { from: number; at: number; finished: boolean; signal: NodeJS.Signals | null }[] = [];
let runs: { lines: number; finished: boolean }[] = [];
let last: Run;
let cleanRun: Run;

beforeAll(async () => {
  clean = await secondDatabase();
  await seedFeedRegister(crashedUrl, 1200);
  await seedFeedRegister(clean.url, 1200);
  file = await writeTestFeed(crashedUrl, {
    events: EVENTS,
    invalid: 0.01,
    duplicates: 0.02,
    outOfOrder: 0.02,
  });
  cleanRun = await startImport(clean.url).done;

  kills = [];
  for (let k = 0; k < KILLS; k++) {
    // A random point: once the import has recorded some more events than before (somewhere in a batch,
    // between batches, or in the resume point's update).
    const from = await recorded(crashedUrl);
    const target = Math.min(
      (await recorded(crashedUrl)) + 50 + Math.floor(Math.random() * 300),
      EVENTS - 200,
    );
    const run = startImport(crashedUrl);
    let exited = false;
    void run.done.then(() => (exited = true));
    while (!exited && (await recorded(crashedUrl)) < target) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
    run.kill();
    const { signal } = await run.done;
    const [open] = await query<{ finished: boolean }>(
      crashedUrl,
      `select finished_at is not null as finished from feed_import_runs order by id desc limit 1`,
    );
    kills.push({ from, at: await recorded(crashedUrl), finished: open?.finished ?? false, signal });
  }
  last = await startImport(crashedUrl).done;
  runs = await query<{ lines: number; finished: boolean }>(
    crashedUrl,
    'select lines_done::int as lines, finished_at is not null as finished from feed_import_runs',
  );
}, 90_000);

afterAll(async () => {
  rmSync(file, { force: true });
  await closeDb();
  await clean.drop();
});

describe('an import killed with SIGKILL and run again', () => {
  it('was killed mid-way each time', () => {
    expect(kills).toHaveLength(KILLS);
    for (const k of kills) {
      expect(k.signal).toBe('SIGKILL');
      expect(k.finished).toBe(false);
    }
    expect(kills.at(-1)!.at).toBeGreaterThan(kills[0]!.at);
    // Nothing went on after a kill: each run began where the killed one had stopped.
    for (let k = 1; k < KILLS; k++) expect(kills[k]!.from).toBe(kills[k - 1]!.at);
  });

  it('resumes and finishes (rejected lines make the exit status 1)', () => {
    expect(cleanRun.output).toContain('Импорт завершён');
    expect(last.output).toContain('Продолжен прерванный импорт');
    expect(runs).toEqual([{ lines: EVENTS, finished: true }]);
    expect(last.code).toBe(1);
    expect(cleanRun.code).toBe(1);
  });

  it('leaves the register a clean run leaves', async () => {
    const crashed = await registerChecksumAt(crashedUrl);
    const reference = await registerChecksumAt(clean.url);
    expect(crashed).toEqual(reference);
    expect(Number(reference.feedEvents!.split(':')[0])).toBeGreaterThan(EVENTS * 0.9);
  });
});
