import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { staffAccounts, staffActions, staffRecoveryCodes } from '@/db/schema';
import { createApiKey } from '@/lib/api-keys/create-api-key';
import { listApiKeysInScope } from '@/lib/api-keys/list-api-keys';
import { revokeApiKey } from '@/lib/api-keys/revoke-api-key';
import type { StaffActor } from './staff-context';
import {
  createStaffAccountBy,
  listStaffAccounts,
  rescopeStaff,
  resetStaffTotp,
  setStaffBlocked,
  type StaffActing,
} from './manage-staff';
import { createStaffAccount, staffActor, type StaffScope } from './staff-accounts';
import { readStaffSession } from './staff-sessions';
import { signInWithPassword } from './staff-sign-in';
import { newTotpSecret } from './totp';

let n = 0;
const PASSWORD = 'a-long-test-password-1';

async function make(scope: StaffScope, totpSecret: string | null = null) {
  const login = `managed.${++n}`;
  const id = await createStaffAccount({
    login,
    password: PASSWORD,
    fullName: 'Управляемов Иван',
    ...scope,
    totpSecret,
  });
  return { id, login };
}

async function acting(scope: StaffScope): Promise<StaffActing> {
  const { id, login } = await make(scope);
  const actor = staffActor({
    login,
    role: scope.role,
    subjectCode: scope.subjectCode ?? null,
    insurerCode: scope.insurerCode ?? null,
    moCode: scope.moCode ?? null,
  }) as StaffActor;
  const organisation =
    scope.role === 'ffoms_admin'
      ? 'ffoms'
      : scope.role === 'tfoms_operator'
        ? `tfoms:${scope.subjectCode}`
        : `smo:${scope.insurerCode}`;
  return { actor, staffId: id, login, organisation, address: '192.0.2.10' };
}

const TARGETS: Record<string, StaffScope> = {
  'ffoms admin': { role: 'ffoms_admin' },
  'tfoms 77': { role: 'tfoms_operator', subjectCode: '77' },
  'tfoms 50': { role: 'tfoms_operator', subjectCode: '50' },
  'smo 77001 (serves 77)': { role: 'smo_operator', insurerCode: '77001' },
  'smo 50001 (serves 50)': { role: 'smo_operator', insurerCode: '50001' },
  'registrar 770001 (МО in 77)': { role: 'clinic_registrar', moCode: '770001' },
  'registrar 500001 (МО in 50)': { role: 'clinic_registrar', moCode: '500001' },
};

const ACTORS: Record<string, StaffScope> = {
  'ffoms admin': { role: 'ffoms_admin' },
  'tfoms 77': { role: 'tfoms_operator', subjectCode: '77' },
  'smo 77001': { role: 'smo_operator', insurerCode: '77001' },
};

/** Who may manage whom (issue 11): the administrator everyone; ТФОМС 77 its region's СМО operators and registrars. */
const MAY: Record<string, readonly string[]> = {
  'ffoms admin': Object.keys(TARGETS),
  'tfoms 77': ['smo 77001 (serves 77)', 'registrar 770001 (МО in 77)'],
  'smo 77001': [],
};

const pairs = Object.keys(ACTORS).flatMap((a) =>
  Object.keys(TARGETS).map((t) => [a, t, MAY[a]!.includes(t)] as const),
);

