import { afterAll, describe, expect, it } from 'vitest';
import { startLoggedProcess, untilStarted } from '@/testing/ops/logged-process';

/**
 * Graceful shutdown of the real worker (scripts/worker.ts, ADR 0028): on SIGTERM its job workers stop
 * (pg-boss lets running jobs finish), the buffered access-log rows are written, the pools close, exit 0.
 */
const worker = startLoggedProcess('scripts/worker.ts', [], {});
afterAll(() => {
  if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
});

describe('SIGTERM (scripts/worker.ts)', () => {
  it('stops the job workers, writes the access log, closes the pools, and exits 0', async () => {
    await untilStarted(worker, (e) => typeof e.msg === 'string' && e.msg.startsWith('Worker:'));
    // The jobs queued on start run under their job ids.
    await worker.logged(
      (e) => e.msg === 'job done' && typeof e.jobId === 'string' && typeof e.job === 'string',
    );
    const exit = worker.exited();
    worker.child.kill('SIGTERM');
    expect(await exit).toBe(0);
    const steps = worker.lines.filter((e) => e.msg === 'shutdown step done').map((e) => e.step);
    expect(steps).toEqual(['jobs', 'access log', 'pools']);
    expect(worker.lines.at(-1)).toMatchObject({ msg: 'stopped', exitCode: 0 });
  }, 90_000);
});
