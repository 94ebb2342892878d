import type pg from 'pg';
import type { LocalDate } from '@/lib/domain/dates';
import { BirthFeed, certificateSeries } from './births';
import { readMothers, readUsedCertificates } from './register-read';
import { testFeedLines, type LineKind, type TestFeedShares } from './test-feed';

export interface GenerateFeedOptions extends TestFeedShares {
  events: number;
  seed: number;
  asOf: LocalDate;
}

/**
 * A ЗАГС test feed consistent with the register behind `db`: births to mothers who are in it, with
 * certificates new to it; yields the NDJSON lines (without newlines) and how each was made.
 */
export async function zagsTestFeed(
  db: Pick<pg.Pool, 'query'>,
  options: GenerateFeedOptions,
): Promise<Iterable<[LineKind, string]>> {
  const mothers = await readMothers(db, options.asOf);
  const usedCertificates = await readUsedCertificates(db, certificateSeries(options.asOf));
  const births = new BirthFeed(mothers, {
    seed: options.seed,
    total: options.events,
    asOf: options.asOf,
    usedCertificates,
  });
  return testFeedLines(() => births.next(), options);
}
