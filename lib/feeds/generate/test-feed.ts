import { Prng } from '@/db/seed/prng';
import { addDays, type LocalDate } from '@/lib/domain/dates';

/**
 * Turns a stream of good events into a test feed's NDJSON lines with chosen shares of what real feeds
 * carry: invalid events (broken JSON, schema failures, data the register refuses), duplicates (an earlier
 * line sent again, same eventId) and out-of-order events (held back and sent a few lines later than their
 * occurredAt says).
 */

export interface TestFeedShares {
  /** Share of lines that are invalid, 0…1. */
  invalid: number;
  /** Share of lines that replay an earlier line. */
  duplicates: number;
  /** Share of events sent later than events that happened after them. */
  outOfOrder: number;
}

export interface TestFeedOptions extends TestFeedShares {
  /** Lines in the feed. */
  events: number;
  seed: number;
  asOf: LocalDate;
}

/** How one line of the feed was made, for tests and the generator's summary. */
export type LineKind = 'event' | 'invalid' | 'duplicate' | 'late';

type Wire = Record<string, unknown> & { data: Record<string, Record<string, unknown>> };

/** A way to spoil an event: its JSON, its schema, or data only the register's rules refuse. */
export type Spoiler = (e: Wire, line: string, asOf: LocalDate) => string;

/** Spoilers any source's events can take: a line cut in half, a wrong instant, an unexpected field. */
const cutInHalf: Spoiler = (_e, line) => line.slice(0, Math.floor(line.length / 2));
const wrongInstant: Spoiler = (e) => JSON.stringify({ ...e, occurredAt: 'вчера' });
const unexpectedField: Spoiler = (e) => JSON.stringify({ ...e, unexpected: true });
export const COMMON_SPOILERS: readonly Spoiler[] = [cutInHalf, wrongInstant, unexpectedField];

/** The ways a birth is spoilt; the common ones keep their places, so a seed spoils the same lines as before. */
const BIRTH_SPOILERS: readonly Spoiler[] = [
  cutInHalf,
  wrongInstant,
  (e) => {
    const { firstName: _dropped, ...child } = e.data.child!;
    return JSON.stringify({ ...e, data: { ...e.data, child } });
  },
  (e) => JSON.stringify({ ...e, data: { ...e.data, child: { ...e.data.child, sex: 'X' } } }),
  unexpectedField,
  (e) =>
    JSON.stringify({
      ...e,
      data: { ...e.data, certificate: { ...e.data.certificate, number: 'AB12' } },
    }),
  (e, _line, asOf) =>
    JSON.stringify({
      ...e,
      data: { ...e.data, child: { ...e.data.child, birthDate: addDays(asOf, 30) } },
    }),
  (e) => JSON.stringify({ ...e, data: { ...e.data, region: '00' } }),
];

const LATE_MAX_LINES = 50;
const REPLAY_WINDOW = 1000;

/** Yields `[kind, line]` pairs; exactly `options.events` lines (births' spoilers unless given). */
export function* testFeedLines(
  next: () => object,
  options: TestFeedOptions,
  spoilers: readonly Spoiler[] = BIRTH_SPOILERS,
): Generator<[LineKind, string]> {
  const rng = new Prng((options.seed ^ 0x5bd1e995) >>> 0);
  const held: { at: number; line: string }[] = [];
  const recent: string[] = [];
  let emitted = 0;
  const remember = (line: string) => {
    if (recent.length < REPLAY_WINDOW) recent.push(line);
    else recent[rng.int(REPLAY_WINDOW)] = line;
  };
  while (emitted < options.events) {
    const due = held.findIndex((h) => h.at <= emitted);
    if (due >= 0 || emitted + held.length >= options.events) {
      const [h] = held.splice(due >= 0 ? due : 0, 1);
      emitted++;
      yield ['late', h!.line];
      continue;
    }
    if (recent.length > 0 && rng.chance(options.duplicates)) {
      emitted++;
      yield ['duplicate', rng.pick(recent)];
      continue;
    }
    const event = next() as Wire;
    const line = JSON.stringify(event);
    if (rng.chance(options.invalid)) {
      emitted++;
      yield ['invalid', rng.pick(spoilers)(event, line, options.asOf)];
      continue;
    }
    remember(line);
    if (rng.chance(options.outOfOrder)) {
      held.push({ at: emitted + rng.between(2, LATE_MAX_LINES), line });
      continue;
    }
    emitted++;
    yield ['event', line];
  }
}
