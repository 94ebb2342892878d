import { createHash } from 'node:crypto';
import type pg from 'pg';
import { readOsmsParameters } from '@/db/reference/kz/osms-parameters';
import type { LocalDate } from '@/lib/domain/dates';
import { monthFromNumber } from '@/lib/domain/kz/months';
import { CopySink, epochDay } from '../copy-text';
import { loadIntoEmptyTables } from '../load-frame';
import { Prng } from '../prng';
import { copyText, registerHasPersons, RegisterNotEmptyError } from '../seed-register';
import {
  KzPopulationPlanner,
  STATE_PAYER,
  employer,
  firstDayOfMonthNumber,
  localBody,
  type MonthlyPayment,
  type PlannedPerson,
  type PopulationKind,
} from './bulk-population';

/**
 * Loads a synthetic ОСМС population of N persons (bulk-population.ts) into an empty Kazakh register, for
 * the benchmarks: persons, then the contributions ledger month by month for the whole population (as the
 * fund's ledger fills: a person's payments lie on as many pages as they have months, not side by side),
 * category memberships, temporary statuses with their documents and residence permits — through COPY, in
 * the bulk-load frame (load-frame.ts: keys dropped, COPY FREEZE, keys rebuilt and checked).
 *
 * Record time: a fact is recorded the evening of the day it was paid or received (Almaty time), always
 * before the seed's date, so "as known now" sees every row. Payment references are unique per row.
 */

export const KZ_LOADED_TABLES = [
  'persons',
  'kz_contributions',
  'kz_category_memberships',
  'kz_temporary_statuses',
  'kz_residence_permits',
  'register_events',
] as const;
type KzTable = (typeof KZ_LOADED_TABLES)[number];
/** register_events refuses TRUNCATE by design (append-only): it is loaded without FREEZE. */
const KZ_FROZEN_TABLES = KZ_LOADED_TABLES.filter((t) => t !== 'register_events');

// prettier-ignore
const COLUMNS: Readonly<Record<KzTable, readonly string[]>> = {
  persons: [
    'id', 'jurisdiction', 'iin', 'last_name', 'first_name', 'patronymic', 'sex', 'birth_date', 'birth_place',
    'citizenship', 'version', 'created_at', 'updated_at',
  ],
  kz_contributions: [
    'id', 'person_id', 'payer_kind', 'payer_id', 'payer_name', 'month_covered', 'months', 'amount', 'paid_on',
    'payment_reference', 'source', 'recorded_at',
  ],
  kz_category_memberships: [
    'id', 'person_id', 'category', 'from_date', 'to_date', 'received_on', 'source', 'recorded_at',
  ],
  kz_temporary_statuses: [
    'id', 'person_id', 'category', 'uploaded_on', 'uploaded_by', 'uploader_actor_kind', 'uploader_actor_id',
    'uploader_organisation', 'document_name', 'document_type', 'document_size', 'document_sha256', 'document',
    'recorded_at',
  ],
  kz_residence_permits: ['id', 'person_id', 'basis', 'from_date', 'to_date', 'source', 'recorded_at'],
  register_events: [
    'id', 'person_id', 'entity', 'entity_id', 'action', 'effective_date', 'recorded_at', 'actor_kind', 'actor_id',
    'source', 'data',
  ],
};

/** Serialises ОСМС loaders on one database. */
const KZ_SEED_LOCK = 7_705_014;
const SOURCE = 'seed';
const DEFAULT_CHUNK_BYTES = 16 << 20;

export interface KzPopulationOptions {
  persons: number;
  /** Same seed, count and date ⇒ the same rows. */
  seed: number;
  /** The date the register is seeded "as of" (Almaty): payments are made before it. */
  asOf: LocalDate;
  /**
   * Add the persons to a register that has some (the demo people: the demo register's seeder), after its
   * ids and ИИН; by default the register must be empty.
   */
  append?: boolean;
  /** The kinds' shares (default KIND_SHARES): tests ask for every kind in a small population. */
  shares?: Record<PopulationKind, number>;
  chunkBytes?: number;
  onProgress?: (progress: { phase: 'persons' | 'contributions' | 'indexes'; detail: string }) => void;
}

