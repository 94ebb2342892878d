import type { Coverage, Extension, Organization, Patient, Reference } from '@medplum/fhirtypes';
import { kzProfile } from '@/lib/jurisdiction/kz';
import type { OsmsAnswer } from '@/lib/kz/lookup/osms-answer';
import { extensionParts, fhirText, staleMeta } from '../common';
import { ORGANIZATION_TYPE_SYSTEM, SUBSCRIBER_RELATIONSHIP_SYSTEM, V3_ACT_CODE_SYSTEM } from '../systems';
import { iinFromId, iinIdentifier, osmsPatientReference } from './patient';
import { OSMS_CATEGORY_SYSTEM, OSMS_STATUS_SYSTEM } from '@/lib/kz/fhir-systems';
import { OSMS_STATUS_DISPLAY, OSMS_STATUS_EXTENSION } from './systems';

/**
 * OsmsAnswer → Coverage: the person's participation in ОСМС as of the answer's date (ADR 0033).
 *
 * There is no policy to issue in ОСМС — the status is derived — so the Coverage is the person's standing
 * with the fund on that date: `status` `active` when insured, `cancelled` when not (a system that reads
 * nothing but `status` cannot take a person without the right for covered). Why — the ground or the
 * reason, the category, until when — is the OSMS_STATUS_EXTENSION, which also travels on
 * CoverageEligibilityResponse.insurance. `period.end` is the last day the status holds on the facts known
 * (inclusive, as FHIR dates are); the start is not derived, so it is not given.
 *
 * The logical id is `osms-<ИИН>`.
 */

const COVERAGE_ID_PREFIX = 'osms-';
export const FUND_LOCAL_ID = 'fsms';

export function osmsCoverageId(iin: string): string {
  return `${COVERAGE_ID_PREFIX}${iin}`;
}

export function iinFromCoverageId(id: string): string | null {
  return iinFromId(id, COVERAGE_ID_PREFIX);
}

export const OSMS_COVERAGE_TYPE = {
  coding: [{ system: V3_ACT_CODE_SYSTEM, code: 'PUBLICPOL', display: 'public healthcare' }],
  text: 'Обязательное социальное медицинское страхование (ОСМС)',
};

/** The fund (ФСМС): the payer of care under ОСМС, and the author of every eligibility answer. */
export function fundOrganization(id: string = FUND_LOCAL_ID): Organization {
  return {
    resourceType: 'Organization',
    id,
    active: true,
    type: [
      {
        coding: [{ system: ORGANIZATION_TYPE_SYSTEM, code: 'pay', display: 'Payer' }],
        text: 'Плательщик',
      },
    ],
    name: kzProfile.texts.fundName,
  };
}

/** The status of an answer as the OSMS_STATUS_EXTENSION. */
export function osmsStatusExtension(answer: OsmsAnswer): Extension {
  const parts: Extension[] = [
    { url: 'insured', valueBoolean: answer.insured },
    {
      url: 'ground',
      valueCoding: {
        system: OSMS_STATUS_SYSTEM,
        code: answer.code,
        display: OSMS_STATUS_DISPLAY[answer.code],
      },
    },
  ];
  if (answer.category) {
    parts.push({
      url: 'category',
      valueCoding: {
        system: OSMS_CATEGORY_SYSTEM,
        code: answer.category.code,
        display: answer.category.name,
      },
    });
  }
  if (answer.until) parts.push({ url: 'until', valueDate: answer.until });
  parts.push({ url: 'text', valueString: fhirText(answer.text) });
  if (answer.advice) parts.push({ url: 'advice', valueString: fhirText(answer.advice) });
  parts.push({ url: 'asOf', valueDate: answer.asOf });
  if (answer.dataUnavailableSince)
    parts.push({ url: 'dataUnavailableSince', valueDate: answer.dataUnavailableSince });
  if (answer.stale) {
    parts.push({ url: 'stale', valueBoolean: true });
    if (answer.staleSince) parts.push({ url: 'staleSince', valueDateTime: answer.staleSince });
  }
  return { url: OSMS_STATUS_EXTENSION, extension: parts };
}

/** The status read back from an element's extensions (for clients and tests). */
export function osmsStatusOf(element: { extension?: Extension[] }): Record<string, unknown> {
  return extensionParts(element.extension, OSMS_STATUS_EXTENSION);
}

export interface OsmsCoverageReferences {
  beneficiary?: Reference<Patient>;
  /** When given, the fund is referenced (a sibling contained resource) instead of contained here. */
  payor?: Reference<Organization>;
}

export function toOsmsCoverage(answer: OsmsAnswer, refs: OsmsCoverageReferences = {}): Coverage {
  return {
    resourceType: 'Coverage',
    id: osmsCoverageId(answer.iin),
    ...staleMeta(answer),
    ...(refs.payor ? {} : { contained: [fundOrganization()] }),
    extension: [osmsStatusExtension(answer)],
    identifier: [iinIdentifier(answer.iin)],
    status: answer.insured ? 'active' : 'cancelled',
    type: OSMS_COVERAGE_TYPE,
    subscriberId: answer.iin,
    beneficiary: refs.beneficiary ?? osmsPatientReference(answer),
    relationship: { coding: [{ system: SUBSCRIBER_RELATIONSHIP_SYSTEM, code: 'self', display: 'Self' }] },
    ...(answer.insured && answer.until ? { period: { end: answer.until } } : {}),
    payor: [
      refs.payor ?? {
        reference: `#${FUND_LOCAL_ID}`,
        type: 'Organization',
        display: fundOrganization().name,
      },
    ],
  };
}