describe('account management: who manages whom', () => {
  it.each(pairs)(
    '%s → %s: may manage = %s (create, block, re-scope, reset TOTP, list)',
    async (a, t, may) => {
      const by = await acting(ACTORS[a]!);
      const target = await make(TARGETS[t]!, newTotpSecret());
      const create = () =>
        createStaffAccountBy({ login: `created.${++n}`, fullName: 'Новиков Новик', ...TARGETS[t]! }, by);
      const listed = by.actor.role === 'smo_operator' ? null : (await listStaffAccounts(by)).map((r) => r.id);
      if (may) {
        expect((await create()).password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
        await setStaffBlocked({ staffId: target.id, blocked: true }, by);
        await setStaffBlocked({ staffId: target.id, blocked: false }, by);
        await resetStaffTotp({ staffId: target.id }, by);
        await rescopeStaff({ staffId: target.id, ...TARGETS[t]! }, by);
        expect(listed).toContain(target.id);
      } else {
        await expect(create()).rejects.toMatchObject({ code: 'FORBIDDEN' });
        const denied = by.actor.role === 'smo_operator' ? 'FORBIDDEN' : 'NOT_FOUND';
        await expect(setStaffBlocked({ staffId: target.id, blocked: true }, by)).rejects.toMatchObject({
          code: denied,
        });
        await expect(resetStaffTotp({ staffId: target.id }, by)).rejects.toMatchObject({ code: denied });
        await expect(rescopeStaff({ staffId: target.id, ...TARGETS[t]! }, by)).rejects.toMatchObject({
          code: denied,
        });
        if (listed) expect(listed).not.toContain(target.id);
        const [row] = await getDb().select().from(staffAccounts).where(eq(staffAccounts.id, target.id));
        expect(row!.active).toBe(true);
        expect(row!.totpEnabledAt).not.toBeNull();
      }
    },
  );

  it('an СМО operator may not even list accounts', async () => {
    const by = await acting({ role: 'smo_operator', insurerCode: '77001' });
    await expect(listStaffAccounts(by)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('a ТФОМС operator may not move an account it manages out of its region', async () => {
    const by = await acting({ role: 'tfoms_operator', subjectCode: '77' });
    const target = await make({ role: 'clinic_registrar', moCode: '770001' });
    await expect(
      rescopeStaff({ staffId: target.id, role: 'clinic_registrar', moCode: '500001' }, by),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(
      rescopeStaff({ staffId: target.id, role: 'tfoms_operator', subjectCode: '77' }, by),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await rescopeStaff({ staffId: target.id, role: 'clinic_registrar', moCode: '770002' }, by);
    const [row] = await getDb().select().from(staffAccounts).where(eq(staffAccounts.id, target.id));
    expect(row!.moCode).toBe('770002');
  });

  it('nobody blocks themselves', async () => {
    const by = await acting({ role: 'ffoms_admin' });
    await expect(setStaffBlocked({ staffId: by.staffId, blocked: true }, by)).rejects.toMatchObject({
      code: 'STAFF_SELF_CHANGE',
    });
  });
});

describe('account management: effects', () => {
  it('blocking ends the account’s sessions at once and is audited; unblocking lets it sign in again', async () => {
    const by = await acting({ role: 'ffoms_admin' });
    const target = await make({ role: 'tfoms_operator', subjectCode: '50' });
    const s = await signInWithPassword({ login: target.login, password: PASSWORD, address: '192.0.2.11' });
    if (s.kind !== 'session') throw new Error('expected a session');
    await setStaffBlocked({ staffId: target.id, blocked: true }, by);
    expect(await readStaffSession(s.sessionId)).toBeNull();
    expect(
      (await signInWithPassword({ login: target.login, password: PASSWORD, address: '192.0.2.11' })).kind,
    ).toBe('refused');
    await setStaffBlocked({ staffId: target.id, blocked: false }, by);
    expect(
      (await signInWithPassword({ login: target.login, password: PASSWORD, address: '192.0.2.11' })).kind,
    ).toBe('session');
    const audit = await getDb()
      .select()
      .from(staffActions)
      .where(eq(staffActions.targetId, String(target.id)));
    expect(audit.map((r) => [r.action, r.login, r.organisationCode])).toEqual([
      ['account_blocked', by.login, 'ffoms'],
      ['account_unblocked', by.login, 'ffoms'],
    ]);
  });

  it('resetting TOTP removes it and the recovery codes; an administrator then enrols again', async () => {
    const by = await acting({ role: 'ffoms_admin' });
    const target = await make({ role: 'ffoms_admin' }, newTotpSecret());
    await getDb()
      .insert(staffRecoveryCodes)
      .values({ staffId: target.id, codeHash: 'a'.repeat(64) });
    await resetStaffTotp({ staffId: target.id }, by);
    const [row] = await getDb().select().from(staffAccounts).where(eq(staffAccounts.id, target.id));
    expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null });
    expect(
      await getDb().select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffId, target.id)),
    ).toEqual([]);
    expect(
      await signInWithPassword({ login: target.login, password: PASSWORD, address: '192.0.2.12' }),
    ).toMatchObject({
      kind: 'session',
      stage: 'enrolment',
    });
  });

  it('a created account is audited with its scope; its login must be new and its scope known', async () => {
    const by = await acting({ role: 'tfoms_operator', subjectCode: '77' });
    const created = await createStaffAccountBy(
      { login: 'Reg.New', fullName: 'Регистраторова Анна', role: 'clinic_registrar', moCode: '770003' },
      by,
    );
    expect(created.login).toBe('reg.new');
    expect(
      await signInWithPassword({ login: 'reg.new', password: created.password, address: '192.0.2.13' }),
    ).toMatchObject({
      kind: 'session',
      stage: 'active',
    });
    const [audit] = await getDb()
      .select()
      .from(staffActions)
      .where(eq(staffActions.targetId, String(created.id)));
    expect(audit).toMatchObject({
      action: 'account_created',
      login: by.login,
      details: { role: 'clinic_registrar', moCode: '770003' },
    });
    await expect(
      createStaffAccountBy(
        { login: 'reg.new', fullName: 'Другая Анна', role: 'clinic_registrar', moCode: '770003' },
        by,
      ),
    ).rejects.toMatchObject({ fields: [{ field: 'login', code: 'STAFF_LOGIN_TAKEN' }] });
    await expect(
      createStaffAccountBy(
        { login: 'reg.nomo', fullName: 'Третья Анна', role: 'clinic_registrar', moCode: '' },
        by,
      ),
    ).rejects.toMatchObject({ fields: [{ field: 'moCode', code: 'STAFF_SCOPE_INVALID' }] });
  });
});

describe('clinic API keys from the console', () => {
  it('the administrator manages every МО’s keys, a ТФОМС operator its region’s, an СМО operator none; each change audited', async () => {
    const admin = await acting({ role: 'ffoms_admin' });
    const tfoms = await acting({ role: 'tfoms_operator', subjectCode: '77' });
    const smo = await acting({ role: 'smo_operator', insurerCode: '77001' });
    const moscow = await createApiKey({ moCode: '770001', label: 'МИС 77' }, tfoms.actor, tfoms);
    const oblast = await createApiKey({ moCode: '500001' }, admin.actor, admin);
    await expect(createApiKey({ moCode: '500001' }, tfoms.actor, tfoms)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await expect(createApiKey({ moCode: '770001' }, smo.actor, smo)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });

    expect((await listApiKeysInScope(admin.actor)).map((k) => k.prefix)).toEqual(
      expect.arrayContaining([moscow.prefix, oblast.prefix]),
    );
    const tfomsKeys = (await listApiKeysInScope(tfoms.actor)).map((k) => k.prefix);
    expect(tfomsKeys).toContain(moscow.prefix);
    expect(tfomsKeys).not.toContain(oblast.prefix);
    await expect(listApiKeysInScope(smo.actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    await expect(revokeApiKey({ prefix: oblast.prefix }, tfoms.actor, tfoms)).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    await revokeApiKey({ prefix: moscow.prefix }, tfoms.actor, tfoms);
    const audit = await getDb().select().from(staffActions).where(eq(staffActions.staffId, tfoms.staffId));
    expect(audit.map((r) => [r.action, r.targetId])).toEqual([
      ['api_key_issued', moscow.prefix],
      ['api_key_revoked', moscow.prefix],
    ]);
    expect(JSON.stringify(audit)).not.toContain(moscow.key);
  });
});