export interface KzPopulationSummary {
  persons: number;
  contributions: number;
  memberships: number;
  temporaryStatuses: number;
  permits: number;
  seconds: number;
  loadSeconds: number;
  indexSeconds: number;
}

/** The evening (21:00 Almaty) of a day, as a timestamptz literal: a fact's record time. */
function evening(sink: CopySink, day: number): CopySink {
  return sink.date(day).text(' 21:00:00+05');
}

const amounts = new Map<number, string>();

/** The amount in tenge as numeric text (few distinct amounts: kept once made). */
function tenge(amount: number): string {
  let text = amounts.get(amount);
  if (text === undefined) {
    text = amount.toFixed(2);
    amounts.set(amount, text);
  }
  return text;
}

/** A scanned document's bytes: a PDF header and deterministic noise of a scan's size. */
function scannedDocument(rng: Prng): Buffer {
  const size = 120_000 + rng.int(280_000);
  const bytes = Buffer.allocUnsafe(size);
  bytes.write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  for (let k = 16; k < size; k++) bytes[k] = rng.int(256);
  return bytes;
}

/** Buffers COPY text per table and sends it one statement at a time, while the caller generates more. */
class CopyPipe {
  private readonly sinks = new Map<KzTable, CopySink>(KZ_LOADED_TABLES.map((t) => [t, new CopySink()]));
  private inflight: Promise<void> = Promise.resolve();
  readonly rows: Record<KzTable, number> = Object.fromEntries(KZ_LOADED_TABLES.map((t) => [t, 0])) as Record<
    KzTable,
    number
  >;

  constructor(
    private readonly client: pg.ClientBase,
    private readonly chunkBytes: number,
    private readonly frozen: ReadonlySet<string>,
  ) {}

  sink(table: KzTable): CopySink {
    return this.sinks.get(table)!;
  }

  /** Sends the tables whose text is big enough (all of them when `all`), after the previous statement. */
  async flush(all = false): Promise<void> {
    for (const table of KZ_LOADED_TABLES) {
      const sink = this.sink(table);
      if (sink.length === 0 || (!all && sink.length < this.chunkBytes)) continue;
      this.rows[table] += sink.rows;
      const text = sink.take();
      await this.inflight;
      this.inflight = copyText(this.client, text, table, COLUMNS[table], this.frozen.has(table));
    }
    if (all) await this.inflight;
  }
}

/**
 * The person and their register event: loaded from the initial data by the seeder (`person.loaded`, as
 * the Russian loader records its persons), so the history of every person begins with how they came in.
 */
function writePerson(pipe: CopyPipe, ids: Ids, id: number, p: PlannedPerson): void {
  const s = pipe.sink('persons');
  s.int(id).tab().text('kz').tab().text(p.iin).tab().text(p.lastName).tab().text(p.firstName).tab();
  s.opt(p.patronymic).tab().text(p.sex).tab().date(p.birthDay).tab().text(p.birthPlace).tab();
  s.text(p.citizenship).tab().int(1).tab();
  evening(s, p.createdDay).tab();
  evening(s, p.createdDay).end();
  const e = pipe.sink('register_events');
  e.int(++ids.event).tab().int(id).tab().text('person').tab().int(id).tab().text('person.loaded').tab();
  e.date(p.createdDay).tab();
  evening(e, p.createdDay).tab().text('system').tab().text('seeder').tab().text(SOURCE).tab().nul().end();
}

interface Ids {
  event: number;
  contribution: number;
  membership: number;
  temporary: number;
  permit: number;
}

