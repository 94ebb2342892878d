import { rememberingOwnWrites } from '@/lib/register/replica-reads';
import { and, eq } from 'drizzle-orm';
import { representations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseDate } from '@/lib/domain/dates';
import { representationValidOn } from '@/lib/register/representation-queries';
import { isMinor } from '@/lib/domain/ru/person';
import { IssueCollector } from '@/lib/domain/result';
import { sameName } from '@/lib/domain/ru/person';
import { AppError, fieldIssue } from '@/lib/errors';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { checkInsurerChoice } from '@/lib/register/directory-queries';
import { checkDocumentData, checkPersonData, type PersonDataInput } from '@/lib/register/person-input';
import { childPolicyPlan } from '@/lib/register/match-child';
import {
  createApplication,
  findApplicationByKey,
  idempotencyKey,
  type ApplicationRow,
  type ApplicationView,
} from './application-store';
import { decideRegistration, doneSubjectEnp, reviewedAnswer } from './auto-registration';
import { CheckLog, summariseReview, type ReviewReason } from './automatic-checks';
import { loadCalendar } from './calendar';
import type { UseCaseOptions } from '@/lib/auth/citizen-actor';
import { verifiedCitizenRequest } from './citizen-context';
import { findPeopleByNameAndBirth, findPersonByDocument } from './register-search';
import { insurerChoiceIssue } from './submit-insurer-change';

export interface SubmitChildRegistrationInput {
  /** The child's data as on the certificate (sex `M`/`F`, also `М`/`Ж`); a child's citizenship is RUS. */
  child: Omit<PersonDataInput, 'citizenship' | 'snils'>;
  /** The Russian birth certificate (F011 3). */
  certificate: { series: string; number: string; issueDate: string; zagsName: string };
  /** SMOCOD of an insurer serving the parent's region. */
  insurerCode: string;
}

export interface ChildRegistrationResult {
  /**
   * `registered`: a new person with an ЕНП and a policy. `matched`: the child was already in the register
   * (formed from a ЗАГС record) and is now linked to the parent. `queued`: an operator decides by the due
   * time (see `reviewReasons`). `refused`/`cancelled`: an operator's later decision, seen on re-submission.
   */
  outcome: 'registered' | 'matched' | 'queued' | 'refused' | 'cancelled';
  child: { personId: number; enp: string } | null;
  /** What happened to the policy: issued, the insurer chosen for the first time, or an earlier one kept. */
  policy: 'issued' | 'insurer_chosen' | 'kept' | null;
  application: ApplicationView;
  reviewReasons: ReviewReason[];
  repeated: boolean;
}

const PARENT_NOT_IN_REGISTER =
  'Вас пока нет в регистре застрахованных лиц. Сначала оформите свой полис ОМС, затем зарегистрируйте ребёнка.';
const PARENT_NO_REGION =
  'У вас нет действующего полиса ОМС, поэтому не удалось определить регион страхования ребёнка. Обратитесь в страховую медицинскую организацию с документами ребёнка.';

async function fromApplication(
  row: ApplicationRow,
  now: Date,
  repeated: boolean,
): Promise<ChildRegistrationResult> {
  const payload = (row.payload ?? {}) as {
    result?: { policy?: ChildRegistrationResult['policy']; matched?: boolean };
  };
  const enp = await doneSubjectEnp(row);
  const child: ChildRegistrationResult['child'] =
    enp !== null && row.subjectPersonId !== null ? { personId: row.subjectPersonId, enp } : null;
  const outcome =
    row.status === 'done'
      ? payload.result?.matched
        ? 'matched'
        : 'registered'
      : row.status === 'refused' || row.status === 'cancelled'
        ? row.status
        : 'queued';
  return {
    outcome,
    child,
    policy: row.status === 'done' ? (payload.result?.policy ?? null) : null,
    ...reviewedAnswer(row, now, repeated),
  };
}

/**
 * Journey 2: register a child from the birth certificate (rule 2). A verified parent who is in the
 * register gives the child's ФИО, sex, birth date, certificate and ЗАГС and chooses an insurer serving
 * the parent's region. A child already formed from a ЗАГС record (same certificate) is matched — the
 * parent becomes the representative and the policy is issued or the first insurer chosen — instead of
 * creating a second person; otherwise the child is registered with an ЕНП, a policy and the parent as
 * representative. Data that disagree with the register, another representative already on record, or a
 * possible duplicate go to an operator. The child is then among the parent's represented persons.
 * Idempotent per parent account and certificate.
 */
