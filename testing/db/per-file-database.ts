import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, inject } from 'vitest';
import { closeDb } from '@/db/client';
import { databaseUrl } from '@/db/embedded';

/** Each integration test file runs on a fresh clone of the migrated template database. */
const serverUrl = inject('testServerUrl');
const template = inject('testTemplateDatabase');
const runId = template.replace('oms_template_', '');
const name = `oms_test_${runId}_${randomBytes(4).toString('hex')}`;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

await admin(async (c) => {
  // Two files cloning at the same instant can collide on the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await c.query(`create database "${name}" template "${template}"`);
      return;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
});
process.env.DATABASE_URL = databaseUrl(serverUrl, name);

afterAll(async () => {
  await closeDb();
  await admin((c) => c.query(`drop database if exists "${name}" with (force)`));
});
