import { rememberingOwnWrites } from '@/lib/register/replica-reads';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseDate } from '@/lib/domain/dates';
import { normalizeDocument } from '@/lib/domain/ru/documents';
import { IssueCollector } from '@/lib/domain/result';
import { passportValidity } from '@/lib/domain/ru/passport-validity';
import { sameName } from '@/lib/domain/ru/person';
import { AppError, fieldIssue, type FieldIssue } from '@/lib/errors';
import { checkInsurerChoice } from '@/lib/register/directory-queries';
import { checkDocumentData, checkPersonData } from '@/lib/register/person-input';
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
import { findRegion } from './directory-views';
import { findPeopleByNameAndBirth, findPersonByDocument, findPersonBySnils } from './register-search';
import { insurerChoiceIssue } from './submit-insurer-change';
import { CHOOSE_REGION_MESSAGE } from './submit-region-change';

/**
 * The verified identity of the account holder, as the identity provider returned it. It must come from
 * the session (the provider's claims, e.g. `CitizenClaims` of lib/auth/citizen-claims), never from a form.
 */
export interface VerifiedIdentity {
  lastName: string;
  firstName: string;
  patronymic?: string | null;
  birthDate: string | null;
  sex: string | null;
  snils?: string | null;
  birthPlace?: string | null;
  passport?: { series: string; number: string; issueDate?: string | null; issuer?: string | null } | null;
}

export interface SubmitPolicyApplicationInput {
  identity: VerifiedIdentity;
  /** The subject of the RF where the citizen lives (2-digit subject code). */
  subjectCode: string;
  /** SMOCOD of the chosen insurer serving that region. */
  insurerCode: string;
}

export interface PolicyApplicationResult {
  /**
   * `existing`: the citizen has an ЕНП already (no application). `issued`: the checks passed and the
   * policy was issued at once. `queued`: an operator will decide by the due time (see `reviewReasons`;
   * also while a concurrent identical submission is still being processed). `refused`/`cancelled`: what an
   * operator later decided, seen on re-submission.
   */
  outcome: 'existing' | 'issued' | 'queued' | 'refused' | 'cancelled';
  personId: number | null;
  enp: string | null;
  application: ApplicationView | null;
  reviewReasons: ReviewReason[];
  /** The same application had been submitted before: this request changed nothing. */
  repeated: boolean;
}

const NO_BIRTH_DATE_MESSAGE =
  'В вашей учётной записи не указана дата рождения. Добавьте её в профиль на Госуслугах и войдите снова.';
const NO_SEX_MESSAGE =
  'В вашей учётной записи не указан пол. Добавьте его в профиль на Госуслугах и войдите снова.';
const NO_PASSPORT_MESSAGE =
  'В вашей учётной записи нет данных паспорта гражданина РФ. Добавьте паспорт в профиль на Госуслугах и войдите снова.';

async function existing(personId: number): Promise<PolicyApplicationResult> {
  const [row] = await getDb().select({ enp: persons.enp }).from(persons).where(eq(persons.id, personId));
  if (!row) throw new AppError('PERSON_NOT_FOUND');
  return {
    outcome: 'existing',
    personId,
    enp: row.enp,
    application: null,
    reviewReasons: [],
    repeated: false,
  };
}

async function fromApplication(
  row: ApplicationRow,
  now: Date,
  repeated: boolean,
): Promise<PolicyApplicationResult> {
  const enp = await doneSubjectEnp(row);
  const outcome =
    row.status === 'done'
      ? 'issued'
      : row.status === 'refused'
        ? 'refused'
        : row.status === 'cancelled'
          ? 'cancelled'
          : 'queued';
  return {
    outcome,
    personId: row.status === 'done' ? row.subjectPersonId : null,
    enp,
    ...reviewedAnswer(row, now, repeated),
  };
}

/**
 * Journey 1: get an electronic policy (rule 1 of the brief). Only a verified account applies. A citizen
 * who has an ЕНП gets it at once, without an application. Otherwise the application is checked
 * automatically — the passport's format and validity, duplicates in the register (same document, same
 * СНИЛС, same ФИО and birth date), the insurer serving the region — and the policy is issued at once when
 * every check passes; else the application waits for an operator until its due time, with the reasons.
 *
 * Idempotent on passport + birth date: a re-submission (or a concurrent one) returns the first
 * application and never registers a second person. The registration itself runs as the portal's
 * automatic decider (citizens hold no `person:register` permission) with the application number as the
 * reason of its register events.
 */
