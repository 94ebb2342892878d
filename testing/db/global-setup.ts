import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { databaseUrl, startEmbeddedPostgres, type EmbeddedServer } from '@/db/embedded';
import { migrateDatabase } from '@/db/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    testServerUrl: string;
    testTemplateDatabase: string;
  }
}

/**
 * Once per test run: a PostgreSQL server (TEST_DATABASE_URL / DATABASE_URL, or a throw-away embedded one)
 * and a template database built from the committed migrations. Every test file then clones the template
 * into a database of its own (per-file-database.ts), so tests never see each other's data. The template
 * is an empty register before its first start: no jurisdiction recorded yet (ADR 0029).
 */
export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  let embedded: EmbeddedServer | null = null;
  let serverUrl = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  const dataDir = `.data/test-pg-${runId}`;
  if (!serverUrl) {
    embedded = await startEmbeddedPostgres({ dataDir, ephemeral: true });
    serverUrl = embedded.url;
  }
  const template = `oms_template_${runId}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  const pool = new pg.Pool({ connectionString: databaseUrl(serverUrl, template), max: 2 });
  // Left unbound to a jurisdiction: each file's clone is bound at its own first start (per-file-database.ts).
  await migrateDatabase(pool, { jurisdiction: null });
  await pool.end();

  project.provide('testServerUrl', serverUrl);
  project.provide('testTemplateDatabase', template);

  return async () => {
    // Drop what this run created; databases of files that crashed mid-way go with the template's prefix.
    const { rows } = await admin.query<{ datname: string }>(
      `select datname from pg_database where datname = $1 or datname like $2`,
      [template, `oms_test_${runId}%`],
    );
    for (const { datname } of rows) await admin.query(`drop database if exists "${datname}" with (force)`);
    await admin.end();
    if (embedded) {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  };
}
