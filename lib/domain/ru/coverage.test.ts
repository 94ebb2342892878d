import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorCatalogue, type ErrorCode } from '@/lib/errors';
import {
  CHANGE_REASONS,
  COVERAGE_REASONS,
  ISSUE_REASONS,
  SUSPENSION_REASONS,
  TERMINATION_REASONS,
  applyCoverageCommand,
  applyToTimeline,
  terminateRetroactively,
  coverageOn,
  coverageReasonText,
  coverageStatusText,
  isCoverageReason,
  latestPeriod,
  type CoverageCommand,
  type CoveragePeriod,
  type CoverageReason,
  type CoverageTransition,
} from './coverage';
import { addDays, type LocalDate } from '@/lib/domain/dates';

const d = (s: string) => s as LocalDate;

function period(p: Partial<CoveragePeriod> = {}): CoveragePeriod {
  return {
    insurerCode: '77011',
    subjectCode: '77',
    status: 'active',
    reason: 'new_policy',
    validFrom: d('2020-01-01'),
    validTo: null,
    ...p,
  };
}

function refusal(t: CoverageTransition): { code: ErrorCode; message: string } {
  if (t.ok) throw new Error(`expected a refusal, got ${JSON.stringify(t)}`);
  return { code: t.code, message: t.message };
}
function success(t: CoverageTransition) {
  if (!t.ok) throw new Error(`expected success, got ${t.code}: ${t.message}`);
  return t;
}

const active = period();
const bounded = period({ validFrom: d('2025-03-01'), validTo: d('2026-01-01'), reason: 'residence_permit' });
const suspended = period({ status: 'suspended', reason: 'military_service', validFrom: d('2024-02-01') });
const dead = period({ status: 'terminated', reason: 'death', validFrom: d('2025-05-05') });
const declaredDead = period({ status: 'terminated', reason: 'declared_dead', validFrom: d('2025-05-05') });
const lostCitizenship = period({
  status: 'terminated',
  reason: 'citizenship_ended',
  validFrom: d('2023-07-01'),
});

const issue = (
  on: string,
  extra: Partial<Extract<CoverageCommand, { type: 'issue' }>> = {},
): CoverageCommand => ({
  type: 'issue',
  on: d(on),
  insurerCode: '50001',
  subjectCode: '50',
  reason: 'new_policy',
  ...extra,
});

describe('reasons', () => {
  it('lists every reason once, all fitting the 32-character column', () => {
    const all = [...ISSUE_REASONS, ...SUSPENSION_REASONS, ...TERMINATION_REASONS, ...CHANGE_REASONS];
    expect(new Set(all).size).toBe(all.length);
    expect([...COVERAGE_REASONS].sort()).toEqual([...all].sort());
    for (const r of all) expect(r.length).toBeLessThanOrEqual(32);
  });

  it('explains every reason in Russian', () => {
    expect(coverageReasonText('military_service')).toBe('прохождение военной службы');
    expect(coverageReasonText('death')).toBe('смерть');
    expect(coverageReasonText('equivalent_service')).toContain('Росгвардия');
    const texts = new Set<string>();
    for (const r of COVERAGE_REASONS) {
      const text = coverageReasonText(r);
      expect(text).toMatch(/^[а-яё]/); // lower-case: used inside sentences
      expect(text).not.toMatch(/[a-z]/);
      texts.add(text);
    }
    expect(texts.size).toBe(COVERAGE_REASONS.length);
  });

  it('recognises reasons and names statuses', () => {
    expect(isCoverageReason('permit_expired')).toBe(true);
    expect(isCoverageReason('vacation')).toBe(false);
    expect(coverageStatusText('active')).toBe('действует');
    expect(coverageStatusText('suspended')).toBe('приостановлен');
    expect(coverageStatusText('terminated')).toBe('прекращён');
  });
});

