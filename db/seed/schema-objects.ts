import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { REGISTER_TABLES } from './records';

/**
 * Keys, unique constraints, exclusion constraints, foreign keys and indexes of the register tables (and
 * the foreign keys pointing at them), as the database itself describes them. On an empty register the
 * seeder drops them, loads, and re-creates them from these very definitions: building an index once over
 * the loaded rows is far cheaper than maintaining it row by row, and the end state is the migrated schema
 * (the seeder compares the catalogue before and after, and fails if anything differs).
 */
export interface SchemaObject {
  /** Schema-qualified, quoted table name. */
  table: string;
  name: string;
  /** `p` primary key, `u` unique, `x` exclusion, `f` foreign key, `i` plain index. */
  kind: 'p' | 'u' | 'x' | 'f' | 'i';
  /** `pg_get_constraintdef` for constraints, `pg_get_indexdef` for indexes. */
  definition: string;
  /** For `p` and `u`: the backing index (built first, then attached with `USING INDEX`). */
  indexDefinition: string | null;
  validated: boolean;
  /**
   * Whether the table is partitioned (access_log, register_events: migration 0018). Its keys are added with
   * the table (a partitioned table takes no `USING INDEX`), its indexes built on every partition, and its
   * foreign keys added validated (PostgreSQL before 18 refuses NOT VALID ones on partitioned tables).
   */
  partitioned: boolean;
}

const SNAPSHOT_SQL = `
with t as (select unnest($1::regclass[]) as oid)
select format('%I.%I', n.nspname, cl.relname) as "table", c.conname as name, c.contype::text as kind,
       pg_get_constraintdef(c.oid) as definition,
       case when c.contype in ('p', 'u') then pg_get_indexdef(c.conindid) end as "indexDefinition",
       c.convalidated as validated, cl.relkind = 'p' as partitioned
  from pg_constraint c
  join pg_class cl on cl.oid = c.conrelid
  join pg_namespace n on n.oid = cl.relnamespace
 where c.contype in ('p', 'u', 'x', 'f')
   and c.conparentid = 0 -- a partition's copy of its table's constraint comes and goes with it
   and (c.conrelid in (select oid from t) or c.confrelid in (select oid from t))
union all
select format('%I.%I', n.nspname, cl.relname), ci.relname, 'i', pg_get_indexdef(i.indexrelid), null, true,
       cl.relkind = 'p'
  from pg_index i
  join pg_class cl on cl.oid = i.indrelid
  join pg_class ci on ci.oid = i.indexrelid
  join pg_namespace n on n.oid = cl.relnamespace
 where i.indrelid in (select oid from t)
   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'))
 order by 1, 2`;

