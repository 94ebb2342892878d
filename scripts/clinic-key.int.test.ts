import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forgetVerifiedKey, verifyApiKey } from '@/lib/api-keys/verify-api-key';
import { AppError } from '@/lib/errors';

const tsx = path.resolve('node_modules/.bin/tsx');

/** Runs `npm run clinic:key -- …` against this file's database. */
function clinicKey(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, ['scripts/clinic-key.ts', ...args], { env: process.env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run clinic:key', () => {
  it('issues a key printed once to stdout, lists prefixes only, and revokes', async () => {
    const created = await clinicKey('--mo', '770001', '--label', 'МИС «Здоровье»');
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^oms_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(created.stderr).toMatch(/показывается один раз/);
    const prefix = key.slice(4, 12);
    expect(await verifyApiKey(`Bearer ${key}`)).toMatchObject({ id: prefix, moCode: '770001' });

    const listed = await clinicKey('--list', '--mo', '770001');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${prefix}\\tдействует\\tвыдан .+\\tМИС «Здоровье»$`, 'm'));
    expect(listed.stdout + listed.stderr).not.toContain(key.slice(13));

    const revoked = await clinicKey('--revoke', prefix);
    expect(revoked.code).toBe(0);
    expect(revoked.stderr).toMatch(/отозван/);
    expect((await clinicKey('--list', '--mo', '770001')).stdout).toMatch(
      new RegExp(`^${prefix}\\tотозван`, 'm'),
    );
    // The CLI is another process: this one notices once its short verification cache expires.
    forgetVerifiedKey(prefix);
    const refused = await verifyApiKey(`Bearer ${key}`).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);

    const unknown = await clinicKey('--mo', '999999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Медицинская организация не найдена/);
    expect((await clinicKey('--revoke', 'ffffffff')).stderr).toMatch(/не найден/);
  }, 60_000);

  it('refuses bad arguments with the usage and exit code 2', async () => {
    const bad = await clinicKey('--mo', '77');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/шесть цифр/);
    expect(bad.stderr).toMatch(/Использование:/);
    expect(bad.stdout).toBe('');
    const help = await clinicKey('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Использование:/);
  }, 30_000);
});