describe('issue', () => {
  it('opens the first policy', () => {
    const t = success(applyCoverageCommand(null, issue('2026-01-12')));
    expect(t).toEqual({
      ok: true,
      truncated: null,
      opened: {
        insurerCode: '50001',
        subjectCode: '50',
        status: 'active',
        reason: 'new_policy',
        validFrom: '2026-01-12',
        validTo: null,
      },
    });
  });

  it('opens a bounded policy for a foreigner; the end must be after the start', () => {
    const t = success(
      applyCoverageCommand(
        null,
        issue('2026-01-12', { reason: 'residence_permit', validTo: d('2027-01-01') }),
      ),
    );
    expect(t.opened.validTo).toBe('2027-01-01');
    const r = refusal(applyCoverageCommand(null, issue('2026-01-12', { validTo: d('2026-01-12') })));
    expect(r.code).toBe('DATE_RANGE_INVALID');
    expect(refusal(applyCoverageCommand(null, issue('2026-01-12', { validTo: d('2026-01-11') }))).code).toBe(
      'DATE_RANGE_INVALID',
    );
    expect(
      success(applyCoverageCommand(null, issue('2026-01-12', { validTo: d('2026-01-13') }))).opened.validTo,
    ).toBe('2026-01-13');
  });

  it('is refused while a policy is active or suspended', () => {
    const a = refusal(applyCoverageCommand(active, issue('2026-01-12')));
    expect(a.code).toBe('COVERAGE_ALREADY_ACTIVE');
    expect(a.message).toContain('с 01.01.2020');
    const s = refusal(applyCoverageCommand(suspended, issue('2026-01-12')));
    expect(s.code).toBe('COVERAGE_ALREADY_ACTIVE');
    expect(s.message).toContain('приостановлен с 01.02.2024');
    expect(s.message).toContain('прохождение военной службы');
  });

  it('is refused after death or a declaration of death', () => {
    for (const p of [dead, declaredDead]) {
      const r = refusal(applyCoverageCommand(p, issue('2026-01-12')));
      expect(r.code).toBe('COVERAGE_TERMINATED');
      expect(r.message).toContain('05.05.2025');
      expect(r.message).toContain(coverageReasonText(p.reason));
    }
  });

  it('is allowed after a termination for loss of grounds (citizenship re-acquired)', () => {
    const t = success(
      applyCoverageCommand(lostCitizenship, issue('2026-01-12', { reason: 'citizenship_acquired' })),
    );
    expect(t.truncated).toEqual({ ...lostCitizenship, validTo: '2026-01-12' });
    expect(t.opened.reason).toBe('citizenship_acquired');
    // On the very day of the termination the termination period is retracted (it would be empty).
    expect(success(applyCoverageCommand(lostCitizenship, issue('2023-07-01'))).truncated).toBeNull();
  });

  it('is allowed once a bounded policy has run out, leaving the expired period as it was', () => {
    const atEnd = success(applyCoverageCommand(bounded, issue('2026-01-01')));
    expect(atEnd.truncated).toBe(bounded);
    const later = success(applyCoverageCommand(bounded, issue('2026-03-15')));
    expect(later.truncated).toEqual(bounded);
    expect(later.opened.validFrom).toBe('2026-03-15');
    // The last day of validity is still covered.
    expect(refusal(applyCoverageCommand(bounded, issue('2025-12-31', { reason: 'new_policy' }))).code).toBe(
      'COVERAGE_ALREADY_ACTIVE',
    );
  });

  it('converts a foreigner’s bounded policy still in force on citizenship or a new permit, same period cut', () => {
    for (const reason of ['citizenship_acquired', 'residence_permit'] as const) {
      const t = success(applyCoverageCommand(bounded, issue('2025-10-01', { reason })));
      expect(t.truncated).toEqual({ ...bounded, validTo: '2025-10-01' });
      expect(t.opened).toMatchObject({ reason, validFrom: '2025-10-01', status: 'active' });
    }
    // A citizen's open-ended policy is not a foreigner's: citizenship cannot be "acquired" over it.
    expect(
      refusal(applyCoverageCommand(active, issue('2025-10-01', { reason: 'citizenship_acquired' }))).code,
    ).toBe('COVERAGE_ALREADY_ACTIVE');
  });

  it('rejects a reason that is not an issue reason', () => {
    const bad = { ...issue('2026-01-12'), reason: 'military_service' } as unknown as CoverageCommand;
    expect(refusal(applyCoverageCommand(null, bad)).code).toBe('COVERAGE_REASON_INVALID');
  });
});

