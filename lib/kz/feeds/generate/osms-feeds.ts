import type pg from 'pg';
import { readOsmsParameters } from '@/db/reference/kz/osms-parameters';
import { Prng } from '@/db/seed/prng';
import { addDays, compareDates, type LocalDate } from '@/lib/domain/dates';
import { employeeContribution, OSMS_CATEGORIES, yearParameters, type OsmsParameters } from '@/lib/domain/kz';
import { addMonthsToMonth, monthOf, monthsFrom, type Month } from '@/lib/domain/kz/months';
import {
  COMMON_SPOILERS,
  testFeedLines,
  type LineKind,
  type Spoiler,
  type TestFeedOptions,
} from '@/lib/feeds/generate/test-feed';

/**
 * Test feeds of Kazakhstan's sources for the persons in the register (`npm run feeds:generate -- --source
 * payments|categories`): monthly payments for every person month after month (employers' 2 %, self-payers'
 * fixed sum, the budget's for a category), now and then a reversal or a lump sum; category lists of
 * joinings and leavings. Each line is a function of its position, the register's persons and the seed, so
 * the same register, seed and date give the same file, and a file of 10,000,000 lines is produced without
 * holding it.
 */

/** The persons of a Kazakh register, in id order: who the feeds' events are about. */
export async function readKzIins(db: Pick<pg.Pool, 'query'>): Promise<string[]> {
  const { rows } = await db.query<{ iin: string }>(
    `select iin from persons where jurisdiction = 'kz' and iin is not null and merged_into_id is null order by id`,
  );
  return rows.map((r) => r.iin);
}

/** A person's payer, fixed by their position and the seed. */
function payerOf(seed: number, person: number) {
  const rng = new Prng((seed * 2_654_435_761 + person) >>> 0);
  const roll = rng.next();
  return {
    kind: roll < 0.75 ? ('employer' as const) : roll < 0.9 ? ('self' as const) : ('state' as const),
    wage: 90_000 + rng.int(1_400) * 1_000,
    employer: String(100_000_000_000 + rng.int(5_000) * 7_919).padStart(12, '0'),
    lumpSum: rng.chance(0.002),
  };
}

const at = (date: LocalDate, seconds: number) =>
  new Date(Date.parse(`${date}T00:00:00+05:00`) + seconds * 1000).toISOString().replace('Z', '+00:00');

const minDate = (a: LocalDate, b: LocalDate) => (compareDates(a, b) <= 0 ? a : b);

/** How often a payment of the feed is reversed later (one in so many lines), and how far back. */
const REVERSAL_EVERY = 500;
const REVERSAL_BACK = 250;

export class PaymentFeed {
  private k = 0;
  private readonly months: Month[];
  private readonly params: OsmsParameters = readOsmsParameters();

  constructor(
    private readonly iins: readonly string[],
    private readonly options: { seed: number; total: number; asOf: LocalDate; reversals?: boolean },
  ) {
    if (iins.length === 0) throw new Error('В регистре нет людей с ИИН: платежи не для кого составить.');
    const last = addMonthsToMonth(monthOf(options.asOf), -1);
    // Months since the system's start (the year parameters begin there), at most as many as needed.
    const available = monthsFrom(this.params.rules.systemStart, last) + 1;
    const count = Math.min(available, Math.max(1, Math.ceil(options.total / iins.length)));
    this.months = Array.from({ length: count }, (_, i) => addMonthsToMonth(last, i - count + 1));
  }

  /** The payment at position k (a pure function of k): month after month, every person in turn. */
  private payment(k: number) {
    const person = k % this.iins.length;
    const month = this.months[Math.floor(k / this.iins.length) % this.months.length]!;
    const iin = this.iins[person]!;
    const payer = payerOf(this.options.seed, person);
    const paidOn = minDate(`${addMonthsToMonth(month, 1)}-20` as LocalDate, this.options.asOf);
    const year = yearParameters(this.params, Number(month.slice(0, 4)))!;
    const lumpSum = payer.lumpSum && k < this.iins.length;
    const kind = lumpSum ? 'lump-sum' : payer.kind;
    const amount =
      kind === 'employer'
        ? employeeContribution(this.params, Number(month.slice(0, 4)), payer.wage)
        : year.selfPayerMonthly * (lumpSum ? 12 : 1);
    return {
      eventId: `pay-${this.options.seed}-${month}-${iin}`,
      type: 'contribution.paid',
      occurredAt: at(paidOn, person),
      data: {
        iin,
        payer: {
          kind,
          id: kind === 'employer' ? payer.employer : kind === 'state' ? 'BUDGET-067-100' : iin,
          name: kind === 'employer' ? `ТОО «Работодатель ${payer.employer.slice(-4)}»` : null,
        },
        month,
        ...(lumpSum ? { months: 12 } : {}),
        amount: amount.toFixed(2),
        paidOn,
        reference: `P${this.options.seed}-${month}-${iin}`,
      },
    };
  }

