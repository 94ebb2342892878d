import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { staffAccounts, staffActions } from '@/db/schema';
import { createStaffAccount } from './staff-accounts';
import { readStaffSession } from './staff-sessions';
import { changeOwnPassword, signOutEverywhere } from './staff-profile';
import { passSecondFactor, signInWithPassword, type SignInOutcome } from './staff-sign-in';
import { newTotpSecret, totpCode } from './totp';
import { confirmTotpEnrolment, totpEnrolmentOffer } from './totp-enrolment';

const t0 = new Date('2026-12-04T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
let n = 0;

async function account(
  role: 'ffoms_admin' | 'tfoms_operator' = 'tfoms_operator',
  totpSecret: string | null = null,
) {
  const login = `signin.${++n}`;
  const password = `correct-horse-${n}-battery`;
  const id = await createStaffAccount({
    login,
    password,
    fullName: 'Проверкин Пётр Петрович',
    role,
    ...(role === 'tfoms_operator' ? { subjectCode: '77' } : {}),
    totpSecret,
  });
  return { id, login, password };
}

function sessionOf(outcome: SignInOutcome) {
  if (outcome.kind !== 'session') throw new Error(`expected a session, got ${outcome.kind}`);
  return outcome;
}

async function actionsOf(staffId: number, action: string) {
  return getDb()
    .select()
    .from(staffActions)
    .where(and(eq(staffActions.staffId, staffId), eq(staffActions.action, action as 'sign_in')));
}

describe('staff sign-in: lockout', () => {
  it('locks an account after 5 failures in 15 minutes, even with the right password, and lifts 15 minutes after the last', async () => {
    const a = await account();
    const address = '198.51.100.1';
    for (let i = 0; i < 4; i++) {
      expect(await signInWithPassword({ login: a.login, password: 'wrong', address, now: at(i) })).toEqual({
        kind: 'refused',
      });
    }
    // The fifth failure locks at once, and says until when.
    expect(await signInWithPassword({ login: a.login, password: 'wrong', address, now: at(4) })).toEqual({
      kind: 'locked',
      until: at(19),
    });
    // From another address too: the lock is on the account.
    expect(
      await signInWithPassword({
        login: a.login,
        password: a.password,
        address: '198.51.100.2',
        now: at(10),
      }),
    ).toEqual({ kind: 'locked', until: at(19) });
    expect(
      (await signInWithPassword({ login: a.login, password: a.password, address, now: at(19) })).kind,
    ).toBe('session');
    const failed = await actionsOf(a.id, 'sign_in_failed');
    expect(failed.map((r) => (r.details as { reason: string }).reason).sort()).toEqual([
      'locked',
      'password',
      'password',
      'password',
      'password',
      'password',
    ]);
    expect(await actionsOf(a.id, 'sign_in')).toHaveLength(1);
  });

  it('a successful sign-in starts the account count again', async () => {
    const a = await account();
    const address = '198.51.100.3';
    for (let i = 0; i < 4; i++)
      await signInWithPassword({ login: a.login, password: 'x', address, now: at(i) });
    sessionOf(await signInWithPassword({ login: a.login, password: a.password, address, now: at(5) }));
    expect(await signInWithPassword({ login: a.login, password: 'x', address, now: at(6) })).toEqual({
      kind: 'refused',
    });
  });

  it('locks an address after 20 failures across logins, unknown ones included, until 15 minutes after the last', async () => {
    const a = await account();
    const address = '203.0.113.50';
    for (let i = 0; i < 19; i++) {
      const outcome = await signInWithPassword({
        login: `nobody.${i}`,
        password: 'x',
        address,
        now: at(i / 2),
      });
      expect(outcome.kind).toBe('refused');
    }
    expect(await signInWithPassword({ login: 'nobody.19', password: 'x', address, now: at(10) })).toEqual({
      kind: 'locked',
      until: at(25),
    });
    // A real account with its right password is refused from that address, and not from another.
    expect(await signInWithPassword({ login: a.login, password: a.password, address, now: at(11) })).toEqual({
      kind: 'locked',
      until: at(25),
    });
    expect(
      (
        await signInWithPassword({
          login: a.login,
          password: a.password,
          address: '203.0.113.51',
          now: at(11),
        })
      ).kind,
    ).toBe('session');
    expect(
      (await signInWithPassword({ login: a.login, password: a.password, address, now: at(25) })).kind,
    ).toBe('session');
  });

  it('a blocked account is refused with the right password, like a wrong one', async () => {
    const a = await account();
    await getDb().update(staffAccounts).set({ active: false }).where(eq(staffAccounts.id, a.id));
    expect(
      await signInWithPassword({ login: a.login, password: a.password, address: '198.51.100.9', now: at(0) }),
    ).toEqual({ kind: 'refused' });
  });
});

describe('staff sign-in: second factor', () => {
  it('asks an account with TOTP for a code; a code is taken once, an older one never', async () => {
    const secret = newTotpSecret();
    const a = await account('tfoms_operator', secret);
    const address = '198.51.100.20';
    const first = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    expect(first.stage).toBe('second_factor');
    expect(await readStaffSession(first.sessionId, at(0))).toMatchObject({
      session: { stage: 'second_factor' },
    });
    const code = totpCode(secret, at(0));
    expect(
      sessionOf(await passSecondFactor({ sessionId: first.sessionId, code, address, now: at(0) })).stage,
    ).toBe('active');

    // The same code again, within its window, from a second sign-in: refused.
    const second = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0.2) }),
    );
    expect(await passSecondFactor({ sessionId: second.sessionId, code, address, now: at(0.2) })).toEqual({
      kind: 'refused',
    });
    // The previous step's code (still inside the ±1 window): refused too, it is older than the one used.
    expect(
      await passSecondFactor({
        sessionId: second.sessionId,
        code: totpCode(secret, at(-0.5)),
        address,
        now: at(0.2),
      }),
    ).toEqual({ kind: 'refused' });
    expect(
      (
        await passSecondFactor({
          sessionId: second.sessionId,
          code: totpCode(secret, at(0.5)),
          address,
          now: at(0.5),
        })
      ).kind,
    ).toBe('session');
  });

  it('two requests with one code at once: exactly one passes', async () => {
    const secret = newTotpSecret();
    const a = await account('tfoms_operator', secret);
    const address = '198.51.100.21';
    const s1 = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(1) }),
    );
    const s2 = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(1) }),
    );
    const code = totpCode(secret, at(1));
    const outcomes = await Promise.all([
      passSecondFactor({ sessionId: s1.sessionId, code, address, now: at(1) }),
      passSecondFactor({ sessionId: s2.sessionId, code, address, now: at(1) }),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['refused', 'session']);
  });

  it('failed codes count towards the lockout', async () => {
    const secret = newTotpSecret();
    const a = await account('tfoms_operator', secret);
    const address = '198.51.100.22';
    const s = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    for (let i = 0; i < 4; i++) {
      expect(
        (await passSecondFactor({ sessionId: s.sessionId, code: '000000', address, now: at(i / 4) })).kind,
      ).toBe('refused');
    }
    expect(await passSecondFactor({ sessionId: s.sessionId, code: '000000', address, now: at(1.1) })).toEqual(
      {
        kind: 'locked',
        until: at(16.1),
      },
    );
    // Even the right code is refused while locked.
    expect(
      (
        await passSecondFactor({
          sessionId: s.sessionId,
          code: totpCode(secret, at(1.2)),
          address,
          now: at(1.2),
        })
      ).kind,
    ).toBe('locked');
  });

  it('an administrator without TOTP enrols right after the password; the recovery codes then work once each', async () => {
    const a = await account('ffoms_admin');
    const address = '198.51.100.23';
    const s = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    expect(s.stage).toBe('enrolment');
    const offer = await totpEnrolmentOffer(s.sessionId, at(0));
    // A reload offers the same secret (the QR code the person may have scanned already).
    expect((await totpEnrolmentOffer(s.sessionId, at(0.5))).secret).toBe(offer.secret);
    await expect(
      confirmTotpEnrolment({ sessionId: s.sessionId, code: '123456', address, now: at(1) }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const { recoveryCodes } = await confirmTotpEnrolment({
      sessionId: s.sessionId,
      code: totpCode(offer.secret, at(1)),
      address,
      now: at(1),
    });
    expect(recoveryCodes).toHaveLength(10);
    expect(await readStaffSession(s.sessionId, at(1))).toMatchObject({ session: { stage: 'active' } });
    expect(await actionsOf(a.id, 'totp_enrolled')).toHaveLength(1);

    const next = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(2) }),
    );
    expect(next.stage).toBe('second_factor');
    const code = recoveryCodes[3]!.toUpperCase();
    expect((await passSecondFactor({ sessionId: next.sessionId, code, address, now: at(2) })).kind).toBe(
      'session',
    );
    const again = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(3) }),
    );
    expect(await passSecondFactor({ sessionId: again.sessionId, code, address, now: at(3) })).toEqual({
      kind: 'refused',
    });
  });
});