describe('suspend', () => {
  it('suspends an active policy with the same insurer and region, keeping the end of a bounded policy', () => {
    const t = success(
      applyCoverageCommand(active, { type: 'suspend', on: d('2026-02-01'), reason: 'military_service' }),
    );
    expect(t.truncated).toEqual({ ...active, validTo: '2026-02-01' });
    expect(t.opened).toEqual({
      ...active,
      status: 'suspended',
      reason: 'military_service',
      validFrom: '2026-02-01',
    });
    const b = success(
      applyCoverageCommand(bounded, { type: 'suspend', on: d('2025-06-01'), reason: 'equivalent_service' }),
    );
    expect(b.opened.validTo).toBe('2026-01-01');
    expect(b.truncated?.validTo).toBe('2025-06-01');
  });

  it('retracts the active period when suspended on its first day', () => {
    const t = success(
      applyCoverageCommand(active, { type: 'suspend', on: d('2020-01-01'), reason: 'military_service' }),
    );
    expect(t.truncated).toBeNull();
    expect(t.opened.validFrom).toBe('2020-01-01');
  });

  it('is refused on a suspended, terminated or missing policy, saying why', () => {
    const cmd: CoverageCommand = { type: 'suspend', on: d('2026-02-01'), reason: 'military_service' };
    const s = refusal(applyCoverageCommand(suspended, cmd));
    expect(s.code).toBe('COVERAGE_NOT_ACTIVE');
    expect(s.message).toContain('уже приостановлен с 01.02.2024');
    expect(refusal(applyCoverageCommand(dead, cmd)).code).toBe('COVERAGE_TERMINATED');
    expect(refusal(applyCoverageCommand(lostCitizenship, cmd)).code).toBe('COVERAGE_TERMINATED');
    expect(refusal(applyCoverageCommand(null, cmd)).code).toBe('COVERAGE_NONE');
    const expired = refusal(applyCoverageCommand(bounded, cmd));
    expect(expired.code).toBe('COVERAGE_NONE');
    expect(expired.message).toContain('по 31.12.2025');
  });

  it('rejects a reason that is not a suspension reason', () => {
    const bad = { type: 'suspend', on: d('2026-02-01'), reason: 'death' } as unknown as CoverageCommand;
    expect(refusal(applyCoverageCommand(active, bad)).code).toBe('COVERAGE_REASON_INVALID');
  });
});

describe('renew', () => {
  it('renews a suspended policy', () => {
    const t = success(applyCoverageCommand(suspended, { type: 'renew', on: d('2025-02-01') }));
    expect(t.truncated).toEqual({ ...suspended, validTo: '2025-02-01' });
    expect(t.opened).toEqual({ ...suspended, status: 'active', reason: 'renewal', validFrom: '2025-02-01' });
  });

  it('keeps a bounded end', () => {
    const s = { ...bounded, status: 'suspended' as const, reason: 'military_service' as const };
    expect(success(applyCoverageCommand(s, { type: 'renew', on: d('2025-09-01') })).opened.validTo).toBe(
      '2026-01-01',
    );
  });

  it('is refused unless suspended', () => {
    const cmd: CoverageCommand = { type: 'renew', on: d('2026-02-01') };
    const a = refusal(applyCoverageCommand(active, cmd));
    expect(a.code).toBe('COVERAGE_NOT_SUSPENDED');
    expect(a.message).toContain('действует с 01.01.2020');
    expect(refusal(applyCoverageCommand(dead, cmd)).code).toBe('COVERAGE_TERMINATED');
    expect(refusal(applyCoverageCommand(null, cmd)).code).toBe('COVERAGE_NONE');
    expect(refusal(applyCoverageCommand(bounded, cmd)).code).toBe('COVERAGE_NONE');
  });
});

describe('terminate', () => {
  it('terminates an active or suspended policy, open-ended even when it was bounded', () => {
    const a = success(
      applyCoverageCommand(bounded, {
        type: 'terminate',
        on: d('2025-08-01'),
        reason: 'residence_permit_annulled',
      }),
    );
    expect(a.opened).toEqual({
      ...bounded,
      status: 'terminated',
      reason: 'residence_permit_annulled',
      validFrom: '2025-08-01',
      validTo: null,
    });
    expect(a.truncated).toEqual({ ...bounded, validTo: '2025-08-01' });
    const s = success(
      applyCoverageCommand(suspended, { type: 'terminate', on: d('2025-01-10'), reason: 'death' }),
    );
    expect(s.opened.status).toBe('terminated');
    expect(s.opened.insurerCode).toBe(suspended.insurerCode);
  });

  it('is refused when already terminated or when there is nothing to terminate', () => {
    const cmd: CoverageCommand = { type: 'terminate', on: d('2026-02-01'), reason: 'death' };
    const t = refusal(applyCoverageCommand(lostCitizenship, cmd));
    expect(t.code).toBe('COVERAGE_TERMINATED');
    expect(t.message).toContain('уже прекращено с 01.07.2023');
    expect(refusal(applyCoverageCommand(dead, cmd)).code).toBe('COVERAGE_TERMINATED');
    expect(refusal(applyCoverageCommand(null, cmd)).code).toBe('COVERAGE_NONE');
    expect(refusal(applyCoverageCommand(bounded, cmd)).code).toBe('COVERAGE_NONE');
    const bad = { type: 'terminate', on: d('2026-02-01'), reason: 'renewal' } as unknown as CoverageCommand;
    expect(refusal(applyCoverageCommand(active, bad)).code).toBe('COVERAGE_REASON_INVALID');
  });
});