async function submitPolicyApplicationOnce(
  input: SubmitPolicyApplicationInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<PolicyApplicationResult> {
  const { now, today, db, ctx } = await verifiedCitizenRequest(actor, options);
  const identity = input.identity;
  const passport = identity.passport;

  // A re-submission (same passport and birth date) returns the first application, whatever happened since.
  const key =
    passport?.number?.trim() && identity.birthDate?.trim() ? policyKey(passport, identity.birthDate) : null;
  const earlier = key ? await findApplicationByKey(db, key) : null;
  if (earlier) {
    if (earlier.applicantSub !== ctx.actor.id) throw anotherAccount();
    return fromApplication(earlier, now, true);
  }
  if (ctx.selfId !== null) return existing(ctx.selfId);

  // The choices on the form: unknown values are the form's errors, not an operator's case.
  const subjectCode = (input.subjectCode ?? '').trim();
  const insurerCode = (input.insurerCode ?? '').trim();
  const formIssues: FieldIssue[] = [];
  const region = /^\d{2}$/.test(subjectCode) ? await findRegion(db, subjectCode) : null;
  if (!region) formIssues.push(fieldIssue('subjectCode', 'SUBJECT_UNKNOWN', CHOOSE_REGION_MESSAGE));
  const insurerChoice = await checkInsurerChoice(db, insurerCode, region ? subjectCode : null, today);
  const insurer = insurerChoice.insurer;
  if (insurerChoice.issue === 'INSURER_UNKNOWN') formIssues.push(insurerChoiceIssue(insurerChoice.issue));
  if (!passport || !passport.number?.trim()) {
    formIssues.push(fieldIssue('identity.passport', 'FIELD_REQUIRED', NO_PASSPORT_MESSAGE));
  }
  if (!identity.birthDate?.trim()) {
    formIssues.push(fieldIssue('identity.birthDate', 'FIELD_REQUIRED', NO_BIRTH_DATE_MESSAGE));
  }
  if (!identity.sex?.trim()) formIssues.push(fieldIssue('identity.sex', 'FIELD_REQUIRED', NO_SEX_MESSAGE));
  if (formIssues.length || !region || !insurer || !passport || !key || !identity.birthDate || !identity.sex) {
    throw AppError.validation(formIssues);
  }

  // Checks of the verified data: failures send the application to an operator.
  const log = new CheckLog();
  const personCheck = new IssueCollector();
  // The account's data as the provider gave them: checked below, and kept on the application as given
  // when they do not pass the check.
  const given = {
    lastName: identity.lastName,
    firstName: identity.firstName,
    patronymic: identity.patronymic ?? null,
    sex: identity.sex,
    birthDate: identity.birthDate,
    birthPlace: identity.birthPlace ?? null,
    snils: identity.snils ?? null,
  };
  const person = checkPersonData(personCheck, { ...given, citizenship: 'RUS' }, today, 'identity.');
  log.check(
    'PERSON_DATA_INVALID',
    personCheck.issues.length
      ? {
          code: 'PERSON_DATA_INVALID',
          text: `данные учётной записи не прошли проверку (${issueList(personCheck)})`,
        }
      : null,
  );
  const docCheck = new IssueCollector();
  const document = checkDocumentData(
    docCheck,
    {
      kind: 14,
      series: passport.series,
      number: passport.number,
      issueDate: passport.issueDate,
      issuer: passport.issuer,
    },
    'identity.passport.',
  );
  log.check(
    'DOCUMENT_INVALID',
    docCheck.issues.length
      ? { code: 'DOCUMENT_INVALID', text: `паспорт не прошёл проверку формата (${issueList(docCheck)})` }
      : null,
  );

  // The register: is this the citizen's own record, or a possible duplicate?
  if (person && document) {
    const validity = passportValidity(person.birthDate, document.issueDate, today);
    log.check('DOCUMENT_EXPIRED', validity.valid ? null : { code: validity.code, text: validity.text });
    const byDocument = await findPersonByDocument(db, document);
    if (byDocument && byDocument.birthDate === person.birthDate) return existing(byDocument.id);
    const bySnils = person.snils ? await findPersonBySnils(db, person.snils) : null;
    if (
      bySnils &&
      bySnils.birthDate === person.birthDate &&
      sameName(bySnils.lastName, person.lastName) &&
      sameName(bySnils.firstName, person.firstName)
    ) {
      return existing(bySnils.id);
    }
    log.check(
      'DUPLICATE_DOCUMENT',
      byDocument
        ? {
            code: 'DUPLICATE_DOCUMENT',
            text: 'паспорт с такими серией и номером уже есть в регистре с другой датой рождения',
          }
        : null,
      byDocument ? [byDocument.id] : [],
    );
    if (person.snils) {
      log.check(
        'DUPLICATE_SNILS',
        bySnils
          ? { code: 'DUPLICATE_SNILS', text: 'этот СНИЛС уже есть в регистре у человека с другими данными' }
          : null,
        bySnils ? [bySnils.id] : [],
      );
    } else log.notRun('DUPLICATE_SNILS');
    if (!byDocument && !bySnils) {
      const namesakes = await findPeopleByNameAndBirth(db, person);
      log.check(
        'DUPLICATE_PERSON',
        namesakes.length > 0
          ? {
              code: 'DUPLICATE_PERSON',
              text: 'в регистре уже есть человек с такими же ФИО и датой рождения, но другими документами',
            }
          : null,
        namesakes.map((p) => p.id),
      );
    } else log.notRun('DUPLICATE_PERSON');
  } else log.notRun('DOCUMENT_EXPIRED', 'DUPLICATE_DOCUMENT', 'DUPLICATE_SNILS', 'DUPLICATE_PERSON');
  log.check(
    'INSURER_NOT_SERVING_REGION',
    insurerChoice.issue === 'INSURER_NOT_SERVING_REGION'
      ? {
          code: 'INSURER_NOT_SERVING_REGION',
          text: `страховая компания ${insurer.nameShort} не работает в регионе «${region.name}»`,
        }
      : null,
  );
  const review = log.review;

  const summary = summariseReview(review);
  const calendar = await loadCalendar(db);
  const { row, created } = await db.transaction((tx) =>
    createApplication(tx, {
      kind: 'electronic_policy',
      applicant: ctx.actor,
      applicantPersonId: null,
      subjectPersonId: null,
      payload: {
        identity: person ?? given,
        passport: document ?? passport,
        input: { subjectCode, insurerCode },
        review,
        checks: log.checks,
      },
      idempotencyKey: key,
      subjectCode,
      insurerCode,
      now,
      calendar,
      reviewReason: summary,
    }),
  );
  if (!created) {
    if (row.applicantSub !== ctx.actor.id) throw anotherAccount();
    return fromApplication(row, now, true);
  }
  if (summary || !person || !document) return fromApplication(row, now, false);

  const decided = await decideRegistration(db, row, now);
  return fromApplication(decided, now, false);
}

/**
 * Idempotency on passport + birth date, normalised the way the register stores them when they are valid
 * (so «45 10» and «4510» are one passport), as typed otherwise.
 */
function policyKey(passport: NonNullable<VerifiedIdentity['passport']>, birthDate: string): string {
  const normalised = normalizeDocument({ kind: 14, series: passport.series, number: passport.number });
  const parts = normalised.ok
    ? [String(normalised.value.kind), normalised.value.series ?? '', normalised.value.number]
    : ['14', (passport.series ?? '').replace(/\s/g, ''), passport.number.replace(/\s/g, '')];
  const date = parseDate('birthDate', birthDate);
  return idempotencyKey('electronic_policy', ...parts, date.ok ? date.value : birthDate.trim());
}

/** A collector's messages as one clause of a doubt. */
function issueList(c: IssueCollector): string {
  return c.issues.map((i) => i.message.replace(/\.$/, '')).join('; ');
}

function anotherAccount(): AppError {
  return new AppError('CONFLICT', {
    message:
      'Заявление с этими паспортными данными уже подано из другой учётной записи. Обратитесь в страховую медицинскую организацию с паспортом.',
  });
}

/** The citizen then reads their application from the portal: it must see this write (ADR 0026). */
export const submitPolicyApplication = rememberingOwnWrites(submitPolicyApplicationOnce);