function writeFacts(pipe: CopyPipe, ids: Ids, id: number, p: PlannedPerson, rng: Prng): void {
  if (p.membership) {
    const m = p.membership;
    const s = pipe.sink('kz_category_memberships');
    s.int(++ids.membership).tab().int(id).tab().text(m.category).tab().date(m.fromDay).tab();
    s.optDate(m.toDay).tab().date(m.receivedDay).tab().text('feed:categories').tab();
    evening(s, m.receivedDay).end();
  }
  if (p.permit) {
    const s = pipe.sink('kz_residence_permits');
    s.int(++ids.permit).tab().int(id).tab().text(p.permit.basis).tab().date(p.permit.fromDay).tab();
    s.optDate(p.permit.toDay).tab().text(SOURCE).tab();
    evening(s, p.permit.fromDay).end();
  }
  if (p.temporary) {
    const t = p.temporary;
    const document = scannedDocument(rng);
    const s = pipe.sink('kz_temporary_statuses');
    s.int(++ids.temporary).tab().int(id).tab().text(t.category).tab().date(t.uploadedDay).tab();
    s.text(t.by)
      .tab()
      .text(t.by === 'clinic' ? 'clinic' : 'citizen')
      .tab();
    s.text(t.by === 'clinic' ? 'registrar-bench' : p.iin)
      .tab()
      .opt(t.by === 'clinic' ? 'KZ-MO-0001' : null)
      .tab();
    s.text(t.by === 'clinic' ? 'скан-справки.pdf' : 'справка.pdf')
      .tab()
      .text('application/pdf')
      .tab();
    s.int(document.length).tab().text(createHash('sha256').update(document).digest('hex')).tab();
    s.text(`\\x${document.toString('hex')}`).tab();
    evening(s, t.uploadedDay).end();
  }
}

function writeContribution(
  pipe: CopyPipe,
  ids: Ids,
  personId: number,
  c: {
    payer: MonthlyPayment['payer'] | 'lump-sum';
    payerId: string;
    payerName: string | null;
    month: number;
  },
  months: number,
  amount: number,
  paidDay: number,
): void {
  const s = pipe.sink('kz_contributions');
  const id = ++ids.contribution;
  s.int(id).tab().int(personId).tab().text(c.payer).tab().text(c.payerId).tab().opt(c.payerName).tab();
  s.text(monthFromNumber(c.month)).tab().int(months).tab().text(tenge(amount)).tab().date(paidDay).tab();
  s.text(`KZP${String(id).padStart(12, '0')}`)
    .tab()
    .text('feed:payments')
    .tab();
  evening(s, paidDay).end();
}

function payerOf(payment: MonthlyPayment, iin: string): { payerId: string; payerName: string | null } {
  switch (payment.payer) {
    case 'employer': {
      const e = employer(payment.payerIndex);
      return { payerId: e.id, payerName: e.name };
    }
    case 'state':
      return { payerId: STATE_PAYER.id, payerName: STATE_PAYER.name };
    case 'local-body': {
      const b = localBody(payment.payerIndex);
      return { payerId: b.id, payerName: b.name };
    }
    case 'self':
      return { payerId: iin, payerName: null };
  }
}

/**
 * Streams the population's rows: persons and their other facts first, then the ledger month by month.
 * Person ids are 1…N in generation order.
 */
