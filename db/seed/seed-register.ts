import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { isKnownSubjectCode } from '@/lib/domain/ru/subjects';
import { moscowDate, parseDate } from '@/lib/domain/dates';
import { epochDay } from './copy-text';
import { DEMO_RESERVED_DOCUMENTS, demoRecords } from './demo-people';
import { loadSeedDirectory, type SeedDirectory } from './directory';
import { PersonGenerator } from './generator';
import { PLANTED_TABLE_DDL, type PlantedPair } from './planted-duplicates';
import { BatchWriter, COPY_COLUMNS, REGISTER_TABLES, type Chunk, type RegisterTable } from './records';
import { loadIntoEmptyTables } from './load-frame';

export { REGISTER_TABLES, type RegisterTable } from './records';
export { RegisterSchemaIncompleteError } from './load-frame';

/** The most persons one seed may load (the whole of Russia is ~146 million). */
export const MAX_PERSONS = 200_000_000;
/**
 * COPY text per table and statement. Large, because a COPY into a table emptied in the same transaction
 * (COPY FREEZE) skips the free-space map: the pages it pre-extends but leaves unused are lost, so every
 * statement wastes up to ~0.5 MB per table. Memory stays bounded: about two chunks per table at most.
 */
export const DEFAULT_CHUNK_BYTES = 16 << 20;
/** The register tables loaded with COPY FREEZE (all but the append-only register_events). */
export const FREEZABLE: readonly RegisterTable[] = REGISTER_TABLES.filter((t) => t !== 'register_events');
/** Serialises seeders on one database. */
const SEED_LOCK = 7_705_002;

export interface SeedProgress {
  phase: 'load' | 'indexes' | 'done';
  /** Persons loaded so far. */
  persons: number;
  total: number;
  /** During `indexes`: the object being built. */
  detail?: string;
}