async function submitChildRegistrationOnce(
  input: SubmitChildRegistrationInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<ChildRegistrationResult> {
  const { now, today, db, ctx } = await verifiedCitizenRequest(actor, options);
  const parentId = ctx.selfId;
  if (parentId === null) {
    throw new AppError('PERSON_NOT_FOUND', {
      message: PARENT_NOT_IN_REGISTER,
      details: { reason: 'not_in_register' },
    });
  }

  // The form: every issue at once.
  const c = new IssueCollector();
  const child = checkPersonData(
    c,
    { ...input.child, patronymic: input.child.patronymic ?? null, citizenship: 'RUS', snils: null },
    today,
    'child.',
  );
  const cert = input.certificate;
  if (!cert.issueDate?.trim()) {
    c.add(
      fieldIssue('certificate.issueDate', 'FIELD_REQUIRED', 'Укажите дату выдачи свидетельства о рождении.'),
    );
  }
  const zagsName = cert.zagsName?.trim() ?? '';
  if (!zagsName) {
    c.add(
      fieldIssue(
        'certificate.zagsName',
        'FIELD_REQUIRED',
        'Укажите орган ЗАГС, который выдал свидетельство.',
      ),
    );
  } else if (zagsName.length > 300) {
    c.add(fieldIssue('certificate.zagsName', 'VALIDATION_FAILED', 'Не длиннее 300 символов.'));
  }
  const document = checkDocumentData(
    c,
    { kind: 3, series: cert.series, number: cert.number, issueDate: cert.issueDate, issuer: zagsName },
    'certificate.',
  );
  const parsedIssue = cert.issueDate?.trim() ? parseDate('certificate.issueDate', cert.issueDate) : null;
  const issueDate = document?.issueDate ?? (parsedIssue?.ok ? parsedIssue.value : null);
  if (issueDate && issueDate > today) {
    c.add(
      fieldIssue('certificate.issueDate', 'DATE_IN_FUTURE', 'Дата выдачи не может быть позже сегодняшней.'),
    );
  }
  // Cross-field checks need the dates even when another field is wrong.
  const parsedBirth = parseDate('child.birthDate', input.child.birthDate ?? '');
  const birthDate = child?.birthDate ?? (parsedBirth.ok ? parsedBirth.value : null);
  if (birthDate && issueDate && issueDate < birthDate) {
    c.add(
      fieldIssue(
        'certificate.issueDate',
        'DATE_RANGE_INVALID',
        'Свидетельство не может быть выдано раньше даты рождения.',
      ),
    );
  }
  if (birthDate && birthDate <= today && !isMinor(birthDate, today)) {
    c.add(
      fieldIssue(
        'child.birthDate',
        'VALIDATION_FAILED',
        'Зарегистрировать можно ребёнка младше 18 лет. Взрослый оформляет полис сам.',
      ),
    );
  }
  const insurerCode = (input.insurerCode ?? '').trim();
  const parentCoverage = await latestCoverage(db, parentId);
  if (!parentCoverage || parentCoverage.status === 'terminated') {
    throw new AppError('COVERAGE_NONE', { message: PARENT_NO_REGION });
  }
  const subjectCode = parentCoverage.subjectCode;
  const { insurer, issue } = await checkInsurerChoice(db, insurerCode, subjectCode, today);
  if (issue) c.add(insurerChoiceIssue(issue));
  if (c.issues.length || !child || !document || !insurer) throw AppError.validation(c.issues);

  const key = idempotencyKey(
    'child_registration',
    ctx.actor.id,
    String(document.kind),
    document.series ?? '',
    document.number,
  );
  const earlier = await findApplicationByKey(db, key);
  if (earlier) return fromApplication(earlier, now, true);

  // Is the child in the register already (a ЗАГС record), or someone who looks like them?
  const log = new CheckLog();
  const known = await findPersonByDocument(db, document);
  if (known) {
    const mismatch =
      known.id === parentId ||
      known.birthDate !== child.birthDate ||
      !sameName(known.lastName, child.lastName) ||
      !sameName(known.firstName, child.firstName);
    log.check(
      'DATA_MISMATCH',
      mismatch
        ? {
            code: 'DATA_MISMATCH',
            text: 'свидетельство о рождении есть в регистре, но данные ребёнка в заявлении с ним не совпадают',
          }
        : null,
      [known.id],
    );
    if (!mismatch) {
      const reps = await db
        .select({ representativeId: representations.representativeId })
        .from(representations)
        .where(and(eq(representations.childId, known.id), representationValidOn(today)));
      const others = reps.filter((r) => r.representativeId !== parentId).map((r) => r.representativeId);
      log.check(
        'OTHER_REPRESENTATIVE',
        reps.length > 0 && others.length === reps.length
          ? {
              code: 'OTHER_REPRESENTATIVE',
              text: 'у ребёнка в регистре уже указан другой законный представитель',
            }
          : null,
        others,
      );
      const childCoverage = await latestCoverage(db, known.id);
      const plan = childPolicyPlan(childCoverage, insurerCode, today);
      log.check(
        'REGION_MISMATCH',
        plan.kind === 'first_choice' && childCoverage?.subjectCode !== subjectCode
          ? { code: 'REGION_MISMATCH', text: 'ребёнок застрахован в другом регионе, чем вы' }
          : null,
      );
    } else log.notRun('OTHER_REPRESENTATIVE', 'REGION_MISMATCH');
    log.notRun('DUPLICATE_PERSON');
  } else {
    const namesakes = await findPeopleByNameAndBirth(db, child);
    log.check(
      'DUPLICATE_PERSON',
      namesakes.length > 0
        ? {
            code: 'DUPLICATE_PERSON',
            text: 'в регистре уже есть ребёнок с такими же ФИО и датой рождения, но без этого свидетельства',
          }
        : null,
      namesakes.map((p) => p.id),
    );
  }
  const review = log.review;

  const calendar = await loadCalendar(db);
  const { row, created } = await db.transaction((tx) =>
    createApplication(tx, {
      kind: 'child_registration',
      applicant: ctx.actor,
      applicantPersonId: parentId,
      subjectPersonId: null,
      payload: {
        child,
        certificate: document,
        input: { insurerCode },
        review,
        knownPersonId: known?.id ?? null,
        checks: log.checks,
      },
      idempotencyKey: key,
      subjectCode,
      insurerCode,
      now,
      calendar,
      reviewReason: summariseReview(review),
    }),
  );
  if (!created) return fromApplication(row, now, true);
  if (review.length) return fromApplication(row, now, false);

  const decided = await decideRegistration(db, row, now);
  return fromApplication(decided, now, false);
}

/** The parent then reads the application and their children from the portal (ADR 0026). */
export const submitChildRegistration = rememberingOwnWrites(submitChildRegistrationOnce);
