import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';

const admin: Actor = { kind: 'staff', id: 'a', role: 'ffoms_admin' };
const tfoms77: Actor = { kind: 'staff', id: 't', role: 'tfoms_operator', subjectCode: '77' };
const smo: Actor = { kind: 'staff', id: 's', role: 'smo_operator', insurerCode: '77001' };
const registrar: Actor = { kind: 'clinic', id: 'r', moCode: '770001' };
const apiKey: Actor = { kind: 'api_key', id: 'k', moCode: '770001' };
const citizen: Actor = { kind: 'citizen', id: 'c', personId: 1, representedPersonIds: [], trusted: true };

describe("'dashboard:read'", () => {
  it('the ФФОМС administrator: the country and every region', () => {
    expect(can(admin, 'dashboard:read', {})).toBe(true);
    expect(can(admin, 'dashboard:read', { subjectCode: '50' })).toBe(true);
  });

  it('a ТФОМС operator: its own region only, not the country', () => {
    expect(can(tfoms77, 'dashboard:read', { subjectCode: '77' })).toBe(true);
    expect(can(tfoms77, 'dashboard:read', { subjectCode: '50' })).toBe(false);
    expect(can(tfoms77, 'dashboard:read', {})).toBe(false);
  });

  it('insurers, clinics and citizens have no dashboards', () => {
    for (const actor of [smo, registrar, apiKey, citizen]) {
      expect(can(actor, 'dashboard:read', { subjectCode: '77', insurerCode: '77001' })).toBe(false);
    }
  });
});
