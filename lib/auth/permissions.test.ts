import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { can } from './permissions';

const admin: Actor = { kind: 'staff', id: 'a', role: 'ffoms_admin' };
const tfoms77: Actor = { kind: 'staff', id: 't', role: 'tfoms_operator', subjectCode: '77' };
const smo: Actor = { kind: 'staff', id: 's', role: 'smo_operator', insurerCode: '77001' };
const registrar: Actor = { kind: 'clinic', id: 'r', moCode: '770001' };
const citizen: Actor = { kind: 'citizen', id: 'c', personId: 1, representedPersonIds: [], trusted: true };

describe("'staff:manage'", () => {
  it('the ФФОМС administrator manages every account', () => {
    for (const staffRole of ['ffoms_admin', 'tfoms_operator', 'smo_operator', 'clinic_registrar'] as const) {
      expect(can(admin, 'staff:manage', { staffRole, staffRegions: ['01'] })).toBe(true);
    }
  });

  it('a ТФОМС operator: СМО operators and registrars working in its region, nothing else', () => {
    expect(can(tfoms77, 'staff:manage', { staffRole: 'smo_operator', staffRegions: ['50', '77'] })).toBe(
      true,
    );
    expect(can(tfoms77, 'staff:manage', { staffRole: 'clinic_registrar', staffRegions: ['77'] })).toBe(true);
    expect(can(tfoms77, 'staff:manage', { staffRole: 'clinic_registrar', staffRegions: ['50'] })).toBe(false);
    expect(can(tfoms77, 'staff:manage', { staffRole: 'tfoms_operator', staffRegions: ['77'] })).toBe(false);
    expect(can(tfoms77, 'staff:manage', { staffRole: 'ffoms_admin', staffRegions: ['77'] })).toBe(false);
    // The region alone (the other permissions' scope) is not enough.
    expect(can(tfoms77, 'staff:manage', { subjectCode: '77' })).toBe(false);
  });

  it('nobody else manages accounts', () => {
    for (const actor of [smo, registrar, citizen]) {
      expect(
        can(actor, 'staff:manage', { staffRole: 'smo_operator', staffRegions: ['77'], insurerCode: '77001' }),
      ).toBe(false);
    }
  });
});

describe("'api_key:manage'", () => {
  it('the administrator any МО, a ТФОМС operator its region’s, nobody else', () => {
    expect(can(admin, 'api_key:manage', { subjectCode: '50' })).toBe(true);
    expect(can(tfoms77, 'api_key:manage', { subjectCode: '77' })).toBe(true);
    expect(can(tfoms77, 'api_key:manage', { subjectCode: '50' })).toBe(false);
    expect(can(smo, 'api_key:manage', { subjectCode: '77', insurerCode: '77001' })).toBe(false);
    expect(can(registrar, 'api_key:manage', { subjectCode: '77' })).toBe(false);
  });
});