describe('change_insurer', () => {
  it('changes the insurer in the same region, keeping a bounded end', () => {
    const t = success(
      applyCoverageCommand(bounded, { type: 'change_insurer', on: d('2025-09-01'), insurerCode: '77022' }),
    );
    expect(t.opened).toEqual({
      ...bounded,
      insurerCode: '77022',
      reason: 'insurer_change',
      validFrom: '2025-09-01',
    });
  });

  it('is refused for the same insurer and unless active', () => {
    const same = refusal(
      applyCoverageCommand(active, { type: 'change_insurer', on: d('2026-02-01'), insurerCode: '77011' }),
    );
    expect(same.code).toBe('COVERAGE_SAME_INSURER');
    expect(same.message).toBe(
      'Вы уже застрахованы в этой страховой компании. Выберите другую компанию, если хотите её сменить.',
    );
    const cmd: CoverageCommand = { type: 'change_insurer', on: d('2026-02-01'), insurerCode: '77022' };
    const s = refusal(applyCoverageCommand(suspended, cmd));
    expect(s.code).toBe('COVERAGE_NOT_ACTIVE');
    expect(s.message).toContain('возобновить');
    expect(refusal(applyCoverageCommand(dead, cmd)).code).toBe('COVERAGE_TERMINATED');
    expect(refusal(applyCoverageCommand(null, cmd)).code).toBe('COVERAGE_NONE');
    expect(refusal(applyCoverageCommand(bounded, cmd)).code).toBe('COVERAGE_NONE');
  });
});

describe('change_region', () => {
  it('moves to another subject with a new insurer, or with the same insurer code', () => {
    const t = success(
      applyCoverageCommand(active, {
        type: 'change_region',
        on: d('2026-02-01'),
        subjectCode: '50',
        insurerCode: '50003',
      }),
    );
    expect(t.opened).toEqual({
      ...active,
      subjectCode: '50',
      insurerCode: '50003',
      reason: 'region_change',
      validFrom: '2026-02-01',
    });
    const sameInsurer = success(
      applyCoverageCommand(active, {
        type: 'change_region',
        on: d('2026-02-01'),
        subjectCode: '50',
        insurerCode: '77011',
      }),
    );
    expect(sameInsurer.opened.insurerCode).toBe('77011');
    expect(sameInsurer.opened.subjectCode).toBe('50');
  });

  it('is refused for the same region and unless active', () => {
    const same = refusal(
      applyCoverageCommand(active, {
        type: 'change_region',
        on: d('2026-02-01'),
        subjectCode: '77',
        insurerCode: '77022',
      }),
    );
    expect(same.code).toBe('COVERAGE_SAME_REGION');
    const cmd: CoverageCommand = {
      type: 'change_region',
      on: d('2026-02-01'),
      subjectCode: '50',
      insurerCode: '50001',
    };
    expect(refusal(applyCoverageCommand(suspended, cmd)).code).toBe('COVERAGE_NOT_ACTIVE');
    expect(refusal(applyCoverageCommand(lostCitizenship, cmd)).code).toBe('COVERAGE_TERMINATED');
    expect(refusal(applyCoverageCommand(null, cmd)).code).toBe('COVERAGE_NONE');
  });
});

