/**
 * The ОСМС status-check benchmark's baselines: the least a server can do to answer
 * `GET /api/v1/osms/status?iin=…` — node:http, one pg pool, no validation, no status rule, no answer
 * mapping — running the product's own statements (kz-status-statements.ts):
 *
 * - `/api/v1/osms/status` reads the person's facts by ИИН (the use case's one statement) and writes the
 *   access-log row as the use case does (a second statement, on a pool with the product's settings: the
 *   size DATABASE_POOL_MAX and the default commit), so `ours / baseline` measures only what our HTTP layer,
 *   rate limiter, validation, status rule and answer cost on top of the same database work.
 * - `/read-only/api/v1/osms/status` reads the facts without the log row: the physical limit of a status
 *   check on this machine (no door may skip the log; the ratio to it shows what logging every read costs).
 *
 * Both answer the statement's row as JSON (200), or 404 for an unknown ИИН.
 *
 *   DATABASE_URL=… tsx bench/baseline/kz-status-server.ts --port 4000
 */
import pg from 'pg';
import { env } from '@/config/env';
import { factsStatement, logStatement } from './kz-status-statements';
import { baselineArguments, serveBaseline } from './serve-baseline';

const { port, url } = baselineArguments('bench/baseline/kz-status-server.ts');

pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// The product's main pool (db/client.ts getDb), which the public check reads and logs through.
const pool = new pg.Pool({ connectionString: url, max: env().DATABASE_POOL_MAX });
const facts = await factsStatement();
const log = logStatement();

serveBaseline({ port, path: '/api/v1/osms/status', pool, label: 'status' }, async (q, logged) => {
  const { rows } = await pool.query<{ id: number }>({
    text: facts.text,
    values: facts.values(q.get('iin') ?? ''),
  });
  const row = rows[0];
  if (logged) await pool.query({ text: log.text, values: log.values(row?.id ?? null, 'baseline') });
  return row ? { status: 200, body: JSON.stringify(row) } : { status: 404, body: '{"found":false}' };
});
