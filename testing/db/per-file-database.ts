import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { closeDb } from '@/db/client';
import { cloneStartedRegister } from './clone-template';
import { withClient } from './with-client';

/**
 * Each integration test file runs on a fresh clone of the migrated template database, started as the
 * app's first start would: bound to the configured jurisdiction (REGISTER_JURISDICTION, `ru` by default).
 */
const serverUrl = inject('testServerUrl');
const template = inject('testTemplateDatabase');
const runId = template.replace('oms_template_', '');
const name = `oms_test_${runId}_${randomBytes(4).toString('hex')}`;

process.env.DATABASE_URL = await cloneStartedRegister(serverUrl, template, name);

afterAll(async () => {
  await closeDb();
  await withClient(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
});
