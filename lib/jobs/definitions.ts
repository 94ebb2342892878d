import { z } from 'zod';
import { recomputeProvisionalDueTimes } from '@/lib/applications/recompute-due-times';
import { pruneSignInRecords } from '@/lib/auth/prune-sign-in-records';
import { INSURER_LEAVING_JOB, notifyInsuredOfLeavingInsurers } from '@/lib/directories/insurer-leaving';
import { refreshDashboard } from '@/lib/dashboard/refresh-dashboard';
import { scanDuplicates } from '@/lib/duplicates/scan-duplicates';
import { env, type Jurisdiction } from '@/config/env';
import { formatDateRu, toLocalDate } from '@/lib/domain/dates';
import { jurisdictionProfile } from '@/lib/jurisdiction/current';
import { nationalPart } from '@/lib/jurisdiction/national';
import { monthRu, upkeepPartitions } from '@/lib/partitions/partition-upkeep';
import { defineJob, type JobDefinition } from './job-definition';

const recomputeDueTimes = defineJob({
  name: 'applications.recompute-due-times',
  title: 'Пересчёт сроков открытых заявлений по загруженному производственному календарю',
  data: z.object({}).strict(),
  retryLimit: 5,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
  // Every night, and whenever a worker starts (a new year may have been loaded with the directories).
  reconcileAtStart: true,
  schedule: '20 3 * * *',
  async run() {
    const r = await recomputeProvisionalDueTimes();
    return {
      summary: `Проверено заявлений: ${r.examined}, срок пересчитан: ${r.updated}, календарь ещё не загружен: ${r.stillProvisional}.`,
      counts: { ...r },
    };
  },
});

const notifyInsurerLeaving = defineJob({
  name: INSURER_LEAVING_JOB,
  title: 'Уведомление застрахованных об уходе страховой компании из региона',
  data: z.object({}).strict(),
  retryLimit: 10,
  retryDelaySeconds: 30,
  expireInSeconds: 60 * 60,
  // Queued by a directory import that ends an insurer's activity; nightly and at start it catches anyone
  // insured since (or a run that was lost).
  reconcileAtStart: true,
  schedule: '40 3 * * *',
  async run() {
    const r = await notifyInsuredOfLeavingInsurers();
    return {
      summary: `Страховых компаний, уходящих из регионов: ${r.endings}; уведомлено застрахованных: ${r.notified}.`,
      counts: { ...r },
    };
  },
});

const scanForDuplicates = defineJob({
  name: 'duplicates.scan',
  title: 'Поиск возможных дублей во всём регистре',
  data: z.object({}).strict(),
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 60 * 60,
  // Nightly; a retried run resumes after the last birth-date slice done (ADR 0023).
  reconcileAtStart: true,
  schedule: '40 2 * * *',
  async run() {
    const r = await scanDuplicates();
    return {
      summary: `Проверено пар: ${r.pairsExamined}, возможных дублей найдено: ${r.candidatesFound}.`,
      counts: { pairsExamined: r.pairsExamined, candidatesFound: r.candidatesFound },
    };
  },
});

const refreshDashboards = defineJob({
  name: 'dashboard.refresh',
  title: 'Пересчёт показателей сводки (застрахованные, заявления, обращения МО)',
  data: z.object({}).strict(),
  retryLimit: 3,
  retryDelaySeconds: 60,
  expireInSeconds: 10 * 60,
  // The dashboards say how fresh they are; every 10 minutes keeps «по состоянию на» within that (ADR 0024).
  reconcileAtStart: true,
  schedule: '*/10 * * * *',
  async run() {
    const r = await refreshDashboard();
    return {
      summary: `Показатели пересчитаны за ${r.tookMs} мс с ${r.fromDay}: строк по полисам ${r.coverageRows}, по заявлениям ${r.applicationDays}, по обращениям ${r.lookupDays}.`,
      counts: {
        coverageRows: r.coverageRows,
        applicationDays: r.applicationDays,
        lookupDays: r.lookupDays,
        tookMs: r.tookMs,
      },
    };
  },
});

const pruneSignIns = defineJob({
  name: 'staff.prune-sign-in-records',
  title: 'Удаление отслуживших попыток входа и сессий сотрудников',
  data: z.object({}).strict(),
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 15 * 60,
  // Nightly: the rows matter for minutes (lockout) or hours (sessions); the audit trail keeps every sign-in.
  schedule: '10 4 * * *',
  async run() {
    const r = await pruneSignInRecords();
    return {
      summary: `Удалено попыток входа: ${r.attempts}, сессий: ${r.sessions}.`,
      counts: { ...r },
    };
  },
});

const keepPartitions = defineJob({
  name: 'partitions.upkeep',
  title:
    'Разделы журнала доступа и истории регистра: создание на месяцы вперёд, удаление журнала старше срока хранения',
  // `today` only for tests and operators replaying a day; a scheduled run counts from the clock.
  data: z.object({ today: z.iso.date().optional() }).strict(),
  retryLimit: 5,
  retryDelaySeconds: 60,
  expireInSeconds: 15 * 60,
  // Nightly, and at every worker start, so the coming months exist long before their first row (ADR 0027).
  reconcileAtStart: true,
  schedule: '10 3 * * *',
  async run(data) {
    const config = env();
    const r = await upkeepPartitions({
      today: data.today ? toLocalDate(data.today) : jurisdictionProfile().today(),
      monthsAhead: config.PARTITION_MONTHS_AHEAD,
      retentionMonths: config.ACCESS_LOG_RETENTION_MONTHS,
    });
    return {
      summary:
        `Создано разделов: ${r.created.length}${r.created.length ? ` (${r.created.join(', ')})` : ''}; ` +
        `удалено месяцев журнала доступа (окончившихся до ${formatDateRu(r.cutoff)}): ${r.dropped.length}` +
        `${r.dropped.length ? ` (${r.dropped.map(monthRu).join(', ')})` : ''}.`,
      counts: { created: r.created.length, dropped: r.dropped.length },
    };
  },
});

/** Jobs every register runs, whatever its country. */
const COMMON_JOBS: readonly JobDefinition[] = [pruneSignIns, keepPartitions];

/**
 * Jobs of one country's register: Russia's applications, insurers, duplicates and dashboards. Kazakhstan's
 * register has none of its own: a status is derived from the facts when it is read (ADR 0030), so nothing
 * waits for a night to become true.
 */
const NATIONAL_JOBS: Readonly<Record<Jurisdiction, readonly JobDefinition[]>> = {
  ru: [recomputeDueTimes, notifyInsurerLeaving, scanForDuplicates, refreshDashboards],
  kz: [],
};

/** Every kind of background job this deployment's register runs: the one list the worker and the job page read. */
export function jobDefinitions(): readonly JobDefinition[] {
  return [...nationalPart(NATIONAL_JOBS), ...COMMON_JOBS];
}

/**
 * Jobs queued each time a worker starts, to reconcile what changed while no worker ran (those marked
 * `reconcileAtStart`). The duplicate scan is among them so that a register loaded while no worker ran (a
 * fresh demo, an import) has its candidate pairs without waiting for the night; a scan is idempotent (known
 * pairs and "not a duplicate" stay).
 */
export function jobsOnStart(): string[] {
  return jobDefinitions()
    .filter((d) => d.reconcileAtStart)
    .map((d) => d.name);
}

export function jobDefinition(name: string): JobDefinition | undefined {
  return jobDefinitions().find((d) => d.name === name);
}