export interface SeedOptions {
  /** Persons in the register after the seed, the demo people included (they are always loaded). */
  persons: number;
  /** Same seed, count, seeding date and directories ⇒ the same rows. */
  seed: number;
  /** The date the register is seeded "as of" (ISO); default: today in Moscow. */
  asOf?: string;
  /** Share of generated persons followed by a planted duplicate (the duplicate-scan benchmark). */
  duplicateShare?: number;
  /** Bytes of COPY text per statement (default DEFAULT_CHUNK_BYTES). */
  chunkBytes?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface RowCounts {
  persons: number;
  documents: number;
  representations: number;
  coverages: number;
  attachments: number;
  events: number;
}

export interface SeedSummary extends RowCounts {
  seed: number;
  asOf: string;
  seconds: number;
  /** Seconds spent streaming rows, and re-building indexes and constraints. */
  loadSeconds: number;
  indexSeconds: number;
}

export class RegisterNotEmptyError extends Error {
  constructor() {
    super('The register already has persons: seed only an empty register (the CLI resets it with --reset).');
    this.name = 'RegisterNotEmptyError';
  }
}

/** The seeding date used when none is given: today in Moscow. */
export function defaultAsOf(): string {
  return moscowDate(new Date());
}

function checkOptions(options: SeedOptions): { asOf: string; chunkBytes: number } {
  const { persons, seed } = options;
  if (!Number.isSafeInteger(persons) || persons < 0 || persons > MAX_PERSONS) {
    throw new RangeError(`persons must be an integer in 0…${MAX_PERSONS}, got ${persons}`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffff_ffff) {
    throw new RangeError(`seed must be an integer in 0…4294967295, got ${seed}`);
  }
  const asOf = options.asOf ?? defaultAsOf();
  const parsed = parseDate('asOf', asOf);
  if (!parsed.ok || parsed.value !== asOf) throw new RangeError(`asOf must be an ISO date, got ${asOf}`);
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  if (!Number.isSafeInteger(chunkBytes) || chunkBytes < 1) {
    throw new RangeError(`chunkBytes must be positive, got ${chunkBytes}`);
  }
  return { asOf, chunkBytes };
}

/** Whether the register holds any person. */
export async function registerHasPersons(db: pg.Pool | pg.ClientBase): Promise<boolean> {
  const { rows } = await db.query<{ any: boolean }>('select exists (select 1 from persons) as any');
  return rows[0]!.any;
}

/**
 * Loads a synthetic register into an empty database: the demo people first, then generated persons with
 * their documents, representations, coverage history, attachments and one `person.loaded` event each,
 * in the bulk-load frame (load-frame.ts: keys dropped, COPY, keys rebuilt on several sessions and checked
 * against the catalogue). The rows are streamed in through COPY, the next batch generated while the server
 * ingests the current one; then the ЕНП serial sequence is moved past the loaded ids.
 */
export async function seedRegister(pool: pg.Pool, options: SeedOptions): Promise<SeedSummary> {
  const { asOf, chunkBytes } = checkOptions(options);
  const started = performance.now();
  let planted: readonly PlantedPair[] = [];
  let directory: SeedDirectory | undefined;
  let loadedPersons = 0;
  const { result: counts, ...times } = await loadIntoEmptyTables(pool, {
    tables: REGISTER_TABLES,
    // register_events refuses TRUNCATE by design (append-only) and is loaded normally.
    freeze: FREEZABLE,
    lock: SEED_LOCK,
    prepare: async (main) => {
      if (await registerHasPersons(main)) throw new RegisterNotEmptyError();
      directory = await loadSeedDirectory(main, asOf);
      checkDemoAgainstDirectory(directory, asOf);
    },
    load: async (main, frozen) => {
      const loaded = await streamRegisterRows(main, {
        persons: options.persons,
        seed: options.seed,
        asOf,
        chunkBytes,
        directory: directory!,
        // All of them: the register was checked empty.
        freeze: FREEZABLE.filter((t) => frozen.has(t)),
        duplicateShare: options.duplicateShare,
        onBatch: (done, total) => options.onProgress?.({ phase: 'load', persons: done, total }),
        onPlanted: (pairs) => {
          planted = pairs;
        },
      });
      await recordPlantedPairs(main, planted);
      loadedPersons = loaded.persons;
      return loaded;
    },
    onRebuild: (detail) =>
      options.onProgress?.({ phase: 'indexes', persons: loadedPersons, total: loadedPersons, detail }),
  });
  // ЕНП serials are the person ids (1…N): demo people first, then the generated ones.
  await pool.query(`select setval('enp_serial_seq', coalesce((select max(id) from persons), 0) + 1, false)`);
  options.onProgress?.({ phase: 'done', persons: counts.persons, total: counts.persons });
  return {
    ...counts,
    seed: options.seed,
    asOf,
    seconds: (performance.now() - started) / 1000,
    ...times,
  };
}

export interface StreamOptions {
  persons: number;
  seed: number;
  asOf: string;
  directory: SeedDirectory;
  chunkBytes?: number;
  /** Target table per register table (default: the table itself), e.g. unindexed copies for a baseline. */
  tables?: Partial<Record<RegisterTable, string>>;
  /**
   * Register tables to load with COPY FREEZE: their targets must have been created or truncated in the
   * current transaction.
   */
  freeze?: readonly RegisterTable[];
  duplicateShare?: number;
  onBatch?: (personsDone: number, total: number) => void;
  /** The planted duplicate pairs, once all rows are generated. */
  onPlanted?: (pairs: readonly PlantedPair[]) => void;
}

/**
 * Streams the register's rows into the given tables through COPY, batch after batch: while the server
 * ingests one batch, the next one is generated (the generator yields to the event loop often, so the
 * socket keeps flowing). Memory holds at most two batches.
 */
export async function streamRegisterRows(client: pg.ClientBase, options: StreamOptions): Promise<RowCounts> {
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const demo = demoRecords(options.asOf);
  const total = Math.max(options.persons, demo.length);
  const generator = new PersonGenerator({
    seed: options.seed,
    asOf: options.asOf,
    directory: options.directory,
    firstId: demo.length + 1,
    reservedDocuments: DEMO_RESERVED_DOCUMENTS,
    duplicateShare: options.duplicateShare,
  });
  const writer = new BatchWriter(epochDay(options.asOf));
  const target = (t: RegisterTable) => options.tables?.[t] ?? t;
  const freeze = options.freeze ?? [];
  const counts: RowCounts = {
    persons: 0,
    documents: 0,
    representations: 0,
    coverages: 0,
    attachments: 0,
    events: 0,
  };
  const field: Record<RegisterTable, keyof RowCounts> = {
    persons: 'persons',
    identity_documents: 'documents',
    representations: 'representations',
    coverages: 'coverages',
    attachments: 'attachments',
    register_events: 'events',
  };

  // One COPY at a time on the connection; chunks wait in a short queue while the generator goes on.
  const queue: Chunk[] = [];
  let queued = 0;
  let inflight: Promise<void> | null = null;
  let failure: Error | null = null;
  const pump = () => {
    if (inflight || failure !== null) return;
    const chunk = queue.shift();
    if (!chunk) return;
    const columns = COPY_COLUMNS[chunk.table];
    inflight = copyText(client, chunk.text, target(chunk.table), columns, freeze.includes(chunk.table)).then(
      () => {
        queued -= chunk.text.length;
        counts[field[chunk.table]] += chunk.rows;
        inflight = null;
        pump();
      },
      (err: unknown) => {
        failure = err instanceof Error ? err : new Error('COPY failed', { cause: err });
        inflight = null;
      },
    );
  };
  const flush = (all: boolean) => {
    for (const table of REGISTER_TABLES) {
      if (writer.bytes(table) === 0 || (!all && writer.bytes(table) < chunkBytes)) continue;
      const chunk = writer.take(table);
      queue.push(chunk);
      queued += chunk.text.length;
    }
    pump();
  };
  const settle = async (limit: number) => {
    while (inflight && queued > limit) await inflight;
    if (failure !== null) throw failure;
  };

  for (const p of demo) writer.add(p);
  let produced = demo.length;
  let reported = 0;
  while (produced < total) {
    const sliceEnd = Math.min(total, produced + 250);
    for (; produced < sliceEnd; produced++) writer.add(generator.next());
    flush(false);
    await settle(2 * chunkBytes);
    // Let the pending COPY write its data and start its next statement.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (produced - reported >= 20_000) {
      reported = produced;
      options.onBatch?.(produced, total);
    }
  }
  flush(true);
  await settle(0);
  options.onPlanted?.(generator.planted);
  options.onBatch?.(total, total);
  return counts;
}

/** Keeps the planted duplicate pairs in their own table, for the benchmark's recall (none: no table). */
async function recordPlantedPairs(client: pg.ClientBase, pairs: readonly PlantedPair[]): Promise<void> {
  if (pairs.length === 0) return;
  await client.query(PLANTED_TABLE_DDL);
  await client.query(
    `insert into seed_planted_duplicates (original_id, duplicate_id, kind)
     select * from unnest($1::bigint[], $2::bigint[], $3::text[])`,
    [pairs.map((p) => p.originalId), pairs.map((p) => p.duplicateId), pairs.map((p) => p.kind)],
  );
}

/** Sends COPY text (one row a line) into the target's columns. */
export async function copyText(
  client: pg.ClientBase,
  text: Buffer,
  target: string,
  columns: readonly string[],
  freeze: boolean,
): Promise<void> {
  const stream = client.query(
    copyFrom(`copy ${target} (${columns.join(', ')}) from stdin${freeze ? ' with (freeze)' : ''}`),
  );
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(text);
  });
}

/** The demo people refer to fixture insurers and clinics: fail early and clearly if the directory lacks one. */
function checkDemoAgainstDirectory(directory: SeedDirectory, asOf: string): void {
  const problems: string[] = [];
  for (const p of demoRecords(asOf)) {
    for (const c of p.coverages) {
      const serving = directory.insurers.get(c.subjectCode)?.find((i) => i.code === c.insurerCode);
      if (!isKnownSubjectCode(c.subjectCode) || !serving || serving.fromDay > c.fromDay) {
        problems.push(`${p.lastName}: insurer ${c.insurerCode} does not serve ${c.subjectCode}`);
      }
    }
    for (const a of p.attachments) {
      const subject = a.moCode.slice(0, 2);
      const known = [
        ...(directory.adultClinics.get(subject) ?? []),
        ...(directory.childClinics.get(subject) ?? []),
      ];
      if (!known.includes(a.moCode))
        problems.push(`${p.lastName}: clinic ${a.moCode} is not a primary-care clinic`);
    }
  }
  if (problems.length > 0)
    throw new Error(`The demo people do not fit the directories:\n${problems.join('\n')}`);
}
