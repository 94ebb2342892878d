import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Transaction } from '@/db/client';

/**
 * Writing a batch's decided rows by COPY (ADR 0031): a batched writer that has decided every row in Node
 * (persons, standing references and known event ids read first, ids taken from the sequences) streams them
 * straight into the register's own tables — every key, index, foreign key and trigger applies as for an
 * INSERT — with one COPY per table. COPY's text format costs the server far less than the same rows bound
 * as parameters or arrays. COPY has no `ON CONFLICT`: a row another writer committed meanwhile fails the
 * statement, the batch's transaction rolls back and the caller applies the batch again event by event.
 */

/** The connection a drizzle node-postgres transaction runs on (COPY needs the driver's client itself). */
function transactionClient(tx: Transaction): pg.ClientBase {
  const client = (tx as unknown as { session?: { client?: pg.ClientBase } }).session?.client;
  if (!client || typeof client.query !== 'function')
    throw new Error('transactionClient: not a node-postgres transaction');
  return client;
}

/** A field's value: `object` only for `json`/`jsonb` columns (written as JSON). */
type CopyValue = string | number | boolean | Date | null | undefined | object;

/** One field of COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
function copyField(value: CopyValue, json: boolean): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (json) text = JSON.stringify(value);
  else if (value instanceof Date) text = value.toISOString();
  else if (typeof value === 'object') throw new Error('copyInto: an object for a column that is not JSON');
  else text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

type ColumnInfo = { name: string; getSQLType(): string };

/**
 * COPYs rows into a table of the register, the columns named by the table's own drizzle definition (the
 * rows' keys; absent columns take their defaults). Every row must have the first row's keys.
 */
export async function copyInto<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: readonly Record<string, CopyValue>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, ColumnInfo>;
  const keys = Object.keys(rows[0]!);
  const json = keys.map((k) => {
    const column = columns[k];
    if (!column) throw new Error(`copyInto: ${getTableName(table)} has no column ${k}`);
    const type = column.getSQLType();
    return type === 'jsonb' || type === 'json';
  });
  let text = '';
  for (const row of rows) {
    if (Object.keys(row).length !== keys.length)
      throw new Error(`copyInto ${getTableName(table)}: rows with different columns`);
    text += `${keys.map((k, i) => copyField(row[k], json[i]!)).join('\t')}\n`;
  }
  const list = keys.map((k) => `"${columns[k]!.name}"`).join(', ');
  await pipeline(
    Readable.from([text]),
    transactionClient(tx).query(copyFrom(`copy "${getTableName(table)}" (${list}) from stdin`)),
  );
}
