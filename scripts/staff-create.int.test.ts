import { execFile } from 'node:child_process';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { staffAccounts, staffActions } from '@/db/schema';
import { signInWithPassword } from '@/lib/auth/staff-sign-in';

const tsx = path.resolve('node_modules/.bin/tsx');

/** Runs `npm run staff:create -- …` against this file's database, with `stdin` typed in. */
function staffCreate(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      tsx,
      ['scripts/staff-create.ts', ...args],
      { env: process.env },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
    child.stdin!.end(stdin);
  });
}

describe('npm run staff:create', () => {
  it('creates the first administrator with a generated password printed once, who then enrols TOTP', async () => {
    const created = await staffCreate([
      '--role',
      'ffoms_admin',
      '--login',
      'first.admin',
      '--full-name',
      'Первов Админ Админович',
    ]);
    expect(created.code).toBe(0);
    const password = created.stdout.trim();
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(created.stderr).toMatch(/создана: Администратор ФФОМС/);
    const [row] = await getDb().select().from(staffAccounts).where(eq(staffAccounts.login, 'first.admin'));
    expect(row).toMatchObject({ role: 'ffoms_admin', fullName: 'Первов Админ Админович', active: true });
    const outcome = await signInWithPassword({ login: 'first.admin', password, address: '192.0.2.1' });
    expect(outcome).toMatchObject({ kind: 'session', stage: 'enrolment' });
    const audit = await getDb()
      .select()
      .from(staffActions)
      .where(eq(staffActions.targetId, String(row!.id)));
    expect(audit.map((a) => a.action)).toEqual(['account_created']);
  });

  it('takes the password from stdin and prints none', async () => {
    const created = await staffCreate(
      ['--role', 'tfoms_operator', '--login', 'tfoms50.cli', '--region', '50', '--password-stdin'],
      'a-chosen-long-password\n',
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toBe('');
    expect(
      await signInWithPassword({
        login: 'tfoms50.cli',
        password: 'a-chosen-long-password',
        address: '192.0.2.2',
      }),
    ).toMatchObject({ kind: 'session', stage: 'active' });
  });

  it.each([
    [
      ['--role', 'clinic_registrar', '--login', 'reg.x', '--mo', '999999'],
      /moCode: Медицинская организация не найдена/,
    ],
    [
      ['--role', 'smo_operator', '--login', 'smo.x', '--insurer', '99999'],
      /insurerCode: Страховая медицинская организация не найдена/,
    ],
    [
      ['--role', 'tfoms_operator', '--login', 'tf.x', '--region', '77', '--password-stdin'],
      /password: Пароль должен быть не короче 12/,
    ],
  ])('refuses %j with a message, creating nothing', async (args, message) => {
    const result = await staffCreate(args, 'short\n');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    const login = args[args.indexOf('--login') + 1]!;
    expect(await getDb().select().from(staffAccounts).where(eq(staffAccounts.login, login))).toEqual([]);
  });

  it('refuses a login in use, and bad arguments before touching the database', async () => {
    expect((await staffCreate(['--role', 'ffoms_admin', '--login', 'twice.admin'])).code).toBe(0);
    const again = await staffCreate(['--role', 'ffoms_admin', '--login', 'twice.admin']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/login: Учётная запись с таким логином уже есть/);
    const bad = await staffCreate(['--role', 'tfoms_operator', '--login', 'x.y']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--region: обязателен/);
  });
});
