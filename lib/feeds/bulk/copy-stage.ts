import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Transaction } from '@/db/client';

/**
 * Staging a batch by COPY (ADR 0031): a batched writer streams its decided rows into a temporary table of
 * its connection with one COPY, then moves them into the register's tables by set-based `INSERT … SELECT`
 * in the same transaction. COPY's text format costs the server far less than the same rows bound as arrays
 * into `unnest` (no array literals to build and parse, `jsonb` documents as plain fields).
 */

/** The connection a drizzle node-postgres transaction runs on (COPY needs the driver's client itself). */
export function transactionClient(tx: Transaction): pg.ClientBase {
  const client = (tx as unknown as { session?: { client?: pg.ClientBase } }).session?.client;
  if (!client || typeof client.query !== 'function')
    throw new Error('transactionClient: not a node-postgres transaction');
  return client;
}

export type CopyValue = string | number | null;

/** One field of COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
function copyField(value: CopyValue): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** Rows of COPY's text format, one line per row, fields in the order of `columns`. */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(copyField).join('\t')}\n`;
  return text;
}

/**
 * Creates the connection's staging table once (temporary, emptied at every commit) and COPYs the rows into
 * it. `definition` is the table's column list; rows carry the fields in that order.
 */
export async function stageRows(
  tx: Transaction,
  table: string,
  definition: string,
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  const client = transactionClient(tx);
  await client.query(`create temporary table if not exists ${table} (${definition}) on commit delete rows`);
  await pipeline(Readable.from([copyText(rows)]), client.query(copyFrom(`copy ${table} from stdin`)));
}
