import { and, asc, count, desc, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import { getDb, type Executor } from '@/db/client';
import { applications, insurers, persons, subjects } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { ApplicationView } from './application-store';
import { addDays, endOfMoscowDay, makeDate, moscowDate, yearOf } from '@/lib/domain/dates';
import { AppError, fieldIssue } from '@/lib/errors';
import {
  APPLICATION_KIND_LABELS,
  APPLICATION_STATUS_LABELS,
  type ApplicationKind,
  type ApplicationStatus,
} from './labels';
import { authorisedScope, scopeCondition, type QueueScope } from './queue-scope';
import { timeLeft, type TimeLeft } from './time-left';

/** Which applications the queue lists: waiting for a decision (the default), decided ones, or all. */
export const QUEUE_STATUSES = ['waiting', 'done', 'refused', 'cancelled', 'all'] as const;
export type QueueStatus = (typeof QUEUE_STATUSES)[number];

export const QUEUE_STATUS_LABELS: Record<QueueStatus, string> = {
  waiting: 'Ждут решения',
  done: 'Исполнены',
  refused: 'Отказано',
  cancelled: 'Отменены',
  all: 'Все',
};

const WAITING: ApplicationStatus[] = ['submitted', 'in_progress'];
const DECIDED: ApplicationStatus[] = ['done', 'refused', 'cancelled'];
/** Decisions the month's counters count (a cancellation is the citizen's, not a decision). */
const DECISIONS: ApplicationStatus[] = ['done', 'refused'];

export const QUEUE_PAGE_SIZE = 25;
/** Pages are offsets into an index range: bounded, so no request walks the whole table. */
export const QUEUE_MAX_PAGE = 200;

export interface QueueFilter {
  status?: QueueStatus;
  kind?: ApplicationKind | null;
  /** Region (2-digit subject code); a ТФОМС operator's own region when empty. */
  subjectCode?: string | null;
  /** Insurer (SMOCOD); an СМО operator's own insurer when empty. */
  insurerCode?: string | null;
  /** Only waiting applications past their due time. */
  overdueOnly?: boolean;
  /** An application number `YYYY-NNNNNNNN`: that application only (within the scope). */
  number?: string | null;
  /** 1-based. */
  page?: number;
}

export interface QueueItem extends Pick<
  ApplicationView,
  'id' | 'number' | 'kind' | 'kindLabel' | 'status' | 'statusLabel' | 'submittedAt' | 'dueAt'
> {
  /** ФИО of the applicant as registered, or as the account gave it (a first policy). */
  applicant: string;
  subjectCode: string | null;
  regionName: string | null;
  insurerCode: string | null;
  insurerName: string | null;
  dueProvisional: boolean;
  decidedAt: Date | null;
  /** Waiting only: time left or how long overdue. */
  timeLeft: TimeLeft | null;
  /** Why it waits for an operator (the checks' doubt), or why it was refused. */
  reasonText: string | null;
}

export interface QueueCounters {
  waiting: number;
  dueToday: number;
  overdue: number;
  /** Operators' decisions this calendar month (Moscow) by the due time, and after it. */
  decidedInTime: number;
  decidedLate: number;
}

export interface QueuePage {
  items: QueueItem[];
  page: number;
  hasNext: boolean;
  scope: QueueScope;
  counters: QueueCounters;
}

const applicantName = sql<string>`coalesce(
  nullif(concat_ws(' ', ${persons.lastName}, ${persons.firstName}, ${persons.patronymic}), ''),
  concat_ws(' ', ${applications.payload}->'identity'->>'lastName', ${applications.payload}->'identity'->>'firstName',
    ${applications.payload}->'identity'->>'patronymic'))`;

const itemColumns = {
  id: applications.id,
  number: applications.number,
  kind: applications.kind,
  status: applications.status,
  applicant: applicantName,
  subjectCode: applications.subjectCode,
  regionName: subjects.nameRu,
  insurerCode: applications.insurerCode,
  insurerName: insurers.nameShort,
  submittedAt: applications.submittedAt,
  dueAt: applications.dueAt,
  dueProvisional: applications.dueProvisional,
  decidedAt: applications.decidedAt,
  reasonText: applications.reasonText,
};

function listed(db: Executor) {
  return db
    .select(itemColumns)
    .from(applications)
    .leftJoin(persons, eq(persons.id, applications.applicantPersonId))
    .leftJoin(subjects, eq(subjects.code, applications.subjectCode))
    .leftJoin(insurers, eq(insurers.code, applications.insurerCode));
}

type ItemRow = Awaited<ReturnType<ReturnType<typeof listed>['execute']>>[number];

function toItem(row: ItemRow, now: Date): QueueItem {
  const waiting = WAITING.includes(row.status);
  return {
    ...row,
    applicant: row.applicant.trim(),
    kindLabel: APPLICATION_KIND_LABELS[row.kind],
    statusLabel: APPLICATION_STATUS_LABELS[row.status],
    timeLeft: waiting && row.dueAt ? timeLeft(row.dueAt, now) : null,
  };
}

/** The filter's values, checked: a bad one is the named field's error, never a database query. */
function checkFilter(filter: QueueFilter): Required<Omit<QueueFilter, 'kind' | 'number'>> & {
  kind: ApplicationKind | null;
  number: string | null;
} {
  const issues = [];
  const status = filter.status ?? 'waiting';
  if (!QUEUE_STATUSES.includes(status))
    issues.push(fieldIssue('status', 'VALIDATION_FAILED', 'Выберите статус из списка.'));
  const kind = filter.kind || null;
  if (kind && !(kind in APPLICATION_KIND_LABELS)) {
    issues.push(fieldIssue('kind', 'VALIDATION_FAILED', 'Выберите вид заявления из списка.'));
  }
  const subjectCode = filter.subjectCode?.trim() || null;
  if (subjectCode && !/^\d{2}$/.test(subjectCode)) issues.push(fieldIssue('subjectCode', 'SUBJECT_UNKNOWN'));
  const insurerCode = filter.insurerCode?.trim() || null;
  if (insurerCode && !/^\d{5}$/.test(insurerCode)) issues.push(fieldIssue('insurerCode', 'INSURER_UNKNOWN'));
  const rawNumber = filter.number?.trim() || null;
  const numberMatch = rawNumber ? /^(\d{4})\s*[-–]?\s*(\d{1,8})$/.exec(rawNumber) : null;
  if (rawNumber && !numberMatch) {
    issues.push(
      fieldIssue(
        'number',
        'VALIDATION_FAILED',
        'Номер заявления — год и восемь цифр, например 2026-00000042.',
      ),
    );
  }
  const page = filter.page ?? 1;
  if (!Number.isInteger(page) || page < 1 || page > QUEUE_MAX_PAGE) {
    issues.push(fieldIssue('page', 'VALIDATION_FAILED', `Номер страницы — от 1 до ${QUEUE_MAX_PAGE}.`));
  }
  if (issues.length) throw AppError.validation(issues);
  return {
    status,
    kind,
    subjectCode,
    insurerCode,
    overdueOnly: Boolean(filter.overdueOnly),
    number: numberMatch ? `${numberMatch[1]}-${numberMatch[2]!.padStart(8, '0')}` : null,
    page,
  };
}

/**
 * The applications queue of the console (issue 11 item 1): the applications in the employee's scope —
 * ФФОМС all, a ТФОМС operator its region, an СМО operator its insurer — waiting ones by due time (overdue
 * first, then the nearest deadline), decided ones newest first; filtered by status, kind, region, insurer,
 * overdue, or found by number; a page at a time (bounded offset on the order's index, ADR 0018), with the
 * queue's counters. Permission `application:read` on the scope asked for is checked before anything is
 * read.
 */
export async function listApplicationQueue(
  filter: QueueFilter,
  actor: Actor,
  options: { now?: Date; pageSize?: number } = {},
): Promise<QueuePage> {
  const f = checkFilter(filter);
  const size = Math.min(Math.max(1, options.pageSize ?? QUEUE_PAGE_SIZE), 100);
  const scope = authorisedScope(actor, 'application:read', f);
  const now = options.now ?? new Date();
  const db = getDb();
  const [items, counters] = await Promise.all([
    queueItems(db, f, scope, now, size),
    queueCounters(db, scope, now),
  ]);
  return {
    items: items.rows.map((r) => toItem(r, now)),
    page: f.page,
    hasNext: items.hasNext,
    scope,
    counters,
  };
}

/** The first page of the queue for this employee: what the console opens with (and what the bench times). */
export function queueFirstPage(actor: Actor, options: { now?: Date } = {}): Promise<QueuePage> {
  return listApplicationQueue({}, actor, options);
}

async function queueItems(
  db: Executor,
  f: ReturnType<typeof checkFilter>,
  scope: QueueScope,
  now: Date,
  size: number,
): Promise<{ rows: ItemRow[]; hasNext: boolean }> {
  const inScope = scopeCondition(scope);
  if (f.number) {
    const rows = await listed(db).where(and(eq(applications.number, f.number), inScope));
    return { rows, hasNext: false };
  }
  const kind = f.kind ? eq(applications.kind, f.kind) : undefined;
  const offset = (f.page - 1) * size;
  const take = size + 1;
  const waitingWhere = and(
    inArray(applications.status, WAITING),
    inScope,
    kind,
    f.overdueOnly ? lt(applications.dueAt, now) : undefined,
  );
  const waitingPage = (skip: number) =>
    listed(db)
      .where(waitingWhere)
      .orderBy(asc(applications.dueAt), asc(applications.id))
      .limit(take)
      .offset(skip);
  const decidedPage = (statuses: ApplicationStatus[], skip: number) =>
    listed(db)
      .where(and(inArray(applications.status, statuses), inScope, kind))
      .orderBy(desc(applications.decidedAt), desc(applications.id))
      .limit(take)
      .offset(skip);

  let rows: ItemRow[];
  if (f.status === 'waiting' || f.overdueOnly) rows = await waitingPage(offset);
  else if (f.status !== 'all') rows = await decidedPage([f.status], offset);
  else {
    // Waiting first, then decided: the decided part starts where the waiting ones end.
    rows = await waitingPage(offset);
    if (rows.length < take) {
      const [w] = await db.select({ n: count() }).from(applications).where(waitingWhere);
      const skip = Math.max(0, offset - (w?.n ?? 0));
      rows = [...rows, ...(await decidedPage(DECIDED, skip))].slice(0, take);
    }
  }
  return { rows: rows.slice(0, size), hasNext: rows.length > size };
}

/**
 * The queue's counters in the scope: waiting, due today (Moscow, not yet overdue), overdue; and this
 * month's operator decisions in time and late. Automatic decisions are made at submission and always in
 * time, so they are not counted: the counters measure the operators' work.
 */
export async function queueCounters(db: Executor, scope: QueueScope, now: Date): Promise<QueueCounters> {
  const inScope = scopeCondition(scope);
  const today = moscowDate(now);
  const endOfToday = endOfMoscowDay(today);
  const monthStart = new Date(
    endOfMoscowDay(addDays(makeDate(yearOf(today), Number(today.slice(5, 7)), 1), -1)).getTime() + 1,
  );
  const [[waiting], [decided]] = await Promise.all([
    db
      .select({
        waiting: count(),
        dueToday:
          sql<number>`count(*) filter (where ${applications.dueAt} >= ${now} and ${applications.dueAt} <= ${endOfToday})`.mapWith(
            Number,
          ),
        overdue: sql<number>`count(*) filter (where ${applications.dueAt} < ${now})`.mapWith(Number),
      })
      .from(applications)
      .where(and(inArray(applications.status, WAITING), inScope)),
    db
      .select({
        inTime:
          sql<number>`count(*) filter (where ${applications.decidedAt} <= ${applications.dueAt})`.mapWith(
            Number,
          ),
        late: sql<number>`count(*) filter (where ${applications.decidedAt} > ${applications.dueAt})`.mapWith(
          Number,
        ),
      })
      .from(applications)
      .where(
        and(
          inArray(applications.status, DECISIONS),
          inScope,
          gte(applications.decidedAt, monthStart),
          like(applications.decidedBy, 'staff:%'),
        ),
      ),
  ]);
  return {
    waiting: waiting?.waiting ?? 0,
    dueToday: waiting?.dueToday ?? 0,
    overdue: waiting?.overdue ?? 0,
    decidedInTime: decided?.inTime ?? 0,
    decidedLate: decided?.late ?? 0,
  };
}
