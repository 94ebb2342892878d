import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

/**
 * The bulk benchmarks' baseline (ADR 0022, 0031): the rows an import produced, exported and then written
 * back by a bare COPY into unindexed copies of their tables (`LIKE`: no indexes, constraints or triggers).
 */

/** The tables' total size with indexes and TOAST, in bytes. */
export async function totalSize(client: pg.ClientBase, tables: readonly string[]): Promise<number> {
  const { rows } = await client.query<{ s: string }>(
    `select sum(pg_total_relation_size(t::regclass))::text as s from unnest($1::text[]) t`,
    [tables],
  );
  return Number(rows[0]!.s);
}

/** Exports each table's rows (`where`: which, all when null), then times their COPY into `<table>_bare`. */
export async function bareCopy(
  client: pg.ClientBase,
  produced: readonly { table: string; where: string | null }[],
  dir: string,
): Promise<number> {
  const files: { table: string; file: string }[] = [];
  for (const { table: t, where } of produced) {
    const file = path.join(dir, `${t}.copy`);
    await pipeline(
      client.query(copyTo(`copy (select * from ${t} ${where ? `where ${where}` : ''}) to stdout`)),
      createWriteStream(file),
    );
    files.push({ table: t, file });
  }
  await client.query('checkpoint').catch(() => undefined);
  const started = performance.now();
  await client.query('begin');
  for (const { table: t, file } of files) {
    await client.query(`create table ${t}_bare (like ${t})`);
    await pipeline(createReadStream(file), client.query(copyFrom(`copy ${t}_bare from stdin`)));
  }
  await client.query('commit');
  const seconds = (performance.now() - started) / 1000;
  for (const { file } of files) rmSync(file, { force: true });
  return seconds;
}
