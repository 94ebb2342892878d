import pg from 'pg';
import { fixed, int, table } from '../lib/format';

/**
 * Where the register's bytes are (bench:scale): every index over 1 MB, its partitions' indexes summed
 * under the partitioned index, per person; and the access log's bytes per row (heap + indexes), the
 * figures the capacity plan (docs/capacity.md) multiplies.
 */
export async function printStorage(url: string, persons: number): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: indexes } = await client.query<{ index: string; table: string; bytes: string }>(
      `select coalesce(pg_partition_root(x.indexrelid), x.indexrelid)::regclass::text as index,
              coalesce(pg_partition_root(x.indrelid), x.indrelid)::regclass::text as table,
              sum(pg_relation_size(x.indexrelid))::text as bytes
         from pg_index x join pg_class c on c.oid = x.indexrelid
        where c.relnamespace = 'public'::regnamespace
        group by 1, 2 having sum(pg_relation_size(x.indexrelid)) > 1048576 order by sum(pg_relation_size(x.indexrelid)) desc`,
    );
    console.log(`\nIndexes over 1 MB (partitions summed), ${int(persons)} persons`);
    console.log(
      table([
        ['index', 'table', 'MB', 'bytes/person'],
        ...indexes.map((r) => [
          r.index,
          r.table,
          fixed(Number(r.bytes) / 1e6, 1),
          fixed(Number(r.bytes) / persons, 1),
        ]),
      ]),
    );
    const { rows } = await client.query<{ rows: string; heap: string; indexes: string }>(
      `select (select count(*) from access_log)::text as rows,
              sum(pg_table_size(relid))::text as heap, sum(pg_indexes_size(relid))::text as indexes
         from pg_partition_tree('access_log')`,
    );
    const log = rows[0]!;
    const n = Number(log.rows);
    if (n > 0) {
      console.log(
        `access log: ${int(n)} rows, ${fixed(Number(log.heap) / n, 0)} bytes/row of heap + ` +
          `${fixed(Number(log.indexes) / n, 0)} of indexes (the lookups of this run wrote them)`,
      );
    }
  } finally {
    await client.end();
  }
}
