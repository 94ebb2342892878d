import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { addDays, type LocalDate } from '@/lib/domain/dates';
import { employeeContribution, formIin, yearParameters, type OsmsParameters } from '@/lib/domain/kz';
import { addMonthsToMonth, firstDayOf, monthOf, type Month } from '@/lib/domain/kz/months';
import { Prng } from '../prng';
import { KZ_FATHER_COUNT, KZ_FEMALE_NAMES, KZ_MALE_NAMES, KZ_SURNAMES, kzPatronymic } from './kz-names';

/**
 * Generated persons of the Kazakh register for the demo and the benchmarks: every one with 12–18 months of
 * contributions (an employee's employer 75 %, a self-payer 20 %, the budget 5 %), loaded with COPY in
 * chunks, the contributions' foreign key and indexes dropped while an empty ledger is filled and rebuilt
 * after (one pass each instead of a check per row). Same seed, count and day ⇒ the same rows.
 */
export interface KzBulkOptions {
  persons: number;
  seed: number;
  /** The day the register is seeded as of: the last months paid are the ones before it. */
  asOf: LocalDate;
  params: OsmsParameters;
  /** Persons per COPY statement pair (default 20,000). */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface KzBulkSummary {
  persons: number;
  contributions: number;
  seconds: number;
}

/** Births 1950–2007: ИИН serials from 1000 per birth day and sex (the demo people use lower ones). */
const FIRST_BIRTH = Date.UTC(1950, 0, 1) / 86_400_000;
const BIRTH_DAYS = Date.UTC(2008, 0, 1) / 86_400_000 - FIRST_BIRTH;
const SERIAL_BASE = 1000;
const BINS = Array.from({ length: 500 }, (_, i) => String(100_000_000_000 + i * 7_919_113).slice(0, 12));

const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');

class IinSlots {
  private readonly next = new Map<number, number>();

  /** `taken`: the ИИН already in the register (an earlier bulk load), never given again. */
  constructor(private readonly taken: ReadonlySet<string>) {}