describe('staff sessions', () => {
  it('end after 30 minutes idle, and after 8 hours however busy', async () => {
    const a = await account();
    const address = '198.51.100.30';
    const s = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    expect(await readStaffSession(s.sessionId, at(29))).not.toBeNull();
    expect(await readStaffSession(s.sessionId, at(58))).not.toBeNull(); // used at 29: idle 29 min
    expect(await readStaffSession(s.sessionId, at(88.5))).toBeNull(); // idle 30.5 min
    expect(await readStaffSession(s.sessionId, at(89))).toBeNull(); // ended for good

    const busy = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    for (let m = 20; m < 480; m += 20) expect(await readStaffSession(busy.sessionId, at(m))).not.toBeNull();
    expect(await readStaffSession(busy.sessionId, at(480))).toBeNull();
  });

  it('sign-out everywhere ends every session of the account, and only its', async () => {
    const a = await account();
    const b = await account();
    const address = '198.51.100.31';
    const s1 = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    const s2 = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    const other = sessionOf(
      await signInWithPassword({ login: b.login, password: b.password, address, now: at(0) }),
    );
    expect(await signOutEverywhere(s1.sessionId, address, at(1))).toBe(2);
    expect(await readStaffSession(s1.sessionId, at(1))).toBeNull();
    expect(await readStaffSession(s2.sessionId, at(1))).toBeNull();
    expect(await readStaffSession(other.sessionId, at(1))).not.toBeNull();
    expect(await actionsOf(a.id, 'sign_out_everywhere')).toHaveLength(1);
  });

  it('a blocked account’s sessions stop at once', async () => {
    const a = await account();
    const s = sessionOf(
      await signInWithPassword({
        login: a.login,
        password: a.password,
        address: '198.51.100.32',
        now: at(0),
      }),
    );
    await getDb().update(staffAccounts).set({ active: false }).where(eq(staffAccounts.id, a.id));
    expect(await readStaffSession(s.sessionId, at(0.1))).toBeNull();
  });

  it('a password change needs the current password, keeps this session and ends the others', async () => {
    const a = await account();
    const address = '198.51.100.33';
    const here = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    const there = sessionOf(
      await signInWithPassword({ login: a.login, password: a.password, address, now: at(0) }),
    );
    await expect(
      changeOwnPassword({
        sessionId: here.sessionId,
        currentPassword: 'wrong',
        newPassword: 'a-new-long-password',
        address,
        now: at(1),
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'currentPassword', code: 'PASSWORD_WRONG' }] });
    await expect(
      changeOwnPassword({
        sessionId: here.sessionId,
        currentPassword: a.password,
        newPassword: 'short',
        address,
        now: at(1),
      }),
    ).rejects.toMatchObject({ fields: [{ field: 'newPassword', code: 'PASSWORD_WEAK' }] });
    await changeOwnPassword({
      sessionId: here.sessionId,
      currentPassword: a.password,
      newPassword: 'a-new-long-password',
      address,
      now: at(1),
    });
    expect(await readStaffSession(here.sessionId, at(2))).not.toBeNull();
    expect(await readStaffSession(there.sessionId, at(2))).toBeNull();
    expect(
      (await signInWithPassword({ login: a.login, password: a.password, address, now: at(3) })).kind,
    ).toBe('refused');
    expect(
      (await signInWithPassword({ login: a.login, password: 'a-new-long-password', address, now: at(3) }))
        .kind,
    ).toBe('session');
    expect(await actionsOf(a.id, 'password_changed')).toHaveLength(1);
  });
});
