import { test } from '@playwright/test';
import { addDays, formatDateRu, moscowDate, type LocalDate } from '../../lib/domain/dates';

/**
 * The browser tests' "now". The server runs on the real clock (there is no test switch in production code),
 * so a test takes its day once, at its start, and derives every expected date from it. A test must not
 * straddle midnight in Moscow: when the test's own timeout could reach past it, `testDay` first waits for
 * the new day (and extends the timeout by that wait).
 */
export interface TestDay {
  iso: LocalDate;
  /** ДД.ММ.ГГГГ, as pages show dates. */
  ru: string;
  year: number;
  /** The day after, ДД.ММ.ГГГГ. */
  tomorrowRu: string;
}

const DAY_MS = 86_400_000;
const MOSCOW_OFFSET_MS = 3 * 3_600_000; // UTC+3 all year since 2014

export async function testDay(): Promise<TestDay> {
  const untilMidnight = DAY_MS - ((Date.now() + MOSCOW_OFFSET_MS) % DAY_MS);
  // A test with no timeout (0) could run into any day: it gets a generous two minutes of margin.
  const margin = test.info().timeout || 120_000;
  if (untilMidnight < margin) {
    test.setTimeout(test.info().timeout + untilMidnight + 1_000);
    await new Promise((resolve) => setTimeout(resolve, untilMidnight + 1_000));
  }
  const iso = moscowDate(new Date());
  return {
    iso,
    ru: formatDateRu(iso),
    year: Number(iso.slice(0, 4)),
    tomorrowRu: formatDateRu(addDays(iso, 1)),
  };
}
