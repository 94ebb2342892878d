/**
 * The benchmark's baselines: the least a server can do to answer the REST lookup (`?docType=passport&…`
 * or `?enp=…`) — node:http, one pg pool, one prepared statement — with no key check, no validation, no
 * answer mapping.
 *
 * - `/api/v1/lookup` runs the very statement of the lookup use case (lib/lookup/lookup-sql.ts), access-log
 *   write included, on a pool with the product's commit settings (`synchronous_commit = off`, ADR 0009),
 *   so `ours / baseline` measures only what our HTTP layer and use case cost on top of the same database
 *   work.
 * - `/read-only/api/v1/lookup` gives the same answer without the access-log row: the physical limit of a
 *   lookup on this machine (no door may skip the log; the ratio to it shows what logging every read costs).
 *
 *   DATABASE_URL=… tsx bench/baseline/lookup-server.ts --port 4000
 */
import pg from 'pg';
import { env } from '@/config/env';
import { LOOKUP_STATEMENTS, READ_ONLY_LOOKUP_STATEMENTS } from '@/lib/lookup/lookup-sql';
import { baselineArguments, serveBaseline } from './serve-baseline';

const { port, url } = baselineArguments('bench/baseline/lookup-server.ts');

pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// The same pool settings as the product's lookup pool (db/client.ts getLoggedReadPool).
const pool = new pg.Pool({
  connectionString: url,
  max: env().DATABASE_POOL_MAX,
  options: '-c synchronous_commit=off',
});
const MOSCOW_OFFSET_MS = 3 * 3600_000;

serveBaseline({ port, path: '/api/v1/lookup', pool, label: 'lookup' }, async (q, logged) => {
  const today = new Date(Date.now() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
  const enp = q.get('enp');
  const statements = logged ? LOOKUP_STATEMENTS : READ_ONLY_LOOKUP_STATEMENTS;
  const statement = enp ? statements.enp : statements.document;
  const finder = enp
    ? [enp, q.get('birthDate')] // a birth date beside the ЕНП must match when given (ADR 0014)
    : [
        q.get('docType') === 'passport' ? 14 : Number(q.get('docType')),
        q.get('series'),
        q.get('number'),
        q.get('birthDate'),
      ];
  const { rows } = await pool.query<{ person_id: number | null }>({
    name: statement.name,
    text: statement.text,
    values: [today, 'api_key', 'baseline', '770001', 'rest', enp ? 'enp' : 'document', ...finder],
  });
  const row = rows[0];
  return row?.person_id
    ? { status: 200, body: JSON.stringify(row) }
    : { status: 404, body: JSON.stringify({ found: false }) };
});
