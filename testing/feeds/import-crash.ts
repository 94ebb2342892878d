import { spawn } from 'node:child_process';
import pg from 'pg';

/**
 * The crash test's harness (issue 12, ADR 0022, 0031): `npm run feeds:import` run as a child process,
 * SIGKILLed at random points after it has recorded more events, then run again to the end.
 */
export interface ImportRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  output: string;
}

export interface CrashImport {
  source: string;
  file: string;
  /** Lines in the file: a kill is aimed before its last `margin` (200 by default). */
  events: number;
  batch: number;
  /** Lines left after the last kill's aim: more for a fast import, so it cannot finish first. */
  margin?: number;
}

export function startImport(url: string, run: CrashImport): { done: Promise<ImportRun>; kill: () => void } {
  // node itself with tsx as a loader: one process, so SIGKILL kills the import (the tsx launcher would
  // leave its node child running on).
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/feeds-import.ts',
      '--source',
      run.source,
      run.file,
      '--no-progress',
      '--batch',
      String(run.batch),
    ],
    { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const done = new Promise<ImportRun>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return { done, kill: () => child.kill('SIGKILL') };
}

export async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
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

export interface Kill {
  from: number;
  at: number;
  finished: boolean;
  signal: NodeJS.Signals | null;
}

/** Kills the import `kills` times at random points, then runs it to the end; what happened each time. */
export async function killAndResume(
  url: string,
  run: CrashImport,
  kills: number,
): Promise<{ kills: Kill[]; last: ImportRun; runs: { lines: number; finished: boolean }[] }> {
  const out: Kill[] = [];
  for (let k = 0; k < kills; k++) {
    // A random point: once the import has recorded some more events than before (somewhere in a batch,
    // between batches, or in the resume point's update).
    const from = await recorded(url);
    const target = Math.min(from + 50 + Math.floor(Math.random() * 300), run.events - (run.margin ?? 200));
    const started = startImport(url, run);
    let exited = false;
    void started.done.then(() => (exited = true));
    while (!exited && (await recorded(url)) < target) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 40)));
    started.kill();
    const { signal } = await started.done;
    const [open] = await query<{ finished: boolean }>(
      url,
      `select finished_at is not null as finished from feed_import_runs order by id desc limit 1`,
    );
    out.push({ from, at: await recorded(url), finished: open?.finished ?? false, signal });
  }
  const last = await startImport(url, run).done;
  const runs = await query<{ lines: number; finished: boolean }>(
    url,
    'select lines_done::int as lines, finished_at is not null as finished from feed_import_runs',
  );
  return { kills: out, last, runs };
}