/** `tables`: the register tables by default; the ОСМС loader passes persons and the kz_ tables. */
export async function registerSchemaObjects(
  client: pg.ClientBase,
  tables: readonly string[] = REGISTER_TABLES,
): Promise<SchemaObject[]> {
  const { rows } = await client.query<SchemaObject>(SNAPSHOT_SQL, [tables.map((t) => `public.${t}`)]);
  return rows;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/**
 * Names of the keys, constraints and indexes the committed migrations create on (or pointing at) the
 * register tables: the seeder refuses to touch a schema that lacks any of them (e.g. after an
 * interrupted load), because it re-creates exactly what it found.
 */
export function migrationObjectNames(loaded: readonly string[] = REGISTER_TABLES): Set<string> {
  const names = new Set<string>();
  const tables = new Set<string>(loaded);
  for (const file of readdirSync(migrationsFolder)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    const sql = readFileSync(path.join(migrationsFolder, file), 'utf8');
    for (const stmt of sql.split('--> statement-breakpoint')) {
      const created = /CREATE TABLE "(\w+)"/.exec(stmt);
      if (created && tables.has(created[1]!)) {
        names.add(`${created[1]}_pkey`);
        for (const m of stmt.matchAll(/CONSTRAINT "(\w+)" (?:UNIQUE|PRIMARY KEY)/g)) names.add(m[1]!);
      }
      const altered =
        /ALTER TABLE "(\w+)" ADD CONSTRAINT "(\w+)"\s+(?:FOREIGN KEY|EXCLUDE|UNIQUE|PRIMARY KEY)/.exec(stmt);
      const referenced = /REFERENCES "(?:public"\.")?(\w+)"/.exec(stmt)?.[1];
      if (altered && (tables.has(altered[1]!) || (referenced !== undefined && tables.has(referenced))))
        names.add(altered[2]!);
      const index = /CREATE (?:UNIQUE )?INDEX "(\w+)" ON "(\w+)"/.exec(stmt);
      if (index && tables.has(index[2]!)) names.add(index[1]!);
    }
  }
  return names;
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Drops foreign keys first (they depend on the keys), then keys and exclusion constraints, then indexes. */
export async function dropSchemaObjects(
  client: pg.ClientBase,
  objects: readonly SchemaObject[],
): Promise<void> {
  const order = { f: 0, u: 1, x: 1, p: 2, i: 3 } as const;
  for (const o of [...objects].sort((a, b) => order[a.kind] - order[b.kind])) {
    if (o.kind === 'i') await client.query(`drop index ${o.table.split('.')[0]}.${ident(o.name)}`);
    else await client.query(`alter table ${o.table} drop constraint ${ident(o.name)}`);
  }
}

/** Builds one key, index or exclusion constraint (foreign keys: see `restoreSchemaObjects`). */
async function build(client: pg.ClientBase, o: SchemaObject): Promise<void> {
  if (o.partitioned && o.kind !== 'f') {
    // `CREATE INDEX … ON ONLY` would index the parent alone: without ONLY it recurses into the partitions.
    if (o.kind === 'i') await client.query(o.definition.replace(/ ON ONLY /, ' ON '));
    else await client.query(`alter table ${o.table} add constraint ${ident(o.name)} ${o.definition}`);
    return;
  }
  switch (o.kind) {
    case 'p':
    case 'u':
      await client.query(o.indexDefinition!);
      await client.query(
        `alter table ${o.table} add constraint ${ident(o.name)} ${o.kind === 'p' ? 'primary key' : 'unique'} using index ${ident(o.name)}`,
      );
      break;
    case 'i':
      await client.query(o.definition);
      break;
    case 'x':
    case 'f':
      await client.query(`alter table ${o.table} add constraint ${ident(o.name)} ${o.definition}`);
      break;
  }
}

/**
 * Runs jobs on the clients: each client takes the next job when it is free. After a failure no new job
 * starts; every session finishes what it is doing before the first error is rethrown, so no connection
 * is handed back while still busy.
 */
async function runJobs(
  clients: readonly pg.ClientBase[],
  jobs: ((c: pg.ClientBase) => Promise<void>)[],
): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  await Promise.all(
    clients.map(async (client) => {
      while (errors.length === 0 && next < jobs.length) {
        const job = jobs[next++]!;
        try {
          await job(client);
        } catch (err) {
          errors.push(err);
        }
      }
    }),
  );
  if (errors.length > 0) throw errors[0] instanceof Error ? errors[0] : new Error(String(errors[0]));
}

const KIND_ORDER = { p: 0, u: 1, i: 2, x: 3, f: 4 } as const;

/**
 * Re-creates everything from the snapshot, on committed data, spreading the work over the given clients
 * (each its own session): one job per table (the primary key; unique constraints; indexes; the exclusion
 * constraint, whose row-by-row check is the costliest part), the heaviest tables first. Then the foreign keys: added NOT VALID, and validated in parallel (validation
 * takes only light locks, so one table's check does not wait for another's).
 */
export async function restoreSchemaObjects(
  clients: readonly pg.ClientBase[],
  objects: readonly SchemaObject[],
  onStep: (object: SchemaObject) => void = () => undefined,
): Promise<void> {
  const first = clients[0]!;
  const tables = [...new Set(objects.map((o) => o.table))];
  const { rows } = await first.query<{ table: string; bytes: string }>(
    `select t as table, (select sum(pg_table_size(relid)) from (select t::regclass as relid
                                union select relid from pg_partition_tree(t::regclass)) p) as bytes
       from unnest($1::text[]) as t`,
    [tables],
  );
  const weight = (table: string) => {
    const bytes = Number(rows.find((r) => r.table === table)?.bytes ?? 0);
    // The exclusion check dominates: count a table that has one several times over.
    return objects.some((o) => o.table === table && o.kind === 'x') ? bytes * 8 : bytes;
  };

  const tableJobs = tables
    .filter((t) => objects.some((o) => o.table === t && o.kind !== 'f'))
    .sort((a, b) => weight(b) - weight(a))
    .map((table) => async (client: pg.ClientBase) => {
      const own = objects.filter((o) => o.table === table && o.kind !== 'f');
      for (const o of own.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind])) {
        onStep(o);
        await build(client, o);
      }
    });
  await runJobs(clients, tableJobs);

  const foreignKeys = objects.filter((o) => o.kind === 'f');
  for (const o of foreignKeys) {
    onStep(o);
    await first.query(
      `alter table ${o.table} add constraint ${ident(o.name)} ${o.definition}${o.partitioned ? '' : ' not valid'}`,
    );
  }
  const byTable = [...new Set(foreignKeys.filter((o) => !o.partitioned).map((o) => o.table))]
    .sort((a, b) => weight(b) - weight(a))
    .map((table) => async (client: pg.ClientBase) => {
      for (const o of foreignKeys.filter((f) => f.table === table && !f.partitioned)) {
        await client.query(`alter table ${o.table} validate constraint ${ident(o.name)}`);
      }
    });
  await runJobs(clients, byTable);
}

