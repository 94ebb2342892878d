import { describe, expect, it } from 'vitest';
import { describeNotFound } from '@/lib/domain/ru/policy-status';
import { policyStateOf } from './coverage';
import { toEligibilityResponse, type EligibilityContext } from './coverage-eligibility-response';
import { ENP_SYSTEM, STALE_TAG } from './systems';
import { activeAnswer, deceasedAnswer, ENP, suspendedAnswer, uninsuredAnswer } from '@/testing/fhir/answers';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';
import type { Coverage } from '@medplum/fhirtypes';

const ctx: EligibilityContext = {
  request: { type: 'CoverageEligibilityRequest', identifier: { system: 'urn:mis', value: 'req-1' } },
  purpose: ['validation'],
  asked: { system: ENP_SYSTEM, value: ENP },
  created: '2026-11-22T09:00:00.000Z',
};

const containedCoverage = (r: { contained?: unknown[] }) =>
  r.contained?.find((c) => (c as Coverage).resourceType === 'Coverage') as Coverage | undefined;

describe('toEligibilityResponse', () => {
  it('an active policy is in force, with the benefit period and a self-contained answer', () => {
    const response = toEligibilityResponse({ kind: 'found', answer: activeAnswer() }, ctx);
    expectValidFhir(response);
    expect(response).toMatchObject({
      resourceType: 'CoverageEligibilityResponse',
      status: 'active',
      purpose: ['validation'],
      outcome: 'complete',
      servicedDate: '2026-11-22',
      created: ctx.created,
      request: ctx.request,
      patient: { reference: `#enp-${ENP}` },
      insurer: { reference: '#smo' },
      insurance: [
        { coverage: { reference: `#oms-${ENP}` }, inforce: true, benefitPeriod: { start: '2025-01-10' } },
      ],
    });
    expect(response.contained?.map((r) => `${r.resourceType}/${r.id}`).sort()).toEqual(
      [`Coverage/oms-${ENP}`, 'Organization/mo', 'Organization/smo', `Patient/enp-${ENP}`].sort(),
    );
    expect(containedCoverage(response)?.payor).toEqual([
      expect.objectContaining({
        reference: '#smo',
        identifier: expect.objectContaining({ value: '77001' }) as unknown,
      }),
    ]);
  });

  it('a suspended policy is not in force, and its Coverage says suspended, not cancelled', () => {
    const response = toEligibilityResponse({ kind: 'found', answer: suspendedAnswer() }, ctx);
    expectValidFhir(response);
    expect(response.insurance?.[0]).toMatchObject({ inforce: false });
    expect(response.insurance?.[0]?.benefitPeriod).toBeUndefined();
    const coverage = containedCoverage(response)!;
    expect(coverage.status).toBe('active');
    expect(policyStateOf(coverage)).toMatchObject({ state: 'suspended', reason: 'military_service' });
    expect(response.disposition).toMatch(/приостановлен/);
  });

  it('a terminated policy is not in force and cancelled', () => {
    const response = toEligibilityResponse({ kind: 'found', answer: deceasedAnswer() }, ctx);
    expectValidFhir(response);
    expect(response.insurance?.[0]?.inforce).toBe(false);
    expect(containedCoverage(response)?.status).toBe('cancelled');
  });

  it('no policy on the date: complete, no insurance, the reason and the next step in the disposition', () => {
    const response = toEligibilityResponse({ kind: 'found', answer: uninsuredAnswer() }, ctx);
    expectValidFhir(response);
    expect(response).toMatchObject({ outcome: 'complete', insurer: { reference: '#register' } });
    expect(response.insurance).toBeUndefined();
    expect(response.disposition).toMatch(/не действовал.*Госуслугах/);
  });

  it('nobody found: outcome error, with the coded reason', () => {
    const response = toEligibilityResponse(
      { kind: 'not_found', status: describeNotFound(), asOf: '2026-11-22' },
      ctx,
    );
    expectValidFhir(response);
    expect(response).toMatchObject({
      outcome: 'error',
      patient: { identifier: { system: ENP_SYSTEM, value: ENP } },
      error: [{ code: { coding: [{ code: 'NOT_FOUND' }] } }],
    });
    expect(response.error?.[0]?.code.text).toMatch(/не найдено/);
  });

  it('a last-known answer is tagged stale and says the right to care is kept', () => {
    const response = toEligibilityResponse(
      { kind: 'found', answer: activeAnswer({ stale: true, staleSince: '2026-11-22T08:00:00.000Z' }) },
      ctx,
    );
    expectValidFhir(response);
    expect(response.meta?.tag?.[0]?.code).toBe(STALE_TAG.code);
    expect(response.disposition).toMatch(/право на медицинскую помощь сохраняется/);
    expect(containedCoverage(response)?.meta).toBeUndefined(); // contained resources carry no meta
  });
});
