import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attachmentEligibility, type AttachmentFacts } from './attachment-change';
import { dateToEpochDays, epochDaysToDate, type LocalDate } from '@/lib/domain/dates';

const d = (s: string) => s as LocalDate;
const facts = (p: Partial<AttachmentFacts> & { today: LocalDate }): AttachmentFacts => ({
  lastAttachedOn: null,
  changes: [],
  lastMove: null,
  ...p,
});

describe('attachmentEligibility', () => {
  it('always allows the first attachment, even on 31 December after a move', () => {
    expect(attachmentEligibility(facts({ today: d('2026-12-31'), lastMove: d('2026-12-01') }))).toMatchObject(
      {
        allowed: true,
        basis: 'first',
      },
    );
  });

  it('allows one voluntary change per calendar year', () => {
    expect(
      attachmentEligibility(facts({ today: d('2026-12-31'), lastAttachedOn: d('2026-03-01') })),
    ).toMatchObject({
      allowed: true,
      basis: 'annual',
    });
    const r = attachmentEligibility(
      facts({
        today: d('2026-12-31'),
        lastAttachedOn: d('2026-04-01'),
        changes: [{ date: d('2026-04-01') }],
      }),
    );
    expect(r).toMatchObject({ allowed: false, code: 'ATTACHMENT_LIMIT', nextAllowedDate: '2027-01-01' });
    if (!r.allowed) {
      expect(r.message).toContain('01.04.2026');
      expect(r.message).toContain('01.01.2027');
      expect(r.message).toContain('переезда');
    }
  });

  it('a change last year does not count this year', () => {
    expect(
      attachmentEligibility(
        facts({
          today: d('2027-01-01'),
          lastAttachedOn: d('2026-12-31'),
          changes: [{ date: d('2026-12-31') }],
        }),
      ),
    ).toMatchObject({ allowed: true, basis: 'annual' });
  });

  it('a move after the last attachment unlocks a change', () => {
    const r = attachmentEligibility(
      facts({
        today: d('2026-09-01'),
        lastAttachedOn: d('2026-04-01'),
        changes: [{ date: d('2026-04-01') }],
        lastMove: d('2026-08-15'),
      }),
    );
    expect(r).toMatchObject({ allowed: true, basis: 'after_move' });
    if (r.allowed) expect(r.message).toContain('15.08.2026');
  });

  it('the attachment made after the move uses the move up', () => {
    // Moved 15.08, re-attached 20.08 (after the move: not in `changes`), wants another change in September.
    const r = attachmentEligibility(
      facts({
        today: d('2026-09-01'),
        lastAttachedOn: d('2026-08-20'),
        changes: [{ date: d('2026-04-01') }],
        lastMove: d('2026-08-15'),
      }),
    );
    expect(r).toMatchObject({ allowed: false, code: 'ATTACHMENT_LIMIT' });
  });

  it('a move on the day of the last attachment or in the future does not unlock', () => {
    const base = {
      today: d('2026-09-01'),
      lastAttachedOn: d('2026-04-01'),
      changes: [{ date: d('2026-04-01') }],
    };
    expect(attachmentEligibility(facts({ ...base, lastMove: d('2026-04-01') }))).toMatchObject({
      allowed: false,
    });
    expect(attachmentEligibility(facts({ ...base, lastMove: d('2026-09-02') }))).toMatchObject({
      allowed: false,
    });
    expect(attachmentEligibility(facts({ ...base, lastMove: d('2026-09-01') }))).toMatchObject({
      allowed: true,
      basis: 'after_move',
    });
  });

  it('takes the latest change as the last attachment when lastAttachedOn is missing', () => {
    expect(
      attachmentEligibility(
        facts({ today: d('2026-09-01'), changes: [{ date: d('2026-06-01') }], lastMove: d('2026-05-01') }),
      ),
    ).toMatchObject({ allowed: false, code: 'ATTACHMENT_LIMIT' });
  });

  it('leap day and year boundaries', () => {
    expect(
      attachmentEligibility(
        facts({
          today: d('2028-02-29'),
          lastAttachedOn: d('2028-01-10'),
          changes: [{ date: d('2028-01-10') }],
        }),
      ),
    ).toMatchObject({ allowed: false, nextAllowedDate: '2029-01-01' });
  });

  it('never allows a second voluntary change in a calendar year without a move', () => {
    const day = fc
      .integer({ min: dateToEpochDays(d('2024-01-01')), max: dateToEpochDays(d('2027-12-31')) })
      .map(epochDaysToDate);
    fc.assert(
      fc.property(
        day,
        fc.array(day, { maxLength: 4 }),
        fc.option(day, { nil: null }),
        fc.option(day, { nil: null }),
        (today, changeDates, lastAttachedOn, lastMove) => {
          const changes = changeDates.map((date) => ({ date }));
          const r = attachmentEligibility({ today, changes, lastAttachedOn, lastMove });
          const year = today.slice(0, 4);
          const last = [lastAttachedOn, ...changeDates]
            .filter((x): x is LocalDate => x !== null)
            .sort()
            .at(-1);
          if (r.allowed) {
            if (r.basis === 'first') expect(last).toBeUndefined();
            if (r.basis === 'annual') expect(changeDates.some((c) => c.startsWith(year))).toBe(false);
            if (r.basis === 'after_move')
              expect(lastMove !== null && last !== undefined && lastMove > last && lastMove <= today).toBe(
                true,
              );
          } else {
            expect(changeDates.some((c) => c.startsWith(year))).toBe(true);
            expect(r.nextAllowedDate).toBe(`${Number(year) + 1}-01-01`);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
