import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb } from '@/db/client';
import { FEED_LIMITS } from '@/api/v1/feeds/limits';
import { applyFeedEvents } from '@/lib/feeds/apply-feed-events';
import { applyBatch, mayOverlap } from '@/lib/feeds/bulk/apply-batch';
import { importFeedFile, type ImportSummary } from '@/lib/feeds/bulk/import-feed';
import { parseFeedEvent, type EventOutcome } from '@/lib/feeds/outcome';
import { secondDatabase, useDatabase } from '@/testing/feeds/feed-registers';
import { killAndResume, query, startImport, type ImportRun, type Kill } from '@/testing/feeds/import-crash';
import { KZ_CHECKSUM, registerChecksumAt } from '@/testing/feeds/register-checksum';
import { KZ_FEED_NOW, seedKzFeedRegister, writeKzTestFeed } from '@/testing/kz/feed-registers';

/**
 * The ОСМС feeds' bulk path (ADR 0031): the same payments and category files imported into two identical
 * Kazakh registers, through the bulk path (payments by multi-row statements, a transaction per batch) and
 * through the feeds' seam (a transaction per event), leave the same register; and `npm run feeds:import --
 * --source payments` killed with SIGKILL at random points and run again leaves the register a clean run
 * leaves.
 */
const url = process.env.DATABASE_URL!;
const PERSONS = 300;
const EVENTS = 1500;
const shares = { invalid: 0.02, duplicates: 0.02, outOfOrder: 0.02 };
let other: Awaited<ReturnType<typeof secondDatabase>>;
const files: Record<'payments' | 'categories', string> = { payments: '', categories: '' };
const summaries: Record<string, ImportSummary> = {};

const run = (source: 'payments' | 'categories', apply: typeof applyBatch) =>
  importFeedFile({
    source,
    file: files[source],
    batchSize: 200,
    startedBy: 'test',
    apply: (s, events) => apply(s, events, { now: KZ_FEED_NOW }),
    // The bulk path writes payment batches two at a time, as `feeds:import` does.
    mayOverlap: apply === applyBatch ? mayOverlap : undefined,
    maxLineBytes: FEED_LIMITS.lineBytes,
  });

beforeAll(async () => {
  other = await secondDatabase();
  await seedKzFeedRegister(url, PERSONS);
  await seedKzFeedRegister(other.url, PERSONS);
  files.payments = await writeKzTestFeed(url, 'payments', { events: EVENTS, ...shares });
  files.categories = await writeKzTestFeed(url, 'categories', { events: 900, ...shares });
  await useDatabase(url);
  summaries['bulk:payments'] = await run('payments', applyBatch);
  summaries['bulk:categories'] = await run('categories', applyBatch);
  await useDatabase(other.url);
  summaries['single:payments'] = await run('payments', applyFeedEvents);
  summaries['single:categories'] = await run('categories', applyFeedEvents);
  await useDatabase(url);
}, 120_000);

afterAll(async () => {
  for (const f of Object.values(files)) rmSync(f, { force: true });
  await useDatabase(url);
  await closeDb();
  await other.drop();
});

describe('the bulk path of the ОСМС feeds', () => {
  it('answers every line as the one-event path does', () => {
    for (const source of ['payments', 'categories']) {
      const [bulk, single] = [summaries[`bulk:${source}`]!, summaries[`single:${source}`]!];
      expect(bulk.counts).toEqual(single.counts);
      expect(bulk.rejected.map((r) => [r.line, r.issues])).toEqual(
        single.rejected.map((r) => [r.line, r.issues]),
      );
      expect(bulk.counts.rejected).toBeGreaterThan(5);
      expect(bulk.counts.duplicate).toBeGreaterThan(5);
    }
    expect(summaries['bulk:payments']!.counts.applied).toBeGreaterThan(1350);
  });

  it('leaves the register the one-event path leaves', async () => {
    const [a, b] = [
      await registerChecksumAt(url, KZ_CHECKSUM),
      await registerChecksumAt(other.url, KZ_CHECKSUM),
    ];
    expect(a).toEqual(b);
    expect(Number(a.contributions!.split(':')[0])).toBeGreaterThan(1300);
    expect(Number(a.memberships!.split(':')[0])).toBeGreaterThan(PERSONS);
  });

  it('writes the payments in a few transactions, not one per event', async () => {
    // Rows of one transaction share its xmin (the one-event path's savepoints have their own).
    const transactions = async (u: string) =>
      (
        await query<{ n: number }>(
          u,
          `select count(distinct xmin::text)::int as n from kz_contributions where source = 'feed:payments'`,
        )
      )[0]!.n;
    expect(await transactions(url)).toBeLessThanOrEqual(Math.ceil(EVENTS / 200) * 2 + 10);
    expect(await transactions(other.url)).toBeGreaterThan(1300);
  });
});

