import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { registerChecksumAt } from '@/testing/feeds/register-checksum';
import { secondDatabase, seedFeedRegister, writeTestFeed } from '@/testing/feeds/feed-registers';
import { killAndResume, startImport, type ImportRun, type Kill } from '@/testing/feeds/import-crash';

/**
 * The crash test (issue 12): `npm run feeds:import` killed with SIGKILL at random points several times
 * and run again to the end leaves the register a clean run leaves — nothing lost, nothing doubled.
 */
const crashedUrl = process.env.DATABASE_URL!;
let clean: Awaited<ReturnType<typeof secondDatabase>>;
let file: string;
const EVENTS = 1500;
const KILLS = 4;

const crash = () => ({ source: 'zags', file, events: EVENTS, batch: 100 });

let kills: Kill[] = [];
let runs: { lines: number; finished: boolean }[] = [];
let last: ImportRun;
let cleanRun: ImportRun;

beforeAll(async () => {
  clean = await secondDatabase();
  await seedFeedRegister(crashedUrl, 1200);
  await seedFeedRegister(clean.url, 1200);
  file = await writeTestFeed(crashedUrl, {
    events: EVENTS,
    invalid: 0.01,
    duplicates: 0.02,
    outOfOrder: 0.02,
  });
  cleanRun = await startImport(clean.url, crash()).done;
  ({ kills, last, runs } = await killAndResume(crashedUrl, crash(), KILLS));
}, 90_000);

afterAll(async () => {
  rmSync(file, { force: true });
  await closeDb();
  await clean.drop();
});

describe('an import killed with SIGKILL and run again', () => {
  it('was killed mid-way each time', () => {
    expect(kills).toHaveLength(KILLS);
    for (const k of kills) {
      expect(k.signal).toBe('SIGKILL');
      expect(k.finished).toBe(false);
    }
    expect(kills.at(-1)!.at).toBeGreaterThan(kills[0]!.at);
    // Nothing went on after a kill: each run began where the killed one had stopped.
    for (let k = 1; k < KILLS; k++) expect(kills[k]!.from).toBe(kills[k - 1]!.at);
  });

  it('resumes and finishes (rejected lines make the exit status 1)', () => {
    expect(cleanRun.output).toContain('Импорт завершён');
    expect(last.output).toContain('Продолжен прерванный импорт');
    expect(runs).toEqual([{ lines: EVENTS, finished: true }]);
    expect(last.code).toBe(1);
    expect(cleanRun.code).toBe(1);
  });

  it('leaves the register a clean run leaves', async () => {
    const crashed = await registerChecksumAt(crashedUrl);
    const reference = await registerChecksumAt(clean.url);
    expect(crashed).toEqual(reference);
    expect(Number(reference.feedEvents!.split(':')[0])).toBeGreaterThan(EVENTS * 0.9);
  });
});