describe('dates before the current period', () => {
  it.each<CoverageCommand>([
    issue('2019-12-31'),
    { type: 'suspend', on: d('2019-12-31'), reason: 'military_service' },
    { type: 'renew', on: d('2019-12-31') },
    { type: 'terminate', on: d('2019-12-31'), reason: 'death' },
    { type: 'change_insurer', on: d('2019-12-31'), insurerCode: '77022' },
    { type: 'change_region', on: d('2019-12-31'), subjectCode: '50', insurerCode: '50001' },
  ])('$type is refused', (cmd) => {
    const r = refusal(applyCoverageCommand(active, cmd));
    expect(r.code).toBe('COVERAGE_DATE_BEFORE_CURRENT');
    expect(r.message).toContain('31.12.2019');
    expect(r.message).toContain('01.01.2020');
  });
});

describe('refusal messages', () => {
  it('are Russian sentences more precise than the catalogue default', () => {
    const cases: [CoveragePeriod | null, CoverageCommand][] = [
      [active, issue('2026-01-01')],
      [suspended, { type: 'suspend', on: d('2026-01-01'), reason: 'military_service' }],
      [active, { type: 'renew', on: d('2026-01-01') }],
      [dead, { type: 'renew', on: d('2026-01-01') }],
      [null, { type: 'terminate', on: d('2026-01-01'), reason: 'death' }],
      [suspended, { type: 'change_insurer', on: d('2026-01-01'), insurerCode: 'X' }],
      [active, { type: 'change_region', on: d('2026-01-01'), subjectCode: '77', insurerCode: 'X' }],
    ];
    for (const [latest, cmd] of cases) {
      const r = refusal(applyCoverageCommand(latest, cmd));
      expect(r.message).toMatch(/^[А-ЯЁ]/);
      expect(r.message).toMatch(/\.$/);
      expect(r.message).not.toBe(errorCatalogue[r.code].message);
    }
  });
});

