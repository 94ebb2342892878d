import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyFeedEvents } from '@/lib/feeds/apply-feed-events';
import { verifyFeedKey } from '@/lib/feeds/feed-keys';
import { registerPerson } from '@/lib/register/register-person';
import { event, lines, refOf } from '@/testing/feeds/events';
import { adultInput, metaAt } from '@/testing/register/people';
import { rejection } from '@/testing/expect-error';

const tsx = path.resolve('node_modules/.bin/tsx');

function cli(script: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(tsx, [script, ...args], { env: process.env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run feeds:key', () => {
  it('issues a source key printed once, lists prefixes only, revokes at once', async () => {
    const created = await cli('scripts/feeds-key.ts', '--source', 'mvd', '--label', 'СМЭВ МВД');
    expect(created.code).toBe(0);
    const key = created.stdout.trim();
    expect(key).toMatch(/^feed_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const prefix = key.slice(5, 13);
    expect(await verifyFeedKey(`Bearer ${key}`, 'mvd')).toEqual({ kind: 'feed', id: prefix, source: 'mvd' });
    expect((await rejection(verifyFeedKey(`Bearer ${key}`, 'zags'))).code).toBe('FEED_KEY_WRONG_SOURCE');

    const listed = await cli('scripts/feeds-key.ts', '--list', '--source', 'mvd');
    expect(listed.stdout).toMatch(new RegExp(`^${prefix}\\tmvd\\tдействует\\tвыдан .+\\tСМЭВ МВД$`, 'm'));
    expect(listed.stdout + listed.stderr).not.toContain(key.slice(14));

    expect((await cli('scripts/feeds-key.ts', '--revoke', prefix)).code).toBe(0);
    expect((await rejection(verifyFeedKey(`Bearer ${key}`, 'mvd'))).code).toBe('FEED_KEY_INVALID');
    expect((await cli('scripts/feeds-key.ts', '--revoke', 'ffffffff')).stderr).toMatch(/нет/);
    const bad = await cli('scripts/feeds-key.ts', '--source', 'fns');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Использование:/);
  }, 60_000);
});

describe('npm run feeds:pending', () => {
  it('lists pending events with why, and --retry applies those whose person appeared', async () => {
    const input = adultInput({
      person: { ...adultInput().person, lastName: 'Отложенная', firstName: 'Нина', birthDate: '1977-07-17' },
    });
    const [pending] = await applyFeedEvents(
      'military',
      lines(event('service.started', { person: refOf({ ...input.person }), startedOn: '2026-02-01' })),
    );
    const listed = await cli('scripts/feeds-pending.ts', '--source', 'military');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      new RegExp(`^military\\t${pending!.eventId}\\tservice.started\\t.+\\tFEED_PERSON_NOT_FOUND: `, 'm'),
    );
    await registerPerson(input, metaAt('2026-01-20T09:00:00Z'));
    const retried = await cli('scripts/feeds-pending.ts', '--source', 'military', '--retry');
    expect(retried.code).toBe(0);
    expect(retried.stderr).toMatch(/применено: 1;/);
    expect(retried.stdout).not.toContain(pending!.eventId!);
  }, 60_000);
});
