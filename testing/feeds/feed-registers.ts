import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { closeDb } from '@/db/client';
import { seedRegister } from '@/db/seed/seed-register';
import type { LocalDate } from '@/lib/domain/dates';
import { zagsTestFeed } from '@/lib/feeds/generate/generate-feed';
import { cloneStartedRegister } from '@/testing/db/clone-template';
import { withClient } from '@/testing/db/with-client';

/** The day the feed tests' registers are seeded as of, and the clock their imports run at. */
export const FEED_AS_OF = '2026-11-24' as LocalDate;
export const FEED_NOW = new Date('2026-11-25T12:00:00+03:00');

/**
 * A second database for a test file beside its own (DATABASE_URL): a clone of the migrated template,
 * started like the file's own (cloneStartedRegister), dropped by `drop()`. Feed tests compare two
 * registers fed the same events by different paths.
 */
export async function secondDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('testServerUrl');
  const name = `${inject('testTemplateDatabase').replace('oms_template_', 'oms_test_')}_b${randomBytes(3).toString('hex')}`;
  const url = await cloneStartedRegister(serverUrl, inject('testTemplateDatabase'), name);
  return {
    url,
    drop: () =>
      withClient(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`)).then(
        () => undefined,
      ),
  };
}

/** Seeds a register at `url` (the same persons for the same seed). */
export async function seedFeedRegister(url: string, persons: number): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  try {
    await seedRegister(pool, { persons, seed: 11, asOf: FEED_AS_OF });
  } finally {
    await pool.end();
  }
}

/** Writes a ЗАГС test feed for the register at `url` into a temporary file; returns its path. */
export async function writeTestFeed(
  url: string,
  options: { events: number; invalid: number; duplicates: number; outOfOrder: number },
): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const lines = await zagsTestFeed(pool, { ...options, seed: 9, asOf: FEED_AS_OF });
    const file = path.join(tmpdir(), `oms-feed-${randomBytes(4).toString('hex')}.ndjson`);
    writeFileSync(file, [...lines].map(([, line]) => `${line}\n`).join(''));
    return file;
  } finally {
    await pool.end();
  }
}

/** Points the register's pool (getDb) at another database. */
export async function useDatabase(url: string): Promise<void> {
  await closeDb();
  process.env.DATABASE_URL = url;
}