describe('timelines', () => {
  it('a life: issue, change insurer, military service, renewal, move, death', () => {
    const steps: CoverageCommand[] = [
      { type: 'issue', on: d('2010-05-20'), insurerCode: '77011', subjectCode: '77', reason: 'birth' },
      { type: 'change_insurer', on: d('2015-03-01'), insurerCode: '77022' },
      { type: 'suspend', on: d('2028-06-01'), reason: 'military_service' },
      { type: 'renew', on: d('2029-06-01') },
      { type: 'change_region', on: d('2030-09-01'), subjectCode: '50', insurerCode: '50001' },
      { type: 'terminate', on: d('2090-01-01'), reason: 'death' },
    ];
    let timeline: CoveragePeriod[] = [];
    for (const step of steps) {
      const r = applyToTimeline(timeline, step);
      if (!r.ok) throw new Error(r.message);
      timeline = r.timeline;
    }
    expect(timeline.map((p) => [p.status, p.reason, p.insurerCode, p.validFrom, p.validTo])).toEqual([
      ['active', 'birth', '77011', '2010-05-20', '2015-03-01'],
      ['active', 'insurer_change', '77022', '2015-03-01', '2028-06-01'],
      ['suspended', 'military_service', '77022', '2028-06-01', '2029-06-01'],
      ['active', 'renewal', '77022', '2029-06-01', '2030-09-01'],
      ['active', 'region_change', '50001', '2030-09-01', '2090-01-01'],
      ['terminated', 'death', '50001', '2090-01-01', null],
    ]);
    expect(coverageOn(timeline, d('2010-05-19'))).toBeNull();
    expect(coverageOn(timeline, d('2010-05-20'))?.reason).toBe('birth');
    expect(coverageOn(timeline, d('2015-02-28'))?.insurerCode).toBe('77011');
    expect(coverageOn(timeline, d('2015-03-01'))?.insurerCode).toBe('77022');
    expect(coverageOn(timeline, d('2028-12-31'))?.status).toBe('suspended');
    expect(coverageOn(timeline, d('2031-01-01'))?.subjectCode).toBe('50');
    expect(coverageOn(timeline, d('2100-01-01'))?.status).toBe('terminated');
    expect(latestPeriod(timeline)?.reason).toBe('death');
    expect(applyToTimeline(timeline, issue('2095-01-01'))).toMatchObject({
      ok: false,
      code: 'COVERAGE_TERMINATED',
    });
  });

  it('a foreigner: bounded policy, gap, new permit', () => {
    let r = applyToTimeline(
      [],
      issue('2025-03-01', { reason: 'residence_permit', validTo: d('2026-01-01') }),
    );
    if (!r.ok) throw new Error(r.message);
    r = applyToTimeline(
      r.timeline,
      issue('2026-02-15', { reason: 'residence_permit', validTo: d('2027-01-01') }),
    );
    if (!r.ok) throw new Error(r.message);
    expect(r.timeline).toHaveLength(2);
    expect(coverageOn(r.timeline, d('2025-12-31'))?.validFrom).toBe('2025-03-01');
    expect(coverageOn(r.timeline, d('2026-01-01'))).toBeNull();
    expect(coverageOn(r.timeline, d('2026-02-14'))).toBeNull();
    expect(coverageOn(r.timeline, d('2026-02-15'))?.validTo).toBe('2027-01-01');
    expect(coverageOn(r.timeline, d('2027-01-01'))).toBeNull();
  });

  it('never modifies the input timeline', () => {
    const timeline = Object.freeze([Object.freeze({ ...active })]);
    const r = applyToTimeline(timeline, { type: 'suspend', on: d('2026-01-01'), reason: 'military_service' });
    expect(r.ok).toBe(true);
    expect(timeline).toEqual([active]);
    const same = applyToTimeline(timeline, {
      type: 'suspend',
      on: d('2020-01-01'),
      reason: 'military_service',
    });
    expect(same.ok && same.timeline).toEqual([
      { ...active, status: 'suspended', reason: 'military_service' },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Property-based: random command sequences against an independent model of the rules.

const INSURERS = ['77011', '77022', '50001', '50003'];
const SUBJECTS = ['77', '50', '63'];

const arbCommandShape = fc.oneof(
  fc.record({
    type: fc.constant('issue' as const),
    insurerCode: fc.constantFrom(...INSURERS),
    subjectCode: fc.constantFrom(...SUBJECTS),
    reason: fc.constantFrom(...ISSUE_REASONS),
    bound: fc.option(fc.integer({ min: -5, max: 500 }), { nil: undefined }),
  }),
  fc.record({ type: fc.constant('suspend' as const), reason: fc.constantFrom(...SUSPENSION_REASONS) }),
  fc.record({ type: fc.constant('renew' as const) }),
  fc.record({ type: fc.constant('terminate' as const), reason: fc.constantFrom(...TERMINATION_REASONS) }),
  fc.record({ type: fc.constant('change_insurer' as const), insurerCode: fc.constantFrom(...INSURERS) }),
  fc.record({
    type: fc.constant('change_region' as const),
    subjectCode: fc.constantFrom(...SUBJECTS),
    insurerCode: fc.constantFrom(...INSURERS),
  }),
);

const arbSteps = fc.array(
  fc.record({
    gap: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }) },
      { weight: 1, arbitrary: fc.constant(0) },
    ),
    backdate: fc.oneof(
      { weight: 9, arbitrary: fc.constant(0) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 60 }) },
    ),
    shape: arbCommandShape,
  }),
  { maxLength: 40 },
);

type Shape = typeof arbCommandShape extends fc.Arbitrary<infer T> ? T : never;
function buildCommand(on: LocalDate, s: Shape): CoverageCommand {
  switch (s.type) {
    case 'issue':
      return {
        type: 'issue',
        on,
        insurerCode: s.insurerCode,
        subjectCode: s.subjectCode,
        reason: s.reason,
        validTo: s.bound === undefined ? null : addDays(on, s.bound),
      };
    case 'suspend':
      return { type: 'suspend', on, reason: s.reason };
    case 'renew':
      return { type: 'renew', on };
    case 'terminate':
      return { type: 'terminate', on, reason: s.reason };
    case 'change_insurer':
      return { type: 'change_insurer', on, insurerCode: s.insurerCode };
    case 'change_region':
      return { type: 'change_region', on, subjectCode: s.subjectCode, insurerCode: s.insurerCode };
  }
}

