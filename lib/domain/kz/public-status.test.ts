import { describe, expect, it } from 'vitest';
import { citizen, d, membership, osmsParameters as params, paid } from '@/testing/kz/osms';
import { categoryName, OSMS_CATEGORIES } from './categories';
import { osmsStatusOn } from './insured-status';
import type { OsmsFacts } from './osms-facts';
import { publicOsmsStatus } from './public-status';

const status = (facts: OsmsFacts, on: string, since?: string) =>
  osmsStatusOn(params, facts, d(on), since ? { dataUnavailableSince: d(since) } : {});

describe('the public face of a status', () => {
  it('never names the category, whatever the ground or the reason', () => {
    for (const category of OSMS_CATEGORIES) {
      const temporary = { category, uploadedBy: 'clinic' as const, revokedOn: null };
      const cases = [
        status(citizen({ memberships: [membership(category, '2021-01-01', null)] }), '2026-06-01'),
        status(citizen({ memberships: [membership(category, '2021-01-01', '2026-05-15')] }), '2026-06-01'),
        status(citizen({ memberships: [membership(category, '2021-01-01', '2025-05-15')] }), '2026-06-01'),
        status(citizen({ temporaryStatuses: [{ ...temporary, uploadedOn: d('2026-05-20') }] }), '2026-06-01'),
        status(citizen({ temporaryStatuses: [{ ...temporary, uploadedOn: d('2026-03-20') }] }), '2026-06-01'),
        status(
          citizen({ memberships: [membership(category, '2021-01-01', null)] }),
          '2026-06-10',
          '2026-06-05',
        ),
      ];
      expect(cases.map((c) => c.code)).toEqual([
        expect.stringMatching(/_CATEGORY$/),
        'GRACE_AFTER_CATEGORY',
        'GRACE_ENDED',
        'TEMPORARY_DOCUMENT',
        'TEMPORARY_ENDED',
        'SYSTEMS_UNAVAILABLE',
      ]);
      for (const c of cases) {
        // the full status names it; the public one does not, and keeps everything else
        expect(c.text).toContain(categoryName(category));
        const shown = publicOsmsStatus(c);
        expect(shown.text).not.toContain(categoryName(category));
        expect(shown).toEqual({
          insured: c.insured,
          code: c.code,
          text: shown.text,
          advice: c.advice,
          until: c.until,
          months: c.months,
        });
      }
    }
  });

  it('keeps the rule’s own words where no category is involved, and says until when', () => {
    const employee = status(citizen({ contributions: [paid('employer', '2026-05')] }), '2026-06-01');
    expect(publicOsmsStatus(employee).text).toBe(employee.text);
    const grace = status(
      citizen({ memberships: [membership('DISABILITY', '2021-01-01', '2026-05-15')] }),
      '2026-06-01',
    );
    expect(publicOsmsStatus(grace).text).toContain('до 15.08.2026');
  });
});
