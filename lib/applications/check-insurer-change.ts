import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { persons } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { coverageReasonText, type CoverageReason } from '@/lib/domain/coverage';
import { addDays, formatDateRu, moscowDate, type LocalDate } from '@/lib/domain/dates';
import { insurerChangeEligibility, type InsurerChangeBasis } from '@/lib/domain/insurer-change';
import { AppError } from '@/lib/errors';
import { latestCoverage } from '@/lib/register/coverage-queries';
import { findInsurer, insurersServingRegion } from '@/lib/register/directory-queries';
import { loadInsurerChangeFacts } from '@/lib/register/insurer-change-facts';
import { citizenContext, resolveSubject, type UseCaseOptions } from '@/lib/auth/citizen-actor';
import { findRegion, toInsurerView, type InsurerView, type RegionView } from './directory-views';

export interface CheckInsurerChangeInput {
  /** A represented child; the citizen themselves when absent. */
  subjectPersonId?: number | null;
}

export type InsurerChangeCheckCode =
  | 'ALLOWED'
  | 'INSURER_CHANGE_LIMIT'
  | 'INSURER_CHANGE_AFTER_DEADLINE'
  | 'COVERAGE_NONE'
  | 'COVERAGE_NOT_ACTIVE'
  | 'COVERAGE_TERMINATED'
  | 'PERSON_DECEASED';

export interface InsurerChangeCheck {
  personId: number;
  allowed: boolean;
  code: InsurerChangeCheckCode;
  /** Allowed: on what basis and what it uses up. Not allowed: why, and what to do. */
  message: string;
  basis: InsurerChangeBasis | null;
  /** From when a change will be possible (the yearly rule), when the rule can say. */
  nextAllowedDate: LocalDate | null;
  currentInsurer: InsurerView | null;
  region: RegionView | null;
  /** Insurers serving the person's region today, the current one left out. */
  insurers: InsurerView[];
  asOf: LocalDate;
}

/**
 * The pre-check of journey 3, before any form: may the person (or the child) change insurer today, and
 * if not, why and from when; which insurers serve their region. Reads the same facts the register judges
 * the change by (`loadInsurerChangeFacts` + `insurerChangeEligibility`), so the answer and the decision
 * agree. A read of one's own data: nothing is written to the access log.
 */
export async function checkInsurerChange(
  input: CheckInsurerChangeInput,
  actor: Actor,
  options: UseCaseOptions = {},
): Promise<InsurerChangeCheck> {
  const now = options.now ?? new Date();
  const today = moscowDate(now);
  const db = getDb();
  const ctx = await citizenContext(actor, now);
  const personId = resolveSubject(ctx, input.subjectPersonId);
  const [person] = await db
    .select({ deathDate: persons.deathDate })
    .from(persons)
    .where(eq(persons.id, personId));
  if (!person) throw new AppError('PERSON_NOT_FOUND');
  const latest = await latestCoverage(db, personId);

  const base = { personId, basis: null, nextAllowedDate: null, asOf: today };
  const currentInsurerRow = latest ? await findInsurer(db, latest.insurerCode) : null;
  const currentInsurer = currentInsurerRow ? toInsurerView(currentInsurerRow) : null;
  const region = latest ? await findRegion(db, latest.subjectCode) : null;
  const refuse = (code: InsurerChangeCheckCode, message: string): InsurerChangeCheck => ({
    ...base,
    allowed: false,
    code,
    message,
    currentInsurer,
    region,
    insurers: [],
  });

  if (person.deathDate) return refuse('PERSON_DECEASED', 'Человек умер: изменения полиса невозможны.');
  if (!latest) {
    return refuse(
      'COVERAGE_NONE',
      'У вас нет полиса ОМС, поэтому менять страховую компанию не из чего. Сначала оформите полис.',
    );
  }
  if (latest.validTo !== null && latest.validTo <= today) {
    return refuse(
      'COVERAGE_NONE',
      `Срок действия полиса истёк: он действовал по ${formatDateRu(addDays(latest.validTo as LocalDate, -1))}. Чтобы снова получить полис, подайте заявление о его оформлении.`,
    );
  }
  const reasonText = coverageReasonText(latest.reason as CoverageReason);
  if (latest.status === 'terminated') {
    return refuse(
      'COVERAGE_TERMINATED',
      `Действие полиса прекращено с ${formatDateRu(latest.validFrom as LocalDate)} (основание: ${reasonText}): сменить страховую компанию нельзя.`,
    );
  }
  if (latest.status === 'suspended') {
    return refuse(
      'COVERAGE_NOT_ACTIVE',
      `Полис приостановлен с ${formatDateRu(latest.validFrom as LocalDate)} (основание: ${reasonText}). Сменить страховую компанию можно после возобновления полиса.`,
    );
  }

  const eligibility = insurerChangeEligibility(await loadInsurerChangeFacts(db, personId, latest, today));
  const insurers = (await insurersServingRegion(db, latest.subjectCode, today))
    .filter((i) => i.code !== latest.insurerCode)
    .map(toInsurerView);
  if (!eligibility.allowed) {
    return {
      ...base,
      allowed: false,
      code: eligibility.code,
      message: eligibility.message,
      nextAllowedDate: eligibility.nextAllowedDate,
      currentInsurer,
      region,
      insurers,
    };
  }
  return {
    ...base,
    allowed: true,
    code: 'ALLOWED',
    message: eligibility.message,
    basis: eligibility.basis,
    currentInsurer,
    region,
    insurers,
  };
}
