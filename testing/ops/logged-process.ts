import { spawn, type ChildProcess } from 'node:child_process';

export type LogEntry = Record<string, unknown>;

export interface LoggedProcess {
  child: ChildProcess;
  /** Every JSON log entry the process wrote on stdout so far. */
  lines: LogEntry[];
  /** Resolves when the process logs an entry that passes `test` (or has logged one already). */
  logged(test: (e: LogEntry) => boolean): Promise<void>;
  /** The exit code, when the process ends. */
  exited(): Promise<number | null>;
}

/**
 * Starts one of the project's scripts as a real process — Node itself with tsx's loader, as `npm start`
 * and `npm run worker` run it, so a signal reaches the script and not a relay — logging JSON at info on
 * stdout, which is read line by line.
 */
export function startLoggedProcess(
  script: string,
  args: string[],
  env: Record<string, string>,
): LoggedProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: LogEntry[] = [];
  const waiters: { test: (e: LogEntry) => boolean; resolve: () => void }[] = [];
  let rest = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const line of parts.filter((l) => l.startsWith('{'))) {
      const entry = JSON.parse(line) as LogEntry;
      lines.push(entry);
      for (const w of waiters.filter((x) => x.test(entry))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    lines,
    logged: (test) =>
      lines.some(test) ? Promise.resolve() : new Promise((resolve) => waiters.push({ test, resolve })),
    exited: () => exit,
  };
}

/** Waits for `started` to be logged; rejects if the process exits first. */
export async function untilStarted(p: LoggedProcess, started: (e: LogEntry) => boolean): Promise<void> {
  await Promise.race([
    p.logged(started),
    p.exited().then((code) => Promise.reject(new Error(`the process exited early (${code})`))),
  ]);
}
