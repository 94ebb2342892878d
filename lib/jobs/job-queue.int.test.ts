import { afterAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { defineJob } from './job-definition';
import { jobQueue, startJobWorkers, stopJobQueue } from './job-queue';
import { listJobs } from './list-jobs';

const admin = { kind: 'staff', id: 'ffoms-test', role: 'ffoms_admin' } as const;
const tfoms = { kind: 'staff', id: 'tfoms-test', role: 'tfoms_operator', subjectCode: '77' } as const;

let flakyAttempts = 0;
const flaky = defineJob({
  name: 'test.flaky',
  title: 'Проверочное задание, которое удаётся со второй попытки',
  data: z.object({ n: z.number() }),
  retryLimit: 2,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
  run(data) {
    flakyAttempts++;
    if (flakyAttempts === 1) return Promise.reject(new Error('временный сбой'));
    return Promise.resolve({ summary: `сделано для ${data.n}` });
  },
});
const broken = defineJob({
  name: 'test.broken',
  title: 'Проверочное задание, которое не удаётся никогда',
  data: z.object({}),
  retryLimit: 0,
  retryDelaySeconds: 1,
  expireInSeconds: 60,
  run: () => Promise.reject(new Error('справочник недоступен')),
});

afterAll(async () => {
  await stopJobQueue();
});

describe('background jobs on the PostgreSQL queue (pg-boss)', () => {
  it('the job page is for ФФОМС administrators only, and tells when no worker ever ran', async () => {
    await expect(listJobs(tfoms)).rejects.toSatisfy((e) => e instanceof AppError && e.code === 'FORBIDDEN');
    const before = await listJobs(admin);
    expect(before.installed).toBe(false);
    expect(before.recent).toEqual([]);
  });

  it('retries a failing job with backoff and keeps the last error of one that never succeeds', async () => {
    await startJobWorkers([flaky, broken], []);
    const boss = await jobQueue();
    await boss.send('test.flaky', { n: 7 });
    await boss.send('test.broken', {});
    const done = await vi.waitFor(
      async () => {
        const jobs = await listJobs(admin);
        const f = jobs.recent.find((j) => j.name === 'test.flaky');
        const b = jobs.recent.find((j) => j.name === 'test.broken');
        if (f?.state !== 'completed' || b?.state !== 'failed') throw new Error(JSON.stringify(jobs.recent));
        return { f, b, installed: jobs.installed };
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(done.installed).toBe(true);
    expect(flakyAttempts).toBe(2);
    expect(done.f).toMatchObject({ retryCount: 1, output: 'сделано для 7' });
    expect(done.f.completedOn).toBeInstanceOf(Date);
    expect(done.b).toMatchObject({ retryCount: 0, retryLimit: 0, output: 'справочник недоступен' });
  });

  it('a starting worker runs the reconciling jobs and schedules the recurring ones', async () => {
    await startJobWorkers();
    const run = await vi.waitFor(
      async () => {
        const jobs = await listJobs(admin);
        const r = jobs.recent.find((j) => j.name === 'applications.recompute-due-times');
        if (r?.state !== 'completed') throw new Error(JSON.stringify(jobs.recent));
        return { r, kinds: jobs.kinds };
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(run.r.output).toBe('Проверено заявлений: 0, срок пересчитан: 0, календарь ещё не загружен: 0.');
    expect(run.kinds.find((k) => k.name === 'applications.recompute-due-times')?.counts.completed).toBe(1);
    const schedules = await (await jobQueue()).getSchedules();
    expect(schedules.map((s) => [s.name, s.cron, s.options?.tz])).toContainEqual([
      'applications.recompute-due-times',
      '20 3 * * *',
      'Europe/Moscow',
    ]);
  });
});
