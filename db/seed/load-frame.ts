import pg from 'pg';
import {
  diffSchemaObjects,
  dropSchemaObjects,
  migrationObjectNames,
  registerSchemaObjects,
  registerTableOptions,
  restoreSchemaObjects,
  setAutovacuum,
} from './schema-objects';

/**
 * The frame of a bulk load into empty tables, shared by the Russian seeder and the ОСМС one (issue 14):
 *
 * 1. One transaction: `prepare` (e.g. check the register is empty), check the schema is complete, drop the
 *    keys, indexes, exclusion constraints and foreign keys of the tables (and those pointing at them),
 *    truncate the `freeze` tables so they accept COPY FREEZE, `load` the rows, commit.
 * 2. Re-create everything from the catalogue's own definitions on several sessions in parallel, check the
 *    catalogue equals what it was, and move the tables' identity sequences past the loaded ids.
 * If step 1 fails nothing is left behind. If step 2 fails the rows stay without some keys: the error says
 * so, and the register must be reset — it is never left looking complete.
 */

/** Sessions re-creating keys and constraints after the load. */
const REBUILD_SESSIONS = 3;

export class RegisterSchemaIncompleteError extends Error {
  constructor(missing: readonly string[]) {
    super(
      `The register's schema lacks ${missing.join(', ')} (an interrupted load?): reset the database ` +
        '(the CLI does it with --reset) before seeding.',
    );
    this.name = 'RegisterSchemaIncompleteError';
  }
}

export interface LoadFrame<T> {
  /** The tables loaded: their keys and indexes are dropped for the load and rebuilt after it. */
  tables: readonly string[];
  /**
   * Those to load with COPY FREEZE: the ones among them that are empty are truncated in the load's
   * transaction (which FREEZE needs) and handed to `load`; a table that has rows is loaded as usual.
   */
  freeze: readonly string[];
  /** An advisory lock serialising loaders of one database. */
  lock: number;
  /** In the transaction, before anything is dropped. */
  prepare?: (client: pg.ClientBase) => Promise<void>;
  /** In the transaction, on the bare tables; `frozen`: the tables it may COPY with FREEZE. */
  load: (client: pg.ClientBase, frozen: ReadonlySet<string>) => Promise<T>;
  /** Called as each key or index is rebuilt (its name), and once before the first. */
  onRebuild?: (detail?: string) => void;
}

export interface LoadTimes<T> {
  result: T;
  /** Seconds streaming rows (step 1), and re-building keys and constraints (step 2). */
  loadSeconds: number;
  indexSeconds: number;
}

export async function loadIntoEmptyTables<T>(pool: pg.Pool, frame: LoadFrame<T>): Promise<LoadTimes<T>> {
  const started = performance.now();
  const main = await pool.connect();
  const clients: pg.ClientBase[] = [main];
  const helpers: pg.Client[] = [];
  let committed = false;
  try {
    await main.query('begin');
    await main.query('select pg_advisory_xact_lock($1)', [frame.lock]);
    await frame.prepare?.(main);
    const objects = await registerSchemaObjects(main, frame.tables);
    const present = new Set(objects.map((o) => o.name));
    const missing = [...migrationObjectNames(frame.tables)].filter((n) => !present.has(n)).sort();
    if (missing.length > 0) throw new RegisterSchemaIncompleteError(missing);
    const options0 = await registerTableOptions(main, frame.tables);
    await dropSchemaObjects(main, objects);
    await setAutovacuum(main, false, frame.tables);
    // Emptied in this transaction (they are empty already, and nothing references them any more), the
    // tables accept COPY FREEZE: rows land frozen and hinted, so the rebuild's scans do not rewrite every
    // page to set hint bits, and vacuum has nothing to freeze later.
    const frozen = new Set<string>();
    for (const table of frame.freeze) {
      const { rows } = await main.query<{ empty: boolean }>(
        `select not exists (select 1 from ${table}) as empty`,
      );
      if (rows[0]!.empty) frozen.add(table);
    }
    if (frozen.size > 0) await main.query(`truncate ${[...frozen].join(', ')}`);
    const result = await frame.load(main, frozen);
    await main.query('commit');
    committed = true;
    const loaded = performance.now();

    frame.onRebuild?.();
    // Sessions of their own (not from the pool, which the caller may be using up): the costliest builds
    // run side by side, which packs the work onto the machine's cores (the generator is idle by now).
    for (let i = 0; i < REBUILD_SESSIONS - 1; i++) {
      // The pool's own client class: on a cluster's multi-host URL it is the one that finds the primary.
      const Client = (pool.options as { Client?: typeof pg.Client }).Client ?? pg.Client;
      const helper = new Client(pool.options);
      helpers.push(helper);
      await helper.connect();
      clients.push(helper);
    }
    // Index builds sort whole tables: give them room (reset when the connections go back to the pool).
    for (const c of clients) await c.query(`set maintenance_work_mem = '1GB'`);
    await restoreSchemaObjects(clients, objects, (o) => frame.onRebuild?.(o.name));
    await setAutovacuum(main, true, frame.tables);
    const differences = [
      ...diffSchemaObjects(objects, await registerSchemaObjects(main, frame.tables)),
      ...diffStrings(options0, await registerTableOptions(main, frame.tables), 'table options'),
    ];
    if (differences.length > 0)
      throw new Error(`The schema differs after the load:\n${differences.join('\n')}`);
    await advanceIdentities(main, frame.tables);
    return {
      result,
      loadSeconds: (loaded - started) / 1000,
      indexSeconds: (performance.now() - loaded) / 1000,
    };
  } catch (err) {
    if (!committed) {
      await main.query('rollback').catch(() => undefined);
      throw err;
    }
    throw new Error(
      'The rows were loaded but re-creating the keys and constraints failed; the register is incomplete: ' +
        `reset it (the CLI's --reset) and seed again. Cause: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  } finally {
    await main.query('reset maintenance_work_mem').catch(() => undefined);
    main.release();
    for (const h of helpers) await h.end().catch(() => undefined);
  }
}

function diffStrings(before: readonly string[], after: readonly string[], what: string): string[] {
  return before.join('\n') === after.join('\n')
    ? []
    : [`${what}: was [${before.join('; ')}], now [${after.join('; ')}]`];
}

/** Moves the tables' identity sequences past the loaded ids (the loaders write ids explicitly). */
async function advanceIdentities(client: pg.ClientBase, tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    await client.query(
      `select setval(pg_get_serial_sequence($1, 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`,
      [table],
    );
  }
}
