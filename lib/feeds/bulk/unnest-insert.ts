import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Transaction } from '@/db/client';

type ColumnInfo = { name: string; getSQLType(): string };

/**
 * The pieces of a multi-row INSERT with one array parameter per column: the column list, and a source
 * `unnest($1::type[], …) as u(col, …)` yielding the rows — the columns named by the table's own drizzle
 * definition, absent ones left to their defaults. Every row must have the same keys.
 */
export function unnestRows<T extends PgTable>(
  table: T,
  rows: readonly Record<string, unknown>[],
): { columns: SQL; source: SQL } {
  const columns = getTableColumns(table) as Record<string, ColumnInfo>;
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
  const list = sql.join(names, sql`, `);
  return { columns: list, source: sql`unnest(${sql.join(arrays, sql`, `)}) as u(${list})` };
}

/** `returning col as "key", …` for the table's columns named by their drizzle keys. */
export function returningKeys<T extends PgTable>(table: T, keys: readonly string[]): SQL {
  const columns = getTableColumns(table) as Record<string, ColumnInfo>;
  if (keys.length === 0) return sql``;
  return sql` returning ${sql.join(
    keys.map((k) => sql`${sql.identifier(columns[k]!.name)} as ${sql.identifier(k)}`),
    sql`, `,
  )}`;
}

/**
 * A multi-row INSERT of many rows as one statement (`insert … select * from unnest($1::type[], …)`): the
 * same rows drizzle's `.values(rows)` would write without thousands of bound parameters to build and parse.
 */
export async function unnestInsert<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: readonly Record<string, unknown>[],
  returning: readonly (keyof T['_']['columns'] & string)[] = [],
  options: { onConflictDoNothing?: boolean } = {},
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const { columns, source } = unnestRows(table, rows);
  const result = await tx.execute<Record<string, unknown>>(
    sql`insert into ${table} (${columns}) select * from ${source}${
      options.onConflictDoNothing ? sql` on conflict do nothing` : sql``
    }${returningKeys(table, returning)}`,
  );
  return result.rows;
}
