import { eq, inArray } from 'drizzle-orm';
import { personEnp } from '@/lib/register/russian-key';
import { getDb } from '@/db/client';
import { applications, applicationStatusHistory, insurers, persons, subjects } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can, requirePermission } from '@/lib/auth/permissions';
import { logAccess } from '@/lib/audit/access-log';
import { AppError } from '@/lib/errors';
import { toApplicationView, type ApplicationView } from './application-store';
import { CHECK_LABELS, type CheckOutcome, type ReviewReason } from './automatic-checks';
import { actorNames, parseActorRef } from './decider-names';
import { APPLICATION_STATUS_LABELS, FINAL_STATUSES, type ApplicationStatus } from './labels';
import { requireStaffActor } from './queue-scope';
import { REGISTERING_KINDS } from './registration-step';
import { submittedData, type DataSection } from './submitted-data';
import { timeLeft, type TimeLeft } from './time-left';

export interface ReviewCheck {
  label: string;
  outcome: CheckOutcome['outcome'];
  text: string | null;
}

export interface ReviewHistoryEntry {
  status: ApplicationStatus;
  statusLabel: string;
  at: Date;
  by: string;
  reason: string | null;
}

export interface ConcernedPerson {
  personId: number;
  /** Why this person is on the page: the applicant, whom it is about, or what a check found. */
  role: string;
  name: string;
  birthDate: string;
  enp: string;
}

export interface ApplicationReview {
  application: ApplicationView;
  regionName: string | null;
  insurerName: string | null;
  timeLeft: TimeLeft | null;
  decidedBy: string | null;
  data: DataSection[];
  /** Every automatic check with its outcome; empty for applications decided at once without checks. */
  checks: ReviewCheck[];
  /** Doubts raised after the checks (the register refused the automatic registration). */
  laterDoubts: string[];
  history: ReviewHistoryEntry[];
  persons: ConcernedPerson[];
  /** The employee may decide it now (waiting, in their scope). */
  canDecide: boolean;
  /** «Оформить» applies (the application registers someone); otherwise only a refusal. */
  issuable: boolean;
}

/**
 * The application page of the console: what was submitted, the automatic checks (what passed, what raised
 * the doubt), the status history with who moved it, and the persons concerned (applicant, subject, the
 * records a check found). Permission `application:read` on the application's region and insurer first;
 * the read of each person's data is written to the access log with the application's number.
 */
export async function getApplicationForReview(
  number: string,
  actor: Actor,
  options: { now?: Date } = {},
): Promise<ApplicationReview> {
  requireStaffActor(actor);
  const now = options.now ?? new Date();
  const db = getDb();
  const wanted = (number ?? '').trim();
  const [scope] = /^\d{4}-\d{8}$/.test(wanted)
    ? await db
        .select({
          id: applications.id,
          subjectCode: applications.subjectCode,
          insurerCode: applications.insurerCode,
        })
        .from(applications)
        .where(eq(applications.number, wanted))
    : [];
  if (!scope) throw new AppError('APPLICATION_NOT_FOUND');
  const permissionScope = { subjectCode: scope.subjectCode, insurerCode: scope.insurerCode };
  requirePermission(actor, 'application:read', permissionScope);

  const [row] = await db
    .select({ app: applications, regionName: subjects.nameRu, insurerName: insurers.nameShort })
    .from(applications)
    .leftJoin(subjects, eq(subjects.code, applications.subjectCode))
    .leftJoin(insurers, eq(insurers.code, applications.insurerCode))
    .where(eq(applications.id, scope.id));
  const app = row!.app;
  const history = await db
    .select()
    .from(applicationStatusHistory)
    .where(eq(applicationStatusHistory.applicationId, app.id))
    .orderBy(applicationStatusHistory.at, applicationStatusHistory.id);
  const decider = app.decidedBy ? parseActorRef(app.decidedBy) : null;
  const names = await actorNames(db, [
    ...history.map((h) => ({ kind: h.actorKind, id: h.actorId })),
    ...(decider ? [decider] : []),
  ]);

  const payload = (app.payload ?? {}) as { checks?: CheckOutcome[]; review?: ReviewReason[] };
  const checks = payload.checks ?? [];
  const checkedDoubts = new Set(checks.filter((c) => c.outcome === 'doubt').map((c) => c.text));
  const laterDoubts = (payload.review ?? []).map((r) => r.text).filter((t) => !checkedDoubts.has(t));

  const roles = new Map<number, string>();
  const addRole = (id: number | null | undefined, role: string) => {
    if (id && !roles.has(id)) roles.set(id, role);
  };
  addRole(app.applicantPersonId, 'Заявитель');
  addRole(app.subjectPersonId, 'О ком заявление');
  for (const c of checks)
    for (const id of c.personIds) addRole(id, `Найден проверкой «${CHECK_LABELS[c.code]}»`);
  const found = roles.size
    ? await db
        .select({
          id: persons.id,
          lastName: persons.lastName,
          firstName: persons.firstName,
          patronymic: persons.patronymic,
          birthDate: persons.birthDate,
          enp: personEnp,
        })
        .from(persons)
        .where(inArray(persons.id, [...roles.keys()]))
    : [];
  const concerned = [...roles.entries()].flatMap(([id, role]) => {
    const p = found.find((f) => f.id === id);
    return p
      ? [
          {
            personId: id,
            role,
            name: [p.lastName, p.firstName, p.patronymic].filter(Boolean).join(' '),
            birthDate: p.birthDate,
            enp: p.enp,
          },
        ]
      : [];
  });
  for (const p of concerned) {
    await logAccess({
      actor,
      channel: 'console',
      personId: p.personId,
      purpose: 'application_review',
      result: 'found',
      details: `Заявление № ${app.number}: ${p.role}`,
      at: now,
    });
  }

  const waiting = !FINAL_STATUSES.includes(app.status);
  return {
    application: toApplicationView(app, now),
    regionName: row!.regionName,
    insurerName: row!.insurerName,
    timeLeft: waiting && app.dueAt ? timeLeft(app.dueAt, now) : null,
    decidedBy: decider ? (names.get(`${decider.kind}:${decider.id}`) ?? null) : null,
    data: submittedData(app.kind, app.payload as Record<string, unknown>),
    checks: checks.map((c) => ({ label: CHECK_LABELS[c.code], outcome: c.outcome, text: c.text })),
    laterDoubts,
    history: history.map((h) => ({
      status: h.status,
      statusLabel: APPLICATION_STATUS_LABELS[h.status],
      at: h.at,
      by: names.get(`${h.actorKind}:${h.actorId}`) ?? h.actorId,
      reason: h.reason,
    })),
    persons: concerned,
    canDecide: waiting && can(actor, 'application:decide', permissionScope),
    issuable: REGISTERING_KINDS.includes(app.kind),
  };
}
