import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { ConfigError } from '@/config/env';
import { databaseUrl } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';
import { cloneTemplate } from '@/testing/db/clone-template';
import { withClient } from '@/testing/db/with-client';
import { applyMigrationFile, applyMigrationsBefore } from '@/testing/db/raw-migrations';

/**
 * The database knows its jurisdiction (ADR 0029, migration 0019): an existing register with persons is
 * recorded as Russian by the migration, an empty one is bound at its first start, and a process
 * configured for another jurisdiction stops at start — the launcher, the worker and `npm run db:migrate`
 * — with a message naming both, before it serves or changes anything.
 */
const serverUrl = inject('testServerUrl');
const template = inject('testTemplateDatabase');
const runId = template.replace('oms_template_', '');
const created: string[] = [];

/** A database of this file's own, named like the run's so its teardown drops it should this file crash. */
async function newDatabase(fromTemplate: boolean): Promise<string> {
  const name = `oms_test_${runId}_j${randomBytes(4).toString('hex')}`;
  created.push(name);
  if (fromTemplate) await cloneTemplate(serverUrl, template, name);
  else await withClient(serverUrl, (c) => c.query(`create database "${name}"`));
  return databaseUrl(serverUrl, name);
}

async function startedAs(url: string, jurisdiction?: 'ru' | 'kz'): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await migrateDatabase(pool, jurisdiction ? { jurisdiction } : {});
  } finally {
    await pool.end();
  }
}

async function recorded(url: string): Promise<{ jurisdiction: string; recordedAt: Date }[]> {
  return withClient(url, async (c) => {
    const { rows } = await c.query<{ jurisdiction: string; recordedAt: Date }>(
      `select jurisdiction, recorded_at as "recordedAt" from register_settings`,
    );
    return rows;
  });
}

/** Runs an entry point against `url` configured for `ru`; one that fails to stop is ended after 30 s. */
function run(
  command: string,
  args: string[],
  url: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: url, REGISTER_JURISDICTION: 'ru' };
  return new Promise((resolve) => {
    execFile(command, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

afterAll(async () => {
  await withClient(serverUrl, async (c) => {
    for (const name of created) await c.query(`drop database if exists "${name}" with (force)`);
  });
});

describe('migration 0019', () => {
  it('records ru on a register that already holds persons', async () => {
    const url = await newDatabase(false);
    await withClient(url, async (c) => {
      await applyMigrationsBefore(c, '0019');
      await c.query(`insert into persons (enp, last_name, first_name, sex, birth_date, category)
                     values ('7700000000000019', 'Проверкин', 'Пётр', 'M', '1980-01-01', 1)`);
      await applyMigrationFile(c, '0019_register_settings.sql');
    });
    expect((await recorded(url)).map((r) => r.jurisdiction)).toEqual(['ru']);
  });

  it('leaves an empty register unbound until its first start', async () => {
    const url = await newDatabase(false);
    await withClient(url, async (c) => {
      await applyMigrationsBefore(c, '0020');
      await expect(
        c.query(`insert into register_settings (jurisdiction) values ('us')`),
      ).rejects.toMatchObject({ code: '23514', constraint: 'register_settings_jurisdiction' });
    });
    expect(await recorded(url)).toEqual([]);
  });
});

describe('the first start and every later one', () => {
  it('binds a fresh register to the configured jurisdiction (ru by default), and later starts pass', async () => {
    const url = await newDatabase(false);
    await startedAs(url);
    const first = await recorded(url);
    expect(first.map((r) => r.jurisdiction)).toEqual(['ru']);
    await startedAs(url, 'ru');
    await startedAs(url);
    expect(await recorded(url)).toEqual(first);
  }, 60_000);

  it('refuses a start configured for another jurisdiction, naming both, and leaves the row as it was', async () => {
    // The test template is an empty register before its first start: bound here by hand, as Kazakh.
    const url = await newDatabase(true);
    await withClient(url, (c) => c.query(`insert into register_settings (jurisdiction) values ('kz')`));
    const before = await recorded(url);
    const error = await startedAs(url, 'ru').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe(
      `Invalid configuration: REGISTER_JURISDICTION: this process is configured for ru, but the database ` +
        `is the register of kz (recorded ${before[0]!.recordedAt.toISOString()}). A register's ` +
        `jurisdiction never changes: set REGISTER_JURISDICTION=kz or point DATABASE_URL at a ru register.`,
    );
    expect(await recorded(url)).toEqual(before);
  });

  it('stops the launcher, the worker and db:migrate with that message and exit code 2', async () => {
    const url = await newDatabase(true);
    await withClient(url, (c) => c.query(`insert into register_settings (jurisdiction) values ('kz')`));
    const node = [process.execPath, '--import', 'tsx'];
    const runs = {
      launcher: await run(node[0]!, [...node.slice(1), 'scripts/serve.ts', '--port', '3134'], url),
      worker: await run(node[0]!, [...node.slice(1), 'scripts/worker.ts'], url),
      'db:migrate': await run('npm', ['run', '--silent', 'db:migrate'], url),
    };
    for (const [name, result] of Object.entries(runs)) {
      expect({ name, code: result.code }).toEqual({ name, code: 2 });
      expect(result.stderr).toMatch(
        /^Invalid configuration: REGISTER_JURISDICTION: this process is configured for ru, but the database is the register of kz \(recorded [^)]+\)\. /m,
      );
      // The message alone: no stack trace, and nothing reported as done.
      expect(result.stderr).not.toMatch(/^\s+at /m);
      expect(result.stdout).not.toMatch(/Migrated|Worker:|Ready/);
    }
    expect((await recorded(url)).map((r) => r.jurisdiction)).toEqual(['kz']);
  }, 120_000);
});
