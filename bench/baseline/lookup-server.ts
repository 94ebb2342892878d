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
import { createServer } from 'node:http';
import pg from 'pg';
import { LOOKUP_STATEMENTS, READ_ONLY_LOOKUP_STATEMENTS } from '@/lib/lookup/lookup-sql';

const portArg = process.argv.indexOf('--port');
const port = Number(portArg >= 0 ? process.argv[portArg + 1] : NaN);
const url = process.env.DATABASE_URL;
if (!Number.isInteger(port) || port < 1 || port > 65_535 || !url) {
  console.error('usage: DATABASE_URL=… tsx bench/baseline/lookup-server.ts --port N');
  process.exit(2);
}

pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// The same pool settings as the product's lookup pool (db/client.ts getLoggedReadPool).
const pool = new pg.Pool({
  connectionString: url,
  max: Number(process.env.DATABASE_POOL_MAX ?? 20),
  options: '-c synchronous_commit=off',
});
const MOSCOW_OFFSET_MS = 3 * 3600_000;
const READ_ONLY_PREFIX = '/read-only';

const server = createServer((req, res) => {
  const u = new URL(req.url ?? '/', 'http://localhost');
  if (u.pathname === '/health') {
    res.writeHead(200).end('ok');
    return;
  }
  const readOnly = u.pathname.startsWith(READ_ONLY_PREFIX);
  const path = readOnly ? u.pathname.slice(READ_ONLY_PREFIX.length) : u.pathname;
  if (path !== '/api/v1/lookup') {
    res.writeHead(404).end();
    return;
  }
  const q = u.searchParams;
  const today = new Date(Date.now() + MOSCOW_OFFSET_MS).toISOString().slice(0, 10);
  const enp = q.get('enp');
  const statements = readOnly ? READ_ONLY_LOOKUP_STATEMENTS : LOOKUP_STATEMENTS;
  const statement = enp ? statements.enp : statements.document;
  const finder = enp
    ? [enp, q.get('birthDate')] // a birth date beside the ЕНП must match when given (ADR 0014)
    : [
        q.get('docType') === 'passport' ? 14 : Number(q.get('docType')),
        q.get('series'),
        q.get('number'),
        q.get('birthDate'),
      ];
  pool
    .query<{ person_id: number | null }>({
      name: statement.name,
      text: statement.text,
      values: [today, 'api_key', 'baseline', '770001', 'rest', enp ? 'enp' : 'document', ...finder],
    })
    .then(({ rows }) => {
      const row = rows[0];
      const body = JSON.stringify(row?.person_id ? row : { found: false });
      res.writeHead(row?.person_id ? 200 : 404, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    })
    .catch((error: unknown) => {
      console.error(error);
      res.writeHead(500).end();
    });
});
server.listen(port, '127.0.0.1', () => console.log(`baseline lookup server on http://127.0.0.1:${port}`));

const stop = () => {
  server.closeAllConnections();
  server.close(() => void pool.end().then(() => process.exit(0)));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
