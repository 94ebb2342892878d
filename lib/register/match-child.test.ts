import { describe, expect, it } from 'vitest';
import type { LocalDate } from '@/lib/domain/dates';
import type { CoverageRow } from './coverage-queries';
import { childPolicyPlan } from './match-child';

const d = (s: string) => s as LocalDate;

describe('child policy plan', () => {
  const row = (over: Partial<CoverageRow>): CoverageRow => ({
    id: 1,
    personId: 1,
    insurerCode: '77001',
    subjectCode: '77',
    status: 'active',
    reason: 'birth',
    form: 'electronic',
    validFrom: '2025-10-01',
    validTo: null,
    recordedFrom: new Date(),
    recordedTo: null,
    ...over,
  });
  const today = d('2026-03-10');

  it('issues when there is no policy, chooses the first insurer after birth, keeps an earlier choice', () => {
    expect(childPolicyPlan(null, '77002', today)).toEqual({ kind: 'issue' });
    expect(childPolicyPlan(row({}), '77002', today)).toEqual({ kind: 'first_choice' });
    expect(childPolicyPlan(row({}), '77001', today)).toEqual({ kind: 'keep' });
    expect(childPolicyPlan(row({ reason: 'insurer_change' }), '77002', today)).toEqual({ kind: 'keep' });
    expect(childPolicyPlan(row({ status: 'suspended', reason: 'military_service' }), '77002', today)).toEqual(
      { kind: 'keep' },
    );
    expect(
      childPolicyPlan(row({ status: 'terminated', reason: 'citizenship_ended' }), '77002', today),
    ).toEqual({ kind: 'issue' });
    expect(childPolicyPlan(row({ status: 'terminated', reason: 'death' }), '77002', today)).toEqual({
      kind: 'keep',
    });
    expect(childPolicyPlan(row({ validTo: '2026-01-01' }), '77002', today)).toEqual({ kind: 'issue' });
  });
});