async function streamPopulation(
  client: pg.ClientBase,
  frozen: ReadonlySet<string>,
  options: KzPopulationOptions,
): Promise<Omit<KzPopulationSummary, 'seconds' | 'loadSeconds' | 'indexSeconds'>> {
  const params = readOsmsParameters();
  const n = options.persons;
  // Ids are explicit: after the rows already there (none in an empty register).
  const last = async (table: KzTable) =>
    Number((await client.query<{ n: string }>(`select coalesce(max(id), 0) as n from ${table}`)).rows[0]!.n);
  const { rows: taken } = await client.query<{ iin: string }>(
    'select iin from persons where iin is not null',
  );
  const planner = new KzPopulationPlanner(params, {
    ...options,
    capacity: n,
    taken: new Set(taken.map((r) => r.iin)),
  });
  const pipe = new CopyPipe(client, options.chunkBytes ?? DEFAULT_CHUNK_BYTES, frozen);
  const documents = new Prng(options.seed ^ 0xd0c);
  const firstId = (await last('persons')) + 1;
  const ids: Ids = {
    event: await last('register_events'),
    contribution: await last('kz_contributions'),
    membership: await last('kz_category_memberships'),
    temporary: await last('kz_temporary_statuses'),
    permit: await last('kz_residence_permits'),
  };
  const iins: string[] = new Array<string>(n);
  const asOfDay = epochDay(options.asOf);

  for (let i = 0; i < n; i++) {
    const p = planner.next();
    iins[i] = p.iin;
    writePerson(pipe, ids, firstId + i, p);
    writeFacts(pipe, ids, firstId + i, p, documents);
    if (i % 5000 === 4999) {
      await pipe.flush();
      if (i % 100_000 === 99_999) options.onProgress?.({ phase: 'persons', detail: `${i + 1} / ${n}` });
    }
  }

  const span = planner.monthSpan();
  for (let month = span.from; month <= span.to; month++) {
    const monthStart = firstDayOfMonthNumber(month);
    for (let i = 0; i < n; i++) {
      const payment = planner.monthly(i, month);
      if (payment) {
        writeContribution(
          pipe,
          ids,
          firstId + i,
          { payer: payment.payer, month, ...payerOf(payment, iins[i]!) },
          1,
          payment.amount,
          payment.paidDay,
        );
      }
      // Separate advance payments and lump sums go in with the month they were paid in.
      const extra = planner.extraDay[i]!;
      if (extra >= monthStart && extra < firstDayOfMonthNumber(month + 1) && extra < asOfDay) {
        const self = { payerId: iins[i]!, payerName: null };
        for (const a of planner.advancePayments(i)) {
          writeContribution(
            pipe,
            ids,
            firstId + i,
            { payer: 'self', month: a.month, ...self },
            1,
            a.amount,
            extra,
          );
        }
        const lump = planner.lumpSum(i);
        if (lump) {
          writeContribution(
            pipe,
            ids,
            firstId + i,
            { payer: 'lump-sum', month: lump.firstMonth, ...self },
            lump.months,
            lump.amount,
            extra,
          );
        }
      }
      if (i % 5000 === 4999) await pipe.flush();
    }
    options.onProgress?.({ phase: 'contributions', detail: monthFromNumber(month) });
  }
  await pipe.flush(true);
  return {
    persons: pipe.rows.persons,
    contributions: pipe.rows.kz_contributions,
    memberships: pipe.rows.kz_category_memberships,
    temporaryStatuses: pipe.rows.kz_temporary_statuses,
    permits: pipe.rows.kz_residence_permits,
  };
}

/**
 * Seeds an empty Kazakh register (bound to `kz`: the persons' jurisdiction references it) with N
 * synthetic ОСМС persons. Refuses a register that has persons or is not Kazakh.
 */
export async function loadKzPopulation(
  pool: pg.Pool,
  options: KzPopulationOptions,
): Promise<KzPopulationSummary> {
  if (!Number.isSafeInteger(options.persons) || options.persons < 1 || options.persons > 50_000_000)
    throw new RangeError(`persons must be an integer in 1…50000000, got ${options.persons}`);
  const started = performance.now();
  const { result, loadSeconds, indexSeconds } = await loadIntoEmptyTables(pool, {
    tables: KZ_LOADED_TABLES,
    freeze: KZ_FROZEN_TABLES,
    lock: KZ_SEED_LOCK,
    prepare: async (client) => {
      const { rows } = await client.query<{ jurisdiction: string }>(
        'select jurisdiction from register_settings',
      );
      if (rows[0]?.jurisdiction !== 'kz')
        throw new Error(
          `An ОСМС population goes into a Kazakh register; this one is ${rows[0]?.jurisdiction ?? 'unbound'}`,
        );
      if (!options.append && (await registerHasPersons(client))) throw new RegisterNotEmptyError();
    },
    load: (client, frozen) => streamPopulation(client, frozen, options),
    onRebuild: (detail) => options.onProgress?.({ phase: 'indexes', detail: detail ?? 'keys and indexes' }),
  });
  return { ...result, seconds: (performance.now() - started) / 1000, loadSeconds, indexSeconds };
}
