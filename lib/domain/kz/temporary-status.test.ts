import { describe, expect, it } from 'vitest';
import { citizen, d, membership, osmsParameters as params } from '@/testing/kz/osms';
import { revokedOnFor, temporaryStatusRefusal } from './temporary-status';

const upload = (uploadedOn: string, revokedOn: string | null = null) => ({
  category: 'DISABILITY' as const,
  uploadedOn: d(uploadedOn),
  uploadedBy: 'person' as const,
  revokedOn: revokedOn === null ? null : d(revokedOn),
});

describe('temporaryStatusRefusal', () => {
  it('gives a status to a person with no category data and no standing upload', () => {
    expect(temporaryStatusRefusal(params, citizen(), 'DISABILITY', d('2025-03-10'))).toBeNull();
  });

  it('refuses a person already insured on a category, naming it and the ground', () => {
    const facts = citizen({ memberships: [membership('PENSIONER', '2021-05-01', null)] });
    expect(temporaryStatusRefusal(params, facts, 'DISABILITY', d('2025-03-10'))).toEqual({
      code: 'KZ_ALREADY_INSURED_ON_CATEGORY',
      details: { category: 'PENSIONER', ground: 'STATE_CATEGORY' },
    });
  });

  it('refuses while an upload for the same category holds, through its last day, and not after', () => {
    const facts = citizen({ temporaryStatuses: [upload('2025-03-10')] });
    const holds = {
      code: 'KZ_TEMPORARY_STATUS_HOLDS',
      details: { category: 'DISABILITY', until: '2025-04-09' },
    };
    expect(temporaryStatusRefusal(params, facts, 'DISABILITY', d('2025-04-09'))).toEqual(holds);
    expect(temporaryStatusRefusal(params, facts, 'DISABILITY', d('2025-04-10'))).toBeNull();
  });

  it('lets another category, or the same one after a revocation, be uploaded', () => {
    const held = citizen({ temporaryStatuses: [upload('2025-03-10')] });
    expect(temporaryStatusRefusal(params, held, 'CHILDREN', d('2025-03-15'))).toBeNull();
    const revoked = citizen({ temporaryStatuses: [upload('2025-03-10', '2025-03-12')] });
    expect(temporaryStatusRefusal(params, revoked, 'DISABILITY', d('2025-03-15'))).toBeNull();
  });
});

describe('revokedOnFor', () => {
  it('revokes from today, never before the upload day', () => {
    expect(revokedOnFor(d('2025-03-10'), d('2025-03-20'))).toBe('2025-03-20');
    expect(revokedOnFor(d('2025-03-10'), d('2025-03-10'))).toBe('2025-03-10');
    expect(revokedOnFor(d('2025-03-11'), d('2025-03-10'))).toBe('2025-03-11');
  });
});
