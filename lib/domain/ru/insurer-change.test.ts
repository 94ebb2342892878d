import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dateToEpochDays, epochDaysToDate, type LocalDate } from '@/lib/domain/dates';
import {
  insurerChangeDeadline,
  insurerChangeEligibility,
  type InsurerChangeBasis,
  type InsurerChangeFacts,
} from './insurer-change';

const d = (s: string) => s as LocalDate;
const facts = (p: Partial<InsurerChangeFacts> & { today: LocalDate }): InsurerChangeFacts => ({
  changes: [],
  moves: [],
  insurerLeavingRegion: false,
  ...p,
});

describe('insurerChangeEligibility', () => {
  it('allows the yearly change up to and including 1 November', () => {
    for (const today of ['2026-01-01', '2026-06-15', '2026-10-31', '2026-11-01']) {
      const r = insurerChangeEligibility(facts({ today: d(today) }));
      expect(r).toMatchObject({ allowed: true, basis: 'annual' });
      if (r.allowed) expect(r.message).toContain('01.11.2026');
    }
  });

  it('refuses the yearly change from 2 November to 31 December, next allowed on 1 January', () => {
    for (const today of ['2026-11-02', '2026-11-22', '2026-12-31']) {
      const r = insurerChangeEligibility(facts({ today: d(today) }));
      expect(r).toMatchObject({
        allowed: false,
        code: 'INSURER_CHANGE_AFTER_DEADLINE',
        nextAllowedDate: '2027-01-01',
      });
      if (!r.allowed) {
        expect(r.message).toContain('01.11.2026');
        expect(r.message).toContain('01.01.2027');
        expect(r.message).toContain('переезде');
      }
    }
    expect(insurerChangeEligibility(facts({ today: d('2027-01-01') }))).toMatchObject({
      allowed: true,
      basis: 'annual',
    });
  });

  it('refuses a second yearly change in the same calendar year', () => {
    const r = insurerChangeEligibility(
      facts({ today: d('2026-05-10'), changes: [{ date: d('2026-02-03'), basis: 'annual' }] }),
    );
    expect(r).toMatchObject({ allowed: false, code: 'INSURER_CHANGE_LIMIT', nextAllowedDate: '2027-01-01' });
    if (!r.allowed) {
      expect(r.message).toContain('03.02.2026');
      expect(r.message).toContain('01.01.2027');
    }
  });

  it('the limit wins over the deadline when both apply', () => {
    const r = insurerChangeEligibility(
      facts({ today: d('2026-12-01'), changes: [{ date: d('2026-01-15'), basis: 'annual' }] }),
    );
    expect(r).toMatchObject({ allowed: false, code: 'INSURER_CHANGE_LIMIT' });
  });

  it('a change in an earlier year does not count; one on 31 December counts for its own year only', () => {
    const changes = [{ date: d('2025-12-31'), basis: 'annual' as const }];
    expect(insurerChangeEligibility(facts({ today: d('2025-12-31'), changes }))).toMatchObject({
      allowed: false,
      code: 'INSURER_CHANGE_LIMIT',
      nextAllowedDate: '2026-01-01',
    });
    expect(insurerChangeEligibility(facts({ today: d('2026-01-01'), changes }))).toMatchObject({
      allowed: true,
      basis: 'annual',
    });
  });

  it('changes after a move or an insurer leaving do not use up the yearly change', () => {
    const changes = [
      { date: d('2026-02-01'), basis: 'after_move' as const },
      { date: d('2026-03-01'), basis: 'insurer_leaving' as const },
    ];
    expect(
      insurerChangeEligibility(facts({ today: d('2026-04-01'), changes, moves: [d('2026-01-20')] })),
    ).toMatchObject({
      allowed: true,
      basis: 'annual',
    });
  });

  it('a move after every recorded change unlocks one extra change, even after the deadline', () => {
    const r = insurerChangeEligibility(
      facts({
        today: d('2026-11-22'),
        changes: [{ date: d('2026-03-01'), basis: 'annual' }],
        moves: [d('2026-11-10')],
      }),
    );
    expect(r).toMatchObject({ allowed: true, basis: 'after_move' });
    if (r.allowed) expect(r.message).toContain('10.11.2026');
  });

  it('the extra change is used up by the change that follows the move', () => {
    const r = insurerChangeEligibility(
      facts({
        today: d('2026-11-22'),
        changes: [
          { date: d('2026-03-01'), basis: 'annual' },
          { date: d('2026-11-12'), basis: 'after_move' },
        ],
        moves: [d('2026-11-10')],
      }),
    );
    expect(r).toMatchObject({ allowed: false, code: 'INSURER_CHANGE_LIMIT' });
  });

  it('a move on the same day as the last change does not unlock another', () => {
    const r = insurerChangeEligibility(
      facts({
        today: d('2026-05-01'),
        changes: [{ date: d('2026-04-01'), basis: 'annual' }],
        moves: [d('2026-04-01')],
      }),
    );
    expect(r).toMatchObject({ allowed: false, code: 'INSURER_CHANGE_LIMIT' });
  });

  it('a move recorded for the future does not count yet', () => {
    const r = insurerChangeEligibility(
      facts({
        today: d('2026-05-01'),
        changes: [{ date: d('2026-04-01'), basis: 'annual' }],
        moves: [d('2026-05-02')],
      }),
    );
    expect(r).toMatchObject({ allowed: false, code: 'INSURER_CHANGE_LIMIT' });
  });

  it('uses the latest move for the message, whatever the order of the list', () => {
    const r = insurerChangeEligibility(
      facts({ today: d('2026-12-10'), moves: [d('2026-11-05'), d('2026-12-01'), d('2024-01-01')] }),
    );
    expect(r).toMatchObject({ allowed: true, basis: 'after_move' });
    if (r.allowed) expect(r.message).toContain('01.12.2026');
  });

  it('an insurer leaving the region always allows a change', () => {
    const r = insurerChangeEligibility(
      facts({
        today: d('2026-12-31'),
        insurerLeavingRegion: true,
        changes: [{ date: d('2026-02-01'), basis: 'annual' }],
      }),
    );
    expect(r).toMatchObject({ allowed: true, basis: 'insurer_leaving' });
  });

  it('handles leap years: 29 February is an ordinary day for the rule', () => {
    expect(insurerChangeEligibility(facts({ today: d('2028-02-29') }))).toMatchObject({
      allowed: true,
      basis: 'annual',
    });
    expect(insurerChangeDeadline(2028)).toBe('2028-11-01');
  });

  it('is never allowed as annual after 1 November, and refusals always point to 1 January of the next year', () => {
    const basis = fc.constantFrom<InsurerChangeBasis>('annual', 'after_move', 'insurer_leaving');
    const day = fc
      .integer({ min: dateToEpochDays(d('2024-01-01')), max: dateToEpochDays(d('2028-12-31')) })
      .map(epochDaysToDate);
    fc.assert(
      fc.property(
        day,
        fc.array(fc.record({ date: day, basis }), { maxLength: 5 }),
        fc.array(day, { maxLength: 3 }),
        fc.boolean(),
        (today, changes, moves, leaving) => {
          const r = insurerChangeEligibility({ today, changes, moves, insurerLeavingRegion: leaving });
          const year = Number(today.slice(0, 4));
          if (r.allowed) {
            if (r.basis === 'annual') {
              expect(today.slice(5) <= '11-01').toBe(true);
              expect(changes.some((c) => c.basis === 'annual' && c.date.startsWith(String(year)))).toBe(
                false,
              );
            }
            if (r.basis === 'after_move')
              expect(moves.some((m) => m <= today && changes.every((c) => c.date < m))).toBe(true);
            if (r.basis === 'insurer_leaving') expect(leaving).toBe(true);
          } else {
            expect(leaving).toBe(false);
            expect(r.nextAllowedDate).toBe(`${year + 1}-01-01`);
            expect(addDays(r.nextAllowedDate, -1) >= today).toBe(true);
            expect(r.message).toMatch(/\d{2}\.\d{2}\.\d{4}/);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
