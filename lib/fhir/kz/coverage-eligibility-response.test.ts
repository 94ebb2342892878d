import type { Coverage, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { OSMS_NOT_FOUND } from '@/lib/kz/lookup/osms-answer';
import { IIN_SYSTEM, OSMS_CATEGORY_SYSTEM, OSMS_STATUS_SYSTEM } from '@/lib/kz/fhir-systems';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';
import { IIN, insuredAnswer, notInsuredAnswer } from '@/testing/fhir/osms-answers';
import type { EligibilityContext } from '../coverage-eligibility-response';
import { STALE_TAG } from '../systems';
import { osmsStatusOf } from './coverage';
import { toOsmsEligibilityResponse } from './coverage-eligibility-response';
import { OSMS_STATUS_EXTENSION } from './systems';

const ctx: EligibilityContext = {
  request: { type: 'CoverageEligibilityRequest', identifier: { system: 'urn:mis', value: 'req-1' } },
  purpose: ['validation'],
  asked: { system: IIN_SYSTEM, value: IIN },
  created: '2026-11-22T09:00:00.000Z',
};

const contained = <T>(r: { contained?: unknown[] }, type: string) =>
  r.contained?.find((c) => (c as { resourceType: string }).resourceType === type) as T | undefined;

describe('toOsmsEligibilityResponse', () => {
  it('an insured person: in force, the ground and category in the extension on the insurance, until when', () => {
    const answer = insuredAnswer({ code: 'GRACE_AFTER_CATEGORY', until: '2027-01-31' as never });
    const response = toOsmsEligibilityResponse({ kind: 'found', answer }, ctx);
    expectValidFhir(response);
    expect(response).toMatchObject({
      outcome: 'complete',
      servicedDate: '2026-11-22',
      patient: { reference: `#iin-${IIN}` },
      insurer: { reference: '#fsms' },
      insurance: [
        { coverage: { reference: `#osms-${IIN}` }, inforce: true, benefitPeriod: { end: '2027-01-31' } },
      ],
    });
    const insurance = response.insurance![0]!;
    expect(insurance.extension?.[0]?.url).toBe(OSMS_STATUS_EXTENSION);
    expect(osmsStatusOf(insurance)).toMatchObject({
      insured: true,
      ground: 'GRACE_AFTER_CATEGORY',
      category: 'DISABILITY',
      until: '2027-01-31',
      asOf: '2026-11-22',
    });
    const ground = insurance.extension![0]!.extension!.find((e) => e.url === 'ground')!.valueCoding!;
    expect(ground.system).toBe(OSMS_STATUS_SYSTEM);
    const category = insurance.extension![0]!.extension!.find((e) => e.url === 'category')!.valueCoding!;
    expect(category.system).toBe(OSMS_CATEGORY_SYSTEM);
    const coverage = contained<Coverage>(response, 'Coverage')!;
    expect(coverage).toMatchObject({
      status: 'active',
      period: { end: '2027-01-31' },
      payor: [{ reference: '#fsms' }],
    });
    const patient = contained<Patient>(response, 'Patient')!;
    expect(patient.identifier).toEqual([expect.objectContaining({ system: IIN_SYSTEM, value: IIN })]);
    expect(response.contained?.map((r) => `${r.resourceType}/${r.id}`).sort()).toEqual(
      [`Coverage/osms-${IIN}`, 'Organization/fsms', `Patient/iin-${IIN}`].sort(),
    );
  });

  it('an open-ended status has no benefit period end', () => {
    const response = toOsmsEligibilityResponse({ kind: 'found', answer: insuredAnswer() }, ctx);
    expect(response.insurance![0]).not.toHaveProperty('benefitPeriod');
  });

  it('a person without status: not in force, the reason coded in the same extension, the advice said', () => {
    const response = toOsmsEligibilityResponse({ kind: 'found', answer: notInsuredAnswer() }, ctx);
    expectValidFhir(response);
    expect(response.insurance).toEqual([expect.objectContaining({ inforce: false })]);
    expect(response.insurance![0]).not.toHaveProperty('benefitPeriod');
    expect(osmsStatusOf(response.insurance![0]!)).toMatchObject({
      insured: false,
      ground: 'LUMP_SUM_NOT_ADVANCE',
      advice: 'Для оплаты вперёд каждый месяц оплачивается отдельным платежом.',
    });
    expect(contained<Coverage>(response, 'Coverage')?.status).toBe('cancelled');
    expect(response.disposition).toContain('одним платежом');
    expect(response.disposition).toContain('отдельным платежом');
  });

  it('nobody with the ИИН: an error coded NOT_FOUND, with what to do, and the patient as asked', () => {
    const response = toOsmsEligibilityResponse(
      { kind: 'not_found', status: OSMS_NOT_FOUND, asOf: '2026-11-22' as never },
      ctx,
    );
    expectValidFhir(response);
    expect(response).toMatchObject({
      outcome: 'error',
      patient: { identifier: { system: IIN_SYSTEM, value: IIN } },
      error: [{ code: { coding: [{ system: OSMS_STATUS_SYSTEM, code: 'NOT_FOUND' }] } }],
    });
    expect(response).not.toHaveProperty('insurance');
    expect(response.disposition).toContain(OSMS_NOT_FOUND.advice);
  });

  it('a last-known answer while the systems are down: tagged stale, the right kept, since when', () => {
    const answer = insuredAnswer({
      code: 'SYSTEMS_UNAVAILABLE',
      dataUnavailableSince: '2026-11-20' as never,
      stale: true,
      staleSince: '2026-11-20T05:00:00.000Z',
    });
    const response = toOsmsEligibilityResponse({ kind: 'found', answer }, ctx);
    expectValidFhir(response);
    expect(response.meta?.tag).toEqual([expect.objectContaining({ code: STALE_TAG.code })]);
    expect(osmsStatusOf(response.insurance![0]!)).toMatchObject({
      insured: true,
      ground: 'SYSTEMS_UNAVAILABLE',
      dataUnavailableSince: '2026-11-20',
      stale: true,
      staleSince: '2026-11-20T05:00:00.000Z',
    });
    expect(response.disposition).toMatch(/право на медицинскую помощь сохраняется/);
  });
});

describe('texts in FHIR strings', () => {
  it('the advice with a formatted amount (no-break spaces) stays valid FHIR', () => {
    const answer = notInsuredAnswer({
      code: 'NO_CONTRIBUTIONS',
      advice: `Самостоятельный взнос — ${(4250).toLocaleString('ru-RU')} тенге в месяц.`,
    });
    const response = toOsmsEligibilityResponse({ kind: 'found', answer }, ctx);
    expectValidFhir(response);
    expect(osmsStatusOf(response.insurance![0]!).advice).toBe('Самостоятельный взнос — 4 250 тенге в месяц.');
  });
});