/** The rules as a table, written independently of the implementation. */
function modelOutcome(latest: CoveragePeriod | null, c: CoverageCommand): ErrorCode | 'ok' {
  if (latest && c.on < latest.validFrom) return 'COVERAGE_DATE_BEFORE_CURRENT';
  if (c.type === 'issue' && c.validTo != null && !(c.validTo > c.on)) return 'DATE_RANGE_INVALID';
  const covered = latest !== null && (latest.validTo === null || c.on < latest.validTo);
  const state = covered ? latest.status : 'none';
  const deadInLaw =
    state === 'terminated' && (latest?.reason === 'death' || latest?.reason === 'declared_dead');
  const table: Record<
    CoverageCommand['type'],
    Record<'none' | 'active' | 'suspended' | 'terminated', ErrorCode | 'ok'>
  > = {
    issue: {
      none: 'ok',
      active: 'COVERAGE_ALREADY_ACTIVE',
      suspended: 'COVERAGE_ALREADY_ACTIVE',
      terminated: deadInLaw ? 'COVERAGE_TERMINATED' : 'ok',
    },
    suspend: {
      none: 'COVERAGE_NONE',
      active: 'ok',
      suspended: 'COVERAGE_NOT_ACTIVE',
      terminated: 'COVERAGE_TERMINATED',
    },
    renew: {
      none: 'COVERAGE_NONE',
      active: 'COVERAGE_NOT_SUSPENDED',
      suspended: 'ok',
      terminated: 'COVERAGE_TERMINATED',
    },
    terminate: { none: 'COVERAGE_NONE', active: 'ok', suspended: 'ok', terminated: 'COVERAGE_TERMINATED' },
    change_insurer: {
      none: 'COVERAGE_NONE',
      active: 'ok',
      suspended: 'COVERAGE_NOT_ACTIVE',
      terminated: 'COVERAGE_TERMINATED',
    },
    change_region: {
      none: 'COVERAGE_NONE',
      active: 'ok',
      suspended: 'COVERAGE_NOT_ACTIVE',
      terminated: 'COVERAGE_TERMINATED',
    },
  };
  // A foreigner's policy (bounded, or issued on a permit) gives way to citizenship or a new permit.
  const foreigners = latest !== null && (latest.validTo !== null || latest.reason === 'residence_permit');
  if (
    c.type === 'issue' &&
    state === 'active' &&
    foreigners &&
    (c.reason === 'citizenship_acquired' || c.reason === 'residence_permit')
  ) {
    return 'ok';
  }
  const outcome = table[c.type][state];
  if (outcome !== 'ok' || latest === null || !covered) return outcome;
  if (c.type === 'change_insurer' && c.insurerCode === latest.insurerCode) return 'COVERAGE_SAME_INSURER';
  if (c.type === 'change_region' && c.subjectCode === latest.subjectCode) return 'COVERAGE_SAME_REGION';
  return 'ok';
}

const EXPECTED_STATUS: Record<CoverageCommand['type'], CoveragePeriod['status']> = {
  issue: 'active',
  suspend: 'suspended',
  renew: 'active',
  terminate: 'terminated',
  change_insurer: 'active',
  change_region: 'active',
};

function checkInvariants(timeline: readonly CoveragePeriod[]) {
  let open = 0;
  for (let i = 0; i < timeline.length; i++) {
    const p = timeline[i]!;
    if (p.validTo === null) open++;
    else expect(p.validTo > p.validFrom, 'no empty period').toBe(true);
    const next = timeline[i + 1];
    if (next) {
      expect(p.validFrom < next.validFrom, 'sorted').toBe(true);
      expect(p.validTo !== null && p.validTo <= next.validFrom, 'no overlap').toBe(true);
    }
    if (p.status === 'terminated' && (p.reason === 'death' || p.reason === 'declared_dead')) {
      expect(i, 'nothing after death').toBe(timeline.length - 1);
    }
  }
  expect(open).toBeLessThanOrEqual(1);
  if (open === 1) expect(timeline.at(-1)!.validTo).toBeNull();
  for (const p of timeline) expect(isCoverageReason(p.reason)).toBe(true);
}

