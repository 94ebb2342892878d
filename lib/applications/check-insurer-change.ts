import type { Actor } from '@/lib/auth/actor';
import { policyChangeRefusal } from '@/lib/domain/ru/coverage';
import type { LocalDate } from '@/lib/domain/dates';
import { insurerChangeEligibility, type InsurerChangeBasis } from '@/lib/domain/ru/insurer-change';
import { toPeriod } from '@/lib/register/coverage-queries';
import { findInsurer, insurersServingRegion } from '@/lib/register/directory-queries';
import { loadInsurerChangeFacts } from '@/lib/register/insurer-change-facts';
import type { UseCaseOptions } from '@/lib/auth/citizen-actor';
import { citizenSubjectRequest } from './citizen-context';
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
  | 'COVERAGE_TERMINATED';

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
  // The resolution already refuses a deceased person (and a deceased child) as someone to act for.
  const { today, db, personId, latest } = await citizenSubjectRequest(actor, input.subjectPersonId, options);

  const base = { personId, basis: null, nextAllowedDate: null, asOf: today };
  const currentInsurerRow = latest ? await findInsurer(db, latest.insurerCode) : null;
  const currentInsurer = currentInsurerRow ? toInsurerView(currentInsurerRow) : null;
  const region = latest ? await findRegion(db, latest.subjectCode) : null;

  // The same refusal (code and words) the register gives when the change itself is asked for.
  const refusal = policyChangeRefusal(latest ? toPeriod(latest) : null, today, 'change_insurer');
  if (refusal) {
    const code = refusal.code as InsurerChangeCheckCode;
    return { ...base, allowed: false, code, message: refusal.message, currentInsurer, region, insurers: [] };
  }
  // No refusal means a policy in force, so there is a latest period.
  const active = latest!;

  const eligibility = insurerChangeEligibility(await loadInsurerChangeFacts(db, personId, active, today));
  const insurers = (await insurersServingRegion(db, active.subjectCode, today))
    .filter((i) => i.code !== active.insurerCode)
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
