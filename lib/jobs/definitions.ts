import { z } from 'zod';
import { recomputeProvisionalDueTimes } from '@/lib/applications/recompute-due-times';
import { defineJob, type JobDefinition } from './job-definition';

const recomputeDueTimes = defineJob({
  name: 'applications.recompute-due-times',
  title: 'Пересчёт сроков открытых заявлений по загруженному производственному календарю',
  data: z.object({}).strict(),
  retryLimit: 5,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
  // Every night, and whenever a worker starts (a new year may have been loaded with the directories).
  schedule: '20 3 * * *',
  async run() {
    const r = await recomputeProvisionalDueTimes();
    return {
      summary: `Проверено заявлений: ${r.examined}, срок пересчитан: ${r.updated}, календарь ещё не загружен: ${r.stillProvisional}.`,
      counts: { ...r },
    };
  },
});

/** Every kind of background job the register runs: the one list the worker and the job page read. */
export const JOB_DEFINITIONS: readonly JobDefinition[] = [recomputeDueTimes];

/** Jobs queued each time a worker starts, to reconcile what changed while no worker ran. */
export const JOBS_ON_START: readonly string[] = [recomputeDueTimes.name];

export function jobDefinition(name: string): JobDefinition | undefined {
  return JOB_DEFINITIONS.find((d) => d.name === name);
}
