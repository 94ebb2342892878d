import { describe, expect, it } from 'vitest';
import { waitingDue } from './decided';

describe('waitingDue: the due time a waiting application’s confirmation shows', () => {
  const due = new Date('2027-12-31T20:59:59.999Z'); // 23:59 on 31.12.2027 in Moscow

  it('shows when an operator decides by, in Moscow time, and carries the provisional mark', () => {
    expect(waitingDue({ dueAt: due, dueProvisional: true }, true)).toEqual({
      dueAt: '31.12.2027, 23:59',
      dueProvisional: true,
    });
    expect(waitingDue({ dueAt: due, dueProvisional: false }, true).dueProvisional).toBe(false);
  });

  it('shows nothing for an application that is not waiting, or has no due time', () => {
    expect(waitingDue({ dueAt: due, dueProvisional: true }, false)).toEqual({
      dueAt: null,
      dueProvisional: false,
    });
    expect(waitingDue({ dueAt: null, dueProvisional: true }, true)).toEqual({
      dueAt: null,
      dueProvisional: false,
    });
    expect(waitingDue(null, true).dueAt).toBeNull();
  });
});
