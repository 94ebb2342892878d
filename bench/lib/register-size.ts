import pg from 'pg';
import { REGISTER_TABLES } from '../../db/seed/records';

export interface Sizes {
  table: number;
  indexes: number;
  total: number;
}

/** Bytes of one table (heap + TOAST, indexes, both); over its partitions when it is partitioned. */
export async function sizes(client: pg.ClientBase, name: string): Promise<Sizes> {
  const { rows } = await client.query<{ table: string; indexes: string; total: string }>(
    // Over the partitions for a partitioned table (register_events, ADR 0027), which stores nothing itself.
    `select sum(pg_table_size(relid)) as table, sum(pg_indexes_size(relid)) as indexes,
            sum(pg_total_relation_size(relid)) as total
       from (select $1::regclass as relid union select relid from pg_partition_tree($1::regclass)) t`,
    [name],
  );
  const r = rows[0]!;
  return { table: Number(r.table), indexes: Number(r.indexes), total: Number(r.total) };
}

/**
 * The register's tables with all their indexes — the seeder's tables and the console's search index
 * (person_names), over every partition — per person.
 */
export async function registerBytesPerPerson(url: string, persons: number): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `select sum(pg_total_relation_size(p.relid))::text as bytes
         from unnest($1::text[]) t,
              lateral (select t::regclass as relid union select relid from pg_partition_tree(t::regclass)) p`,
      [[...REGISTER_TABLES, 'person_names']],
    );
    return Number(rows[0]!.bytes) / persons;
  } finally {
    await client.end();
  }
}
