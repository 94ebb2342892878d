import type { Coverage, Extension, Organization, Patient, Reference } from '@medplum/fhirtypes';
import { isCoverageReason, coverageReasonText } from '@/lib/domain/ru/coverage';
import { isValidEnp } from '@/lib/domain/ru/enp';
import type { PolicyStatusCode } from '@/lib/domain/ru/policy-status';
import type { PolicyAnswer } from '@/lib/lookup/policy-answer';
import { enpIdentifier, extensionParts, fhirPeriod, staleMeta } from './common';
import { insurerOrganization, insurerReference } from './organization';
import { patientReference } from './patient';
import {
  COVERAGE_CLASS_SYSTEM,
  COVERAGE_REASON_SYSTEM,
  NSI_SOURCES_OF_PAYMENT_SYSTEM,
  POLICY_STATE_EXTENSION,
  POLICY_SUSPENDED_MODIFIER,
  POLICY_STATUS_SYSTEM,
  SUBJECT_SYSTEM,
  SUBSCRIBER_RELATIONSHIP_SYSTEM,
  TERRITORY_EXTENSION,
  V3_ACT_CODE_SYSTEM,
} from './systems';

/**
 * PolicyAnswer → Coverage: the person's ОМС policy as of the answer's date.
 *
 * Status. FHIR's Coverage.status (FinancialResourceStatusCodes) says whether the *record* is in use, not
 * whether care is paid. We map:
 *   active     → `active`
 *   suspended  → `active` — the policy exists and resumes after service; flattening it to `cancelled`
 *                would tell a clinic the person lost the policy. The extension POLICY_STATE_EXTENSION
 *                carries `suspended`, the reason and since when; the modifier extension
 *                POLICY_SUSPENDED_MODIFIER keeps a system that ignores our extensions from reading
 *                `active` as "covered"; an eligibility check answers `inforce: false`.
 *   terminated → `cancelled` (with the extension saying why, e.g. death).
 * A person with no policy on the date (status `none`) has no Coverage at all: searches say why in an
 * OperationOutcome entry instead.
 *
 * Period. `period` is the time the coverage is in force, so it is given for an active policy only (the
 * register's current period, end made inclusive). For a suspended or terminated policy the period of that
 * state is in the extension (`statePeriod`).
 *
 * The logical id is `oms-<ЕНП>`: one Coverage per person's ОМС policy, its content as of the date asked.
 */

const COVERAGE_ID_PREFIX = 'oms-';

export function coverageId(enp: string): string {
  return `${COVERAGE_ID_PREFIX}${enp}`;
}

export function enpFromCoverageId(id: string): string | null {
  if (!id.startsWith(COVERAGE_ID_PREFIX)) return null;
  const enp = id.slice(COVERAGE_ID_PREFIX.length);
  return isValidEnp(enp) ? enp : null;
}

/** Short Russian names of the lookup status codes (the full sentence is in `text`). */
export const POLICY_STATUS_DISPLAY: Record<PolicyStatusCode, string> = {
  ACTIVE: 'Полис действует',
  SUSPENDED: 'Полис приостановлен',
  TERMINATED: 'Действие полиса прекращено',
  DECEASED: 'Действие полиса прекращено в связи со смертью',
  NOT_INSURED_ON_DATE: 'Полис на дату не действовал',
  EXPIRED: 'Срок действия полиса истёк',
  NOT_FOUND: 'Не найден в регистре',
};

/** Coverage.type: ОМС, as the Russian core codes sources of payment, and its HL7 equivalent. */
export const OMS_COVERAGE_TYPE = {
  coding: [
    {
      system: NSI_SOURCES_OF_PAYMENT_SYSTEM,
      code: '1',
      display: 'Средства обязательного медицинского страхования',
    },
    { system: V3_ACT_CODE_SYSTEM, code: 'PUBLICPOL', display: 'public healthcare' },
  ],
  text: 'Обязательное медицинское страхование (ОМС)',
};

export function policyStateExtension(answer: PolicyAnswer): Extension {
  const parts: Extension[] = [];
  if (answer.status !== 'none') parts.push({ url: 'state', valueCode: answer.status });
  parts.push(
    {
      url: 'status',
      valueCoding: {
        system: POLICY_STATUS_SYSTEM,
        code: answer.statusCode,
        display: POLICY_STATUS_DISPLAY[answer.statusCode],
      },
    },
    { url: 'insured', valueBoolean: answer.insured },
  );
  if (answer.reason && isCoverageReason(answer.reason)) {
    parts.push({
      url: 'reason',
      valueCoding: {
        system: COVERAGE_REASON_SYSTEM,
        code: answer.reason,
        display: coverageReasonText(answer.reason),
      },
    });
  }
  parts.push({ url: 'text', valueString: answer.statusText });
  if (answer.nextStep) parts.push({ url: 'nextStep', valueString: answer.nextStep });
  if (answer.coverage) parts.push({ url: 'statePeriod', valuePeriod: fhirPeriod(answer.coverage) });
  parts.push({ url: 'asOf', valueDate: answer.asOf });
  if (answer.stale) {
    parts.push({ url: 'stale', valueBoolean: true });
    if (answer.staleSince) parts.push({ url: 'staleSince', valueDateTime: answer.staleSince });
  }
  return { url: POLICY_STATE_EXTENSION, extension: parts };
}

export interface CoverageReferences {
  beneficiary?: Reference<Patient>;
  /** When given, the insurer is referenced (e.g. a sibling contained resource) instead of contained here. */
  payor?: Reference<Organization>;
}

/** The Coverage of an answer, or null when the person had no policy on the date. */
export function toCoverage(answer: PolicyAnswer, refs: CoverageReferences = {}): Coverage | null {
  if (answer.status === 'none' || !answer.coverage || !answer.insurer) return null;
  const insurer = answer.insurer;
  const extension: Extension[] = [policyStateExtension(answer)];
  if (answer.region) {
    extension.push({
      url: TERRITORY_EXTENSION,
      valueCoding: { system: SUBJECT_SYSTEM, code: answer.region.code, display: answer.region.name },
    });
  }
  return {
    resourceType: 'Coverage',
    id: coverageId(answer.enp),
    ...staleMeta(answer),
    ...(refs.payor ? {} : { contained: [insurerOrganization(insurer)] }),
    extension,
    ...(answer.status === 'suspended'
      ? { modifierExtension: [{ url: POLICY_SUSPENDED_MODIFIER, valueBoolean: true }] }
      : {}),
    identifier: [enpIdentifier(answer.enp)],
    status: answer.status === 'terminated' ? 'cancelled' : 'active',
    type: OMS_COVERAGE_TYPE,
    subscriberId: answer.enp,
    beneficiary: refs.beneficiary ?? patientReference(answer),
    relationship: { coding: [{ system: SUBSCRIBER_RELATIONSHIP_SYSTEM, code: 'self', display: 'Self' }] },
    ...(answer.status === 'active' ? { period: fhirPeriod(answer.coverage) } : {}),
    payor: [refs.payor ?? insurerReference(insurer)],
    class: [
      {
        type: { coding: [{ system: COVERAGE_CLASS_SYSTEM, code: 'plan', display: 'Plan' }] },
        value: 'oms-base',
        name: 'Базовая программа обязательного медицинского страхования',
      },
    ],
  };
}

/** Our policy state of a Coverage, read back from its extension (for clients and tests). */
export function policyStateOf(coverage: Coverage): Record<string, unknown> {
  return extensionParts(coverage.extension, POLICY_STATE_EXTENSION);
}
