import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';

/**
 * A multi-row INSERT of many rows as one statement with one array parameter per column
 * (`insert … select * from unnest($1::type[], …)`): the same rows drizzle's `.values(rows)` would write —
 * columns named by the table's own drizzle definition, absent ones left to their defaults — without
 * thousands of bound parameters to build and parse. Every row must have the same keys.
 */
export async function unnestInsert<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: readonly Record<string, unknown>[],
  returning: readonly (keyof T['_']['columns'] & string)[] = [],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<
    string,
    { name: string; getSQLType(): string; mapToDriverValue?: (v: unknown) => unknown }
  >;
  const keys = Object.keys(rows[0]!);
  for (const row of rows) {
    const rowKeys = Object.keys(row);
    if (rowKeys.length !== keys.length || rowKeys.some((k) => !keys.includes(k)))
      throw new Error(`unnestInsert into ${getTableName(table)}: rows with different columns`);
  }
  const names: SQL[] = [];
  const arrays: SQL[] = [];
  for (const key of keys) {
    const column = columns[key];
    if (!column) throw new Error(`unnestInsert: ${getTableName(table)} has no column ${key}`);
    const type = column.getSQLType();
    const values = rows.map((r) => {
      const v = r[key];
      if (v === null || v === undefined) return null;
      return type === 'jsonb' || type === 'json' ? JSON.stringify(v) : v;
    });
    names.push(sql`${sql.identifier(column.name)}`);
    arrays.push(sql`${sql.param(values)}::${sql.raw(type)}[]`);
  }
  const back = returning.map((k) => sql`${sql.identifier(columns[k]!.name)} as ${sql.identifier(k)}`);
  const result = await tx.execute<Record<string, unknown>>(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)})${
      options.onConflictDoNothing ? sql` on conflict do nothing` : sql``
    }${back.length ? sql` returning ${sql.join(back, sql`, `)}` : sql``}`,
  );
  return result.rows;
}
