import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import type { Executor } from '@/db/client';
import * as schema from '@/db/schema';
import { loadKzPersonFacts } from '@/lib/kz/status/facts-query';

/**
 * The statements the public ОСМС status check sends, as text and parameters, for the benchmark's
 * baseline (bench/baseline/kz-status-server.ts): taken from the use case's own code rather than copied,
 * so the baseline runs exactly the product's query even when it changes.
 *
 * - `facts`: the person by ИИН with every fact, as the use case reads it (`loadKzPersonFacts`, one
 *   statement), captured by handing the function an executor that records the statement instead of
 *   running it.
 * - `log`: the access-log row the use case writes after it (`logAccess`: drizzle's insert), built by the
 *   same query builder without running it.
 */

/** A statement's text and how to fill its parameters for one request. */
export interface BaselineStatement {
  text: string;
  values: (iin: string) => unknown[];
}

const MARKER = '\u0000iin';

export async function factsStatement(): Promise<BaselineStatement> {
  const dialect = new PgDialect({ casing: 'snake_case' });
  let captured: { sql: string; params: unknown[] } | undefined;
  const recorder = {
    execute: (query: SQL) => {
      captured = dialect.sqlToQuery(query);
      return Promise.resolve({ rows: [] });
    },
  } as unknown as Executor;
  await loadKzPersonFacts(recorder, { iin: MARKER });
  if (!captured) throw new Error('loadKzPersonFacts sent no statement');
  const { sql: text, params } = captured;
  const at = params.indexOf(MARKER);
  if (at < 0 || params.indexOf(MARKER, at + 1) >= 0)
    throw new Error('the facts statement does not take the ИИН exactly once');
  return { text, values: (iin) => params.map((p, k) => (k === at ? iin : p)) };
}

/**
 * The access-log insert of a public check: the use case's columns, in drizzle's own statement, rendered
 * once; the parameters of a request are that statement's with the time, person and details replaced.
 */
export function logStatement(): {
  text: string;
  values: (personId: number | null, details: string) => unknown[];
} {
  // A builder only: `toSQL` renders the statement, nothing connects.
  const db = drizzle({ client: {} as pg.Pool, schema, casing: 'snake_case' });
  const at = new Date('2000-01-01T00:00:00Z');
  const { sql: text, params } = db
    .insert(schema.accessLog)
    .values({
      at,
      actorKind: 'public',
      actorId: 'bench-baseline',
      organisationCode: null,
      personId: -1,
      channel: 'status_check',
      purpose: 'osms_status_check',
      result: 'found',
      details: MARKER,
    })
    .toSQL();
  const find = (test: (p: unknown) => boolean, what: string) => {
    const k = params.findIndex(test);
    if (k < 0) throw new Error(`the access-log insert has no ${what} parameter`);
    return k;
  };
  const atIndex = find((p) => p === at || (typeof p === 'string' && p.startsWith('2000-01-01')), 'time');
  const personIndex = find((p) => p === -1, 'person');
  const detailsIndex = find((p) => p === MARKER, 'details');
  const resultIndex = find((p) => p === 'found', 'result');
  return {
    text,
    values: (personId, details) => {
      const values = [...params];
      values[atIndex] = typeof params[atIndex] === 'string' ? new Date().toISOString() : new Date();
      values[personIndex] = personId;
      values[detailsIndex] = details;
      values[resultIndex] = personId === null ? 'not_found' : 'found';
      return values;
    },
  };
}