/**
 * Autovacuum would pounce on the freshly loaded tables: every index build and ALTER TABLE would then wait
 * for it to cancel itself (up to deadlock_timeout) while it competes for the CPU. The seeder switches it
 * off for the register tables inside the load transaction and resets the option after the rebuild (the
 * tables then get vacuumed and analysed as usual).
 */
export async function setAutovacuum(
  client: pg.ClientBase,
  enabled: boolean,
  tables: readonly string[] = REGISTER_TABLES,
): Promise<void> {
  for (const table of await storedTables(client, tables)) {
    await client.query(
      enabled
        ? `alter table ${table} reset (autovacuum_enabled)`
        : `alter table ${table} set (autovacuum_enabled = false)`,
    );
  }
}

/**
 * The tables holding the register's rows: each register table, or for a partitioned one its partitions
 * (a partitioned table stores nothing and takes no storage options).
 */
async function storedTables(client: pg.ClientBase, tables: readonly string[]): Promise<string[]> {
  // pg_partition_tree lists a partitioned table and its partitions, and nothing for a plain table.
  const { rows } = await client.query<{ t: string }>(
    `select coalesce(p.relid, r)::regclass::text as t
       from unnest($1::regclass[]) as r left join lateral pg_partition_tree(r) p on p.isleaf
      order by 1`,
    [tables.map((t) => `public.${t}`)],
  );
  return rows.map((r) => r.t);
}

/** Storage options of the register tables (none, as migrated). */
export async function registerTableOptions(
  client: pg.ClientBase,
  tables: readonly string[] = REGISTER_TABLES,
): Promise<string[]> {
  const { rows } = await client.query<{ o: string }>(
    `select relname || ': ' || array_to_string(reloptions, ', ') as o from pg_class
      where oid = any($1::regclass[]) and reloptions is not null order by 1`,
    [await storedTables(client, tables)],
  );
  return rows.map((r) => r.o);
}

/** Differences between two snapshots, as readable lines (empty when identical). */
export function diffSchemaObjects(before: readonly SchemaObject[], after: readonly SchemaObject[]): string[] {
  const key = (o: SchemaObject) =>
    `${o.table} ${o.kind} ${o.name}: ${o.definition}${o.validated ? '' : ' (not validated)'}`;
  const a = new Set(before.map(key));
  const b = new Set(after.map(key));
  return [
    ...[...a].filter((k) => !b.has(k)).map((k) => `missing ${k}`),
    ...[...b].filter((k) => !a.has(k)).map((k) => `extra ${k}`),
  ];
}
