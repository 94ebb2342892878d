import { describe, expect, it } from 'vitest';
import { publicActor, type Actor } from './actor';
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

describe('Kazakhstan’s ОСМС permissions (ADR 0030)', () => {
  const apiKey: Actor = { kind: 'api_key', id: 'k', moCode: '770001' };
  const payments: Actor = { kind: 'feed', id: 'f', source: 'payments' };
  const categories: Actor = { kind: 'feed', id: 'g', source: 'categories' };
  const zags: Actor = { kind: 'feed', id: 'z', source: 'zags' };
  const system: Actor = { kind: 'system', id: 'seed' };
  const anyone = publicActor('203.0.113.7');
  const untrusted: Actor = {
    kind: 'citizen',
    id: 'u',
    personId: 1,
    representedPersonIds: [],
    trusted: false,
  };
  const parent: Actor = { kind: 'citizen', id: 'p', personId: 5, representedPersonIds: [6], trusted: true };

  it('a temporary status is granted by the person (for themselves or whom they represent) or a clinic', () => {
    expect(can(citizen, 'temporary_status:grant', { personId: 1 })).toBe(true);
    expect(can(citizen, 'temporary_status:grant', { personId: 2 })).toBe(false);
    expect(can(parent, 'temporary_status:grant', { personId: 6 })).toBe(true);
    expect(can(untrusted, 'temporary_status:grant', { personId: 1 })).toBe(false);
    expect(can(registrar, 'temporary_status:grant', { personId: 9 })).toBe(true);
    expect(can(apiKey, 'temporary_status:grant', { personId: 9 })).toBe(true);
    for (const actor of [admin, tfoms77, smo, payments, anyone]) {
      expect(can(actor, 'temporary_status:grant', { personId: 1, subjectCode: '77' })).toBe(false);
    }
  });

  it('only the fund’s administrator revokes one', () => {
    expect(can(admin, 'temporary_status:revoke', { personId: 1 })).toBe(true);
    for (const actor of [tfoms77, smo, registrar, apiKey, citizen, payments, anyone]) {
      expect(can(actor, 'temporary_status:revoke', { personId: 1, subjectCode: '77' })).toBe(false);
    }
  });

  it('contributions and categories are recorded by their feeds (and the system), never by people', () => {
    expect(can(payments, 'contribution:record')).toBe(true);
    expect(can(categories, 'category:record')).toBe(true);
    expect(can(system, 'contribution:record')).toBe(true);
    expect(can(system, 'category:record')).toBe(true);
    for (const actor of [admin, tfoms77, registrar, apiKey, citizen, zags, anyone]) {
      expect(can(actor, 'contribution:record', { personId: 1, subjectCode: '77' })).toBe(false);
      expect(can(actor, 'category:record', { personId: 1, subjectCode: '77' })).toBe(false);
    }
    // …and the Kazakh feeds hold no Russian permission.
    expect(can(payments, 'person:register')).toBe(false);
  });

  it('the public actor holds no permission, and the staff keep theirs', () => {
    expect(can(anyone, 'person:read', { personId: 1 })).toBe(false);
    expect(can(anyone, 'policy:lookup')).toBe(false);
    expect(can(admin, 'person:read', { personId: 1 })).toBe(true);
    expect(can(admin, 'policy:lookup')).toBe(false);
    expect(can(tfoms77, 'person:read', { subjectCode: '77' })).toBe(true);
  });
});

describe('publicActor', () => {
  it('names a client by a digest of its address, the same for the same address and never the address', () => {
    const a = publicActor('203.0.113.7');
    expect(a.kind).toBe('public');
    expect(a.id).toMatch(/^public:[0-9a-f]{16}$/);
    expect(publicActor('203.0.113.7')).toEqual(a);
    expect(publicActor('203.0.113.8').id).not.toBe(a.id);
    expect(a.id).not.toContain('203.0.113.7');
  });
});
