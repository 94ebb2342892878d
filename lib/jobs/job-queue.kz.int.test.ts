import { afterAll, describe, expect, it, vi } from 'vitest';
import { jobQueue, startJobWorkers, stopJobQueue } from './job-queue';
import { listJobs } from './list-jobs';
import { jobQueueDepths } from './queue-depth';

const admin = { kind: 'staff', id: 'fsms-admin', role: 'ffoms_admin' } as const;
const COMMON = ['staff.prune-sign-in-records', 'partitions.upkeep'];

afterAll(async () => {
  await stopJobQueue();
});

describe('background jobs of a Kazakh register', () => {
  it('runs, schedules and lists only the common kinds, in the register’s zone; no Russian job', async () => {
    await startJobWorkers();
    const jobs = await vi.waitFor(
      async () => {
        const j = await listJobs(admin);
        const upkeep = j.recent.find((r) => r.name === 'partitions.upkeep');
        if (upkeep?.state !== 'completed') throw new Error(JSON.stringify(j.recent));
        return j;
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(jobs.kinds.map((k) => k.name)).toEqual(COMMON);
    // Only the reconciling kind ran at start: the Russian ones (applications, insurers, duplicates,
    // dashboards) are neither queued nor listed.
    expect(new Set(jobs.recent.map((r) => r.name))).toEqual(new Set(['partitions.upkeep']));
    const schedules = await (await jobQueue()).getSchedules();
    expect(schedules.map((s) => [s.name, s.options?.tz]).sort()).toEqual([
      ['partitions.upkeep', 'Asia/Almaty'],
      ['staff.prune-sign-in-records', 'Asia/Almaty'],
    ]);
    expect((await jobQueueDepths()).map((d) => d.job)).toEqual(COMMON);
  });
});