describe('a payments import killed with SIGKILL and run again', () => {
  let crashed: Awaited<ReturnType<typeof secondDatabase>>;
  let clean: Awaited<ReturnType<typeof secondDatabase>>;
  let kills: Kill[] = [];
  let runs: { lines: number; finished: boolean }[] = [];
  let last: ImportRun;
  let cleanRun: ImportRun;
  // Payments are written fast: small batches and a wide margin, so no run finishes before its kill.
  const crash = () => ({ source: 'payments', file: files.payments, events: EVENTS, batch: 20, margin: 700 });

  beforeAll(async () => {
    [crashed, clean] = [await secondDatabase(), await secondDatabase()];
    await seedKzFeedRegister(crashed.url, PERSONS);
    await seedKzFeedRegister(clean.url, PERSONS);
    cleanRun = await startImport(clean.url, crash()).done;
    ({ kills, last, runs } = await killAndResume(crashed.url, crash(), 4));
  }, 120_000);

  afterAll(async () => {
    await crashed.drop();
    await clean.drop();
  });

  it('was killed mid-way each time and resumed where it stopped', () => {
    expect(kills).toHaveLength(4);
    for (const k of kills) {
      expect(k.signal).toBe('SIGKILL');
      expect(k.finished).toBe(false);
    }
    for (let k = 1; k < kills.length; k++) expect(kills[k]!.from).toBe(kills[k - 1]!.at);
    expect(last.output).toContain('Продолжен прерванный импорт');
    expect(runs).toEqual([{ lines: EVENTS, finished: true }]);
    expect([last.code, cleanRun.code]).toEqual([1, 1]);
  });

  it('leaves the register a clean run leaves', async () => {
    const [a, b] = [
      await registerChecksumAt(crashed.url, KZ_CHECKSUM),
      await registerChecksumAt(clean.url, KZ_CHECKSUM),
    ];
    expect(a).toEqual(b);
    expect(Number(a.contributions!.split(':')[0])).toBeGreaterThan(EVENTS * 0.85);
  });
});

describe('two bulk writers of overlapping payment batches at once', () => {
  let racing: Awaited<ReturnType<typeof secondDatabase>>;
  let sequential: Awaited<ReturnType<typeof secondDatabase>>;
  let answers: EventOutcome[][] = [];

  beforeAll(async () => {
    [racing, sequential] = [await secondDatabase(), await secondDatabase()];
    await seedKzFeedRegister(racing.url, PERSONS);
    await seedKzFeedRegister(sequential.url, PERSONS);
    const events = readFileSync(files.payments, 'utf8')
      .split('\n')
      .flatMap((text, i) => {
        if (!text) return [];
        try {
          const parsed = parseFeedEvent('payments', JSON.parse(text), i + 1);
          // The batched writer's events only: a reversal racing its payment is pending until the payment
          // commits, a different (and correct) history from a sequential apply's.
          return parsed.ok && parsed.parsed.event.type === 'contribution.paid' ? [parsed.parsed] : [];
        } catch {
          return [];
        }
      });
    // Two thirds each, the middle third in both: both writers read the middle third as new, and the one
    // that commits second meets the other's dedup records and references in its COPY.
    const third = Math.floor(events.length / 3);
    const [a, b] = [events.slice(0, 2 * third), events.slice(third)];
    await useDatabase(racing.url);
    answers = await Promise.all([a, b].map((batch) => applyBatch('payments', batch, { now: KZ_FEED_NOW })));
    await useDatabase(sequential.url);
    await applyFeedEvents('payments', events, { now: KZ_FEED_NOW });
    await useDatabase(url);
  }, 120_000);

  afterAll(async () => {
    await racing.drop();
    await sequential.drop();
  });

  it('applies each payment of the overlap once and answers it a duplicate in the other', () => {
    const applied = new Map<string, number>();
    for (const o of answers.flat())
      if (o.status === 'applied') applied.set(o.eventId!, (applied.get(o.eventId!) ?? 0) + 1);
    expect(Math.max(...applied.values())).toBe(1);
    const duplicates = answers.flat().filter((o) => o.status === 'duplicate').length;
    expect(duplicates).toBeGreaterThan(EVENTS / 4);
  });

  it('leaves the register one writer leaves', async () => {
    const [a, b] = [
      await registerChecksumAt(racing.url, KZ_CHECKSUM),
      await registerChecksumAt(sequential.url, KZ_CHECKSUM),
    ];
    expect(a).toEqual(b);
    expect(Number(a.contributions!.split(':')[0])).toBeGreaterThan(1300);
  });
});