  next(): object {
    const k = this.k++;
    const reversal = this.options.reversals !== false && k % REVERSAL_EVERY === REVERSAL_EVERY - 1;
    if (reversal && k >= REVERSAL_BACK) {
      const paid = this.payment(k - REVERSAL_BACK);
      return {
        eventId: `rev-${paid.eventId}`,
        type: 'contribution.reversed',
        occurredAt: at(paid.data.paidOn, 86_399),
        data: { iin: paid.data.iin, reference: paid.data.reference, reversedOn: paid.data.paidOn },
      };
    }
    return this.payment(k);
  }
}

/** Days between a category list's rounds (joinings, then leavings, then joinings again…). */
const ROUND_DAYS = 90;

export class CategoryFeed {
  private k = 0;
  private readonly base: LocalDate;

  constructor(
    private readonly iins: readonly string[],
    private readonly options: { seed: number; total: number; asOf: LocalDate },
  ) {
    if (iins.length === 0) throw new Error('В регистре нет людей с ИИН: списки не для кого составить.');
    const rounds = Math.ceil(options.total / iins.length);
    this.base = addDays(options.asOf, -(rounds * ROUND_DAYS + 30));
  }

  next(): object {
    const k = this.k++;
    const person = k % this.iins.length;
    const round = Math.floor(k / this.iins.length);
    const iin = this.iins[person]!;
    const category = OSMS_CATEGORIES[(person + this.options.seed) % OSMS_CATEGORIES.length]!;
    const joinRound = round - (round % 2);
    const from = addDays(this.base, joinRound * ROUND_DAYS);
    const listDay = (d: LocalDate) => minDate(addDays(d, 5), this.options.asOf);
    if (round % 2 === 0) {
      return {
        eventId: `cat-${this.options.seed}-${round}-${iin}`,
        type: 'category.joined',
        occurredAt: at(listDay(from), person),
        data: { iin, category, from, to: null, listDate: listDay(from) },
      };
    }
    const to = addDays(from, ROUND_DAYS - 30);
    return {
      eventId: `cat-${this.options.seed}-${round}-${iin}`,
      type: 'category.left',
      occurredAt: at(listDay(to), person),
      data: { iin, category, to, listDate: listDay(to) },
    };
  }
}

/** Data only the register's rules refuse: a wrong check digit, an impossible month, a negative sum. */
const brokenIin = (iin: unknown) => {
  const s = typeof iin === 'string' ? iin : '000000000000';
  return s.slice(0, 11) + String((Number(s[11]) + 1) % 10);
};

const PAYMENT_SPOILERS: readonly Spoiler[] = [
  ...COMMON_SPOILERS,
  (e) => JSON.stringify({ ...e, data: { ...e.data, iin: brokenIin(e.data.iin) } }),
  (e) => JSON.stringify({ ...e, data: { ...e.data, month: '2024-13' } }),
  (e) => JSON.stringify({ ...e, data: { ...e.data, amount: '-5.00' } }),
  (e, _line, asOf) => JSON.stringify({ ...e, data: { ...e.data, paidOn: addDays(asOf, 3) } }),
];

const CATEGORY_SPOILERS: readonly Spoiler[] = [
  ...COMMON_SPOILERS,
  (e) => JSON.stringify({ ...e, data: { ...e.data, iin: brokenIin(e.data.iin) } }),
  (e) => JSON.stringify({ ...e, data: { ...e.data, category: 'UNKNOWN' } }),
  (e, _line, asOf) => JSON.stringify({ ...e, data: { ...e.data, listDate: addDays(asOf, 10) } }),
];

/** A test feed of payments or category lists for the register behind `db`. */
export async function osmsTestFeed(
  db: Pick<pg.Pool, 'query'>,
  source: 'payments' | 'categories',
  options: TestFeedOptions,
): Promise<Iterable<[LineKind, string]>> {
  const iins = await readKzIins(db);
  const feed =
    source === 'payments'
      ? new PaymentFeed(iins, { seed: options.seed, total: options.events, asOf: options.asOf })
      : new CategoryFeed(iins, { seed: options.seed, total: options.events, asOf: options.asOf });
  return testFeedLines(
    () => feed.next(),
    options,
    source === 'payments' ? PAYMENT_SPOILERS : CATEGORY_SPOILERS,
  );
}
