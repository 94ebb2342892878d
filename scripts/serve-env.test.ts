import { execFile } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const tsx = path.resolve('node_modules/.bin/tsx');

/** Starts the launcher with extra variables; it must stop before it starts anything. */
function serve(extra: Record<string, string>): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      tsx,
      ['scripts/serve.ts', '--port', '3239', '--data-dir', '.data/never-started'],
      { env: { ...process.env, ...extra }, timeout: 60_000 },
      (error, _stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
      },
    );
  });
}

describe('the launcher checks the configuration first', () => {
  it('a wrong value stops the server with a message naming the variable', async () => {
    const r = await serve({ DATABASE_POOL_MAX: 'twenty', API_KEY_CACHE_MS: '-5' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Invalid configuration');
    expect(r.stderr).toContain('DATABASE_POOL_MAX');
    expect(r.stderr).toContain('API_KEY_CACHE_MS');
    expect(r.stderr).not.toContain('Database:'); // nothing was started
  }, 60_000);

  it('a jurisdiction that is no country’s register stops it before the database is opened (ADR 0029)', async () => {
    const r = await serve({ REGISTER_JURISDICTION: 'by' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('REGISTER_JURISDICTION: must be ru or kz');
    expect(r.stderr).not.toContain('Database:');
  }, 60_000);
});