  /** The next valid ИИН of a birth day and sex (serials without a check digit skipped). */
  take(day: number, female: boolean): string {
    const slot = day * 2 + (female ? 1 : 0);
    const birthDate = new Date((FIRST_BIRTH + day) * 86_400_000).toISOString().slice(0, 10) as LocalDate;
    for (let serial = this.next.get(slot) ?? SERIAL_BASE; serial <= 9999; serial++) {
      const iin = formIin(birthDate, female ? 'female' : 'male', serial);
      if (iin !== null && !this.taken.has(iin)) {
        this.next.set(slot, serial + 1);
        return iin;
      }
    }
    throw new RangeError(`No ИИН serial left for ${birthDate}`);
  }
}

interface Chunk {
  persons: string;
  contributions: string;
  count: number;
  contributionCount: number;
}

/** The COPY text of persons `from`…`to - 1` (ids `firstId + i`) and their contributions. */
function chunkText(o: KzBulkOptions, firstId: number, from: number, to: number, slots: IinSlots): Chunk {
  const persons: string[] = [];
  const contributions: string[] = [];
  const asOfMonth = monthOf(o.asOf);
  for (let i = from; i < to; i++) {
    const rnd = new Prng(o.seed * 1_000_003 + i);
    const id = firstId + i;
    const day = (i * 7_919) % BIRTH_DAYS;
    const female = rnd.next() < 0.52;
    const iin = slots.take(day, female);
    const [m, f] = KZ_SURNAMES[rnd.int(KZ_SURNAMES.length)]!;
    const first = female
      ? KZ_FEMALE_NAMES[rnd.int(KZ_FEMALE_NAMES.length)]!
      : KZ_MALE_NAMES[rnd.int(KZ_MALE_NAMES.length)]!;
    const patronymic = kzPatronymic(rnd.int(KZ_FATHER_COUNT), female, rnd.next() < 0.4);
    const birth = new Date((FIRST_BIRTH + day) * 86_400_000).toISOString().slice(0, 10);
    persons.push(
      `${id}\tkz\t${iin}\t${esc(female ? f : m)}\t${esc(first)}\t${esc(patronymic)}\t${female ? 'F' : 'M'}\t${birth}\tKAZ\n`,
    );
    const roll = rnd.next();
    const kind = roll < 0.75 ? 'employer' : roll < 0.95 ? 'self' : 'state';
    const count = 12 + rnd.int(7);
    // The last month whose payment has been made by the seeding day.
    const lastPaid: Month =
      kind === 'employer'
        ? addMonthsToMonth(asOfMonth, o.asOf.slice(8) >= '20' ? -1 : -2)
        : kind === 'self'
          ? asOfMonth
          : addMonthsToMonth(asOfMonth, o.asOf.slice(8) >= '25' ? 0 : -1);
    const bin = BINS[rnd.int(BINS.length)]!;
    const wage = 85_000 + rnd.int(815_000);
    for (let k = count - 1; k >= 0; k--) {
      const month = addMonthsToMonth(lastPaid, -k);
      const year = Number(month.slice(0, 4));
      let paidOn: LocalDate;
      let payer: string;
      let amount: number;
      if (kind === 'employer') {
        paidOn = addDays(firstDayOf(addMonthsToMonth(month, 1)), 19);
        payer = bin;
        amount = employeeContribution(o.params, year, wage);
      } else if (kind === 'self') {
        paidOn = firstDayOf(month);
        payer = iin;
        amount = yearParameters(o.params, year)!.selfPayerMonthly;
      } else {
        paidOn = addDays(firstDayOf(month), 24);
        payer = 'RB-067-100';
        amount = 2_550;
      }
      contributions.push(
        `${id}\t${kind}\t${payer}\t${month}\t${amount}.00\t${paidOn}\tG${o.seed}-${id}-${month}\tseed\n`,
      );
    }
  }
  return {
    persons: persons.join(''),
    contributions: contributions.join(''),
    count: to - from,
    contributionCount: contributions.length,
  };
}

async function copy(client: pg.PoolClient, statement: string, text: string): Promise<void> {
  await pipeline(Readable.from([text]), client.query(copyFrom(statement)));
}

const DROP = [
  'alter table kz_contributions drop constraint if exists kz_contributions_person_id_fkey',
  'drop index if exists kz_contributions_reference_key',
  'drop index if exists kz_contributions_person_idx',
];
const REBUILD = [
  `create unique index kz_contributions_reference_key on kz_contributions (payment_reference) where retracted_at is null`,
  'create index kz_contributions_person_idx on kz_contributions (person_id, month_covered)',
  `alter table kz_contributions add constraint kz_contributions_person_id_fkey foreign key (person_id) references persons (id)`,
];

/** Appends `persons` generated persons with their contributions to a Kazakh register, in one transaction. */
export async function seedKzBulkPersons(pool: pg.Pool, o: KzBulkOptions): Promise<KzBulkSummary> {
  const started = performance.now();
  const client = await pool.connect();
  let contributions = 0;
  try {
    await client.query('begin');
    const { rows } = await client.query<{ first: string; empty: boolean }>(
      `select coalesce(max(id), 0) + 1 as first, not exists (select 1 from kz_contributions) as empty from persons`,
    );
    const firstId = Number(rows[0]!.first);
    const rebuild = rows[0]!.empty;
    if (rebuild) for (const s of DROP) await client.query(s);
    const { rows: taken } = await client.query<{ iin: string }>(
      `select iin from persons where iin is not null and substr(iin, 8, 4)::int >= ${SERIAL_BASE}`,
    );
    const slots = new IinSlots(new Set(taken.map((r) => r.iin)));
    const size = o.chunk ?? 20_000;
    for (let from = 0; from < o.persons; from += size) {
      const chunk = chunkText(o, firstId, from, Math.min(o.persons, from + size), slots);
      await copy(
        client,
        'copy persons (id, jurisdiction, iin, last_name, first_name, patronymic, sex, birth_date, citizenship) from stdin',
        chunk.persons,
      );
      await copy(
        client,
        'copy kz_contributions (person_id, payer_kind, payer_id, month_covered, amount, paid_on, payment_reference, source) from stdin',
        chunk.contributions,
      );
      contributions += chunk.contributionCount;
      o.onProgress?.(from + chunk.count, o.persons);
    }
    if (rebuild) for (const s of REBUILD) await client.query(s);
    await client.query(
      `select setval(pg_get_serial_sequence('persons', 'id'), (select max(id) from persons))`,
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await pool.query('analyze persons; analyze kz_contributions');
  return { persons: o.persons, contributions, seconds: (performance.now() - started) / 1000 };
}