describe('coverage properties', () => {
  it('random command sequences keep the timeline consistent and follow the rules', () => {
    fc.assert(
      fc.property(arbSteps, (steps) => {
        let timeline: CoveragePeriod[] = [];
        let date = d('2015-01-01');
        let deathOn: LocalDate | null = null;
        for (const step of steps) {
          date = addDays(date, step.gap);
          const on = addDays(date, -step.backdate);
          const command = buildCommand(on, step.shape);
          const before = structuredClone(timeline);
          const latest = timeline.at(-1) ?? null;
          const expected = modelOutcome(latest, command);
          const r = applyToTimeline(timeline, command);

          expect(timeline).toEqual(before); // input never modified
          if (!r.ok) {
            expect(r.code).toBe(expected);
            expect(r.message).toMatch(/[А-Яа-яЁё]/);
            continue;
          }
          expect(expected).toBe('ok');
          const next = r.timeline;
          const opened = next.at(-1)!;
          expect(opened.validFrom).toBe(on);
          expect(opened.status).toBe(EXPECTED_STATUS[command.type]);
          // The previous latest period ends at `on`, stays untouched (expired), or disappears (same day).
          if (latest !== null) {
            const expiredBefore = latest.validTo !== null && on >= latest.validTo;
            if (expiredBefore) expect(next.at(-2)).toEqual(latest);
            else if (latest.validFrom === on) expect(next).toHaveLength(timeline.length);
            else expect(next.at(-2)).toEqual({ ...latest, validTo: on });
            if (
              command.type === 'suspend' ||
              command.type === 'renew' ||
              command.type === 'change_insurer' ||
              command.type === 'change_region'
            ) {
              expect(opened.validTo).toBe(latest.validTo);
            }
          }
          expect(next.slice(0, -2)).toEqual(timeline.slice(0, Math.max(0, next.length - 2)));
          timeline = next;
          checkInvariants(timeline);
          if (
            opened.status === 'terminated' &&
            (opened.reason === 'death' || opened.reason === 'declared_dead')
          )
            deathOn = on;
          if (deathOn !== null) {
            for (let k = 0; k < 400; k += 37)
              expect(coverageOn(timeline, addDays(deathOn, k))?.status).toBe('terminated');
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('applyCoverageCommand never allows what the rules forbid, from any period and date', () => {
    const arbPeriod = fc.record({
      insurerCode: fc.constantFrom(...INSURERS),
      subjectCode: fc.constantFrom(...SUBJECTS),
      status: fc.constantFrom('active' as const, 'suspended' as const, 'terminated' as const),
      reason: fc.constantFrom<CoverageReason>(...COVERAGE_REASONS),
      validFrom: fc.constant(d('2024-01-01')),
      validTo: fc.option(
        fc.integer({ min: 1, max: 800 }).map((n) => addDays(d('2024-01-01'), n)),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(
        fc.option(arbPeriod, { nil: null }),
        fc.integer({ min: -30, max: 900 }),
        arbCommandShape,
        (latest, offset, shape) => {
          const command = buildCommand(addDays(d('2024-01-01'), offset), shape);
          const t = applyCoverageCommand(latest, command);
          const expected = modelOutcome(latest, command);
          expect(t.ok ? 'ok' : t.code).toBe(expected);
          if (t.ok) {
            expect(t.opened.validTo === null || t.opened.validTo > t.opened.validFrom).toBe(true);
            if (t.truncated)
              expect(t.truncated.validTo === null || t.truncated.validTo > t.truncated.validFrom).toBe(true);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('terminateRetroactively (a termination learnt late)', () => {
  const first = period({ validFrom: d('2024-01-01'), validTo: d('2025-03-01') });
  const second = period({ validFrom: d('2025-03-01'), insurerCode: '50002', reason: 'insurer_change' });
  const death = { type: 'terminate' as const, on: d('2025-01-10'), reason: 'death' as const };

  it('cuts the period in force that day and voids every later one', () => {
    const t = terminateRetroactively([first, second], death);
    if (!t.ok) throw new Error(t.message);
    expect(t.retracted).toEqual([first, second]);
    expect(t.truncated).toEqual({ ...first, validTo: '2025-01-10' });
    expect(t.opened).toMatchObject({
      status: 'terminated',
      reason: 'death',
      validFrom: '2025-01-10',
      validTo: null,
    });
    // On the first day of a period, that period goes entirely.
    const onStart = terminateRetroactively([first, second], { ...death, on: d('2025-03-01') });
    if (!onStart.ok) throw new Error(onStart.message);
    expect(onStart.retracted).toEqual([second]);
    expect(onStart.truncated).toBeNull();
  });

  it('refuses a date without coverage, an already terminated day, and a reason that does not terminate', () => {
    expect(refusal(terminateRetroactively([first, second], { ...death, on: d('2023-06-01') })).code).toBe(
      'COVERAGE_NONE',
    );
    expect(refusal(terminateRetroactively([first, dead], { ...death, on: d('2025-06-01') })).code).toBe(
      'COVERAGE_TERMINATED',
    );
    expect(
      refusal(terminateRetroactively([first], { ...death, reason: 'military_service' as never })).code,
    ).toBe('COVERAGE_REASON_INVALID');
  });
});
