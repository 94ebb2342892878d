import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { addDays, type LocalDate } from '@/lib/domain/dates';
import { syntheticIin } from '@/lib/domain/kz';
import { osmsTestFeed } from '@/lib/kz/feeds/generate/osms-feeds';
import { withClient } from '@/testing/db/with-client';

/**
 * Kazakh registers for the ОСМС feeds' tests and benchmark: many synthetic persons at once (the same ИИН
 * for the same count, so two registers can be fed the same feed), the feeds' test files, and a checksum of
 * what the feeds change.
 */

/** The day the ОСМС feed tests' feeds are made as of (their imports run at KZ_FEED_NOW). */
export const KZ_FEED_AS_OF = '2026-11-24' as LocalDate;
export const KZ_FEED_NOW = new Date('2026-11-25T12:00:00+05:00');

/** Writes `count` synthetic persons of the Kazakh register by one COPY (birth dates over 60 years). */
export async function copyKzPersons(client: pg.ClientBase, count: number): Promise<void> {
  const days = 21_900;
  const copy = client.query(
    copyFrom(
      'copy persons (jurisdiction, iin, last_name, first_name, patronymic, sex, birth_date, citizenship) from stdin',
    ),
  );
  const lines = function* () {
    let chunk = '';
    for (let i = 0; i < count; i++) {
      const birth = addDays('1950-01-01' as LocalDate, i % days);
      const sex = i % 2 === 0 ? 'F' : 'M';
      const iin = syntheticIin(birth, sex === 'M' ? 'male' : 'female', Math.floor(i / days));
      chunk += `kz\t${iin}\tТестова\tАйгерим\t\\N\t${sex}\t${birth}\tKAZ\n`;
      if (chunk.length > 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  };
  await pipeline(lines, copy);
}

export async function seedKzFeedRegister(url: string, persons: number): Promise<void> {
  await withClient(url, (c) => copyKzPersons(c, persons));
}

/** Writes an ОСМС test feed for the register at `url` into a temporary file; returns its path. */
export async function writeKzTestFeed(
  url: string,
  source: 'payments' | 'categories',
  options: { events: number; invalid: number; duplicates: number; outOfOrder: number },
): Promise<string> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const lines = await osmsTestFeed(pool, source, { ...options, seed: 9, asOf: KZ_FEED_AS_OF });
    const file = path.join(tmpdir(), `oms-kz-feed-${randomBytes(4).toString('hex')}.ndjson`);
    writeFileSync(file, [...lines].map(([, line]) => `${line}\n`).join(''));
    return file;
  } finally {
    await pool.end();
  }
}
