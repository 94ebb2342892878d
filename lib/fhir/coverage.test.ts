import { describe, expect, it } from 'vitest';
import { coverageId, enpFromCoverageId, policyStateOf, toCoverage } from './coverage';
import {
  ENP_SYSTEM,
  NSI_SOURCES_OF_PAYMENT_SYSTEM,
  POLICY_STATE_EXTENSION,
  POLICY_SUSPENDED_MODIFIER,
  SMOCOD_SYSTEM,
  STALE_TAG,
  TERRITORY_EXTENSION,
} from './systems';
import { activeAnswer, deceasedAnswer, ENP, suspendedAnswer, uninsuredAnswer } from '@/testing/fhir/answers';
import { expectValidFhir } from '@/testing/fhir/fhir-validator';

describe('toCoverage', () => {
  it('an active policy: status active, the period in force, the insurer as contained payor, ОМС type', () => {
    const coverage = toCoverage(
      activeAnswer({ coverage: { from: '2025-01-10' as never, to: '2026-02-01' as never } }),
    )!;
    expectValidFhir(coverage);
    expect(coverage).toMatchObject({
      resourceType: 'Coverage',
      id: `oms-${ENP}`,
      status: 'active',
      identifier: [{ system: ENP_SYSTEM, value: ENP }],
      beneficiary: { reference: `Patient/enp-${ENP}`, identifier: { system: ENP_SYSTEM, value: ENP } },
      // The register's end is exclusive (the day the next period starts); FHIR's end day is inclusive.
      period: { start: '2025-01-10', end: '2026-01-31' },
      payor: [{ reference: '#smo', display: 'АО «Страховая компания „Пример“»' }],
      contained: [
        { resourceType: 'Organization', id: 'smo', identifier: [{ system: SMOCOD_SYSTEM, value: '77001' }] },
      ],
      type: { coding: [{ system: NSI_SOURCES_OF_PAYMENT_SYSTEM, code: '1' }, { code: 'PUBLICPOL' }] },
      class: [{ type: { coding: [{ code: 'plan' }] }, value: 'oms-base' }],
    });
    expect(coverage.extension?.find((e) => e.url === TERRITORY_EXTENSION)?.valueCoding).toMatchObject({
      code: '77',
      display: 'город Москва',
    });
    expect(policyStateOf(coverage)).toMatchObject({
      state: 'active',
      status: 'ACTIVE',
      insured: true,
      reason: 'new_policy',
    });
  });

  it('a suspended policy stays active (the record lives) and says suspended, why and since when in the extension', () => {
    const coverage = toCoverage(suspendedAnswer())!;
    expectValidFhir(coverage);
    expect(coverage.status).toBe('active');
    expect(coverage.modifierExtension).toEqual([{ url: POLICY_SUSPENDED_MODIFIER, valueBoolean: true }]);
    expect(coverage.period).toBeUndefined();
    expect(policyStateOf(coverage)).toMatchObject({
      state: 'suspended',
      status: 'SUSPENDED',
      insured: false,
      reason: 'military_service',
      statePeriod: { start: '2026-05-01' },
      asOf: '2026-11-22',
    });
    expect(String(policyStateOf(coverage).text)).toMatch(/приостановлен/);
    expect(String(policyStateOf(coverage).nextStep)).toMatch(/возобновляется/);
  });

  it('a terminated policy is cancelled, with the reason (death) in the extension', () => {
    const coverage = toCoverage(deceasedAnswer())!;
    expectValidFhir(coverage);
    expect(coverage.status).toBe('cancelled');
    expect(coverage.modifierExtension).toBeUndefined();
    expect(policyStateOf(coverage)).toMatchObject({
      state: 'terminated',
      status: 'DECEASED',
      reason: 'death',
    });
  });

  it('no policy on the date → no Coverage', () => {
    expect(toCoverage(uninsuredAnswer())).toBeNull();
  });

  it('a last-known answer is tagged stale and says so in the extension', () => {
    const coverage = toCoverage(activeAnswer({ stale: true, staleSince: '2026-11-22T08:00:00.000Z' }))!;
    expectValidFhir(coverage);
    expect(coverage.meta?.tag?.[0]).toMatchObject({ system: STALE_TAG.system, code: 'stale' });
    expect(policyStateOf(coverage)).toMatchObject({ stale: true, staleSince: '2026-11-22T08:00:00.000Z' });
  });

  it('may refer to its payor and beneficiary instead of containing them', () => {
    const coverage = toCoverage(activeAnswer(), {
      beneficiary: { reference: '#p' },
      payor: { reference: '#o' },
    })!;
    expect(coverage.contained).toBeUndefined();
    expect(coverage.payor).toEqual([{ reference: '#o' }]);
    expect(coverage.beneficiary).toEqual({ reference: '#p' });
    expect(coverage.extension?.[0]?.url).toBe(POLICY_STATE_EXTENSION);
  });

  it('derives its id from the ЕНП', () => {
    expect(enpFromCoverageId(coverageId(ENP))).toBe(ENP);
    expect(enpFromCoverageId(`enp-${ENP}`)).toBeNull();
  });
});
