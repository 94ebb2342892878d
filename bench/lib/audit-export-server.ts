/**
 * The audit export as a server (for bench:console): GET /export streams `exportAuditLog` for the filter
 * in the query string (the use case's field names: `?who=…`) to the HTTP response (the socket's backpressure reaches PostgreSQL's COPY), GET /rss
 * answers this process's resident memory — now and the highest seen, sampled every 20 ms. Run with
 * DATABASE_URL set; `--port N`.
 */
import { createServer } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { exportAuditLog } from '../../lib/audit/export-audit-log';

const port = Number(process.argv[process.argv.indexOf('--port') + 1]);
let peak = process.memoryUsage().rss;
setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20).unref();

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/rss') {
    const rss = process.memoryUsage().rss;
    peak = Math.max(peak, rss);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ rss, peak }));
    if (url.searchParams.has('reset')) peak = rss;
    return;
  }
  if (url.pathname !== '/export') {
    res.statusCode = 404;
    res.end();
    return;
  }
  void (async () => {
    const rows = await exportAuditLog(Object.fromEntries(url.searchParams), {
      actor: { kind: 'staff', id: 'bench-console', role: 'ffoms_admin' },
      staffId: null,
      login: 'bench-console',
    });
    res.setHeader('content-type', 'text/csv; charset=utf-8');
    await pipeline(rows, res);
  })().catch((error: unknown) => {
    console.error(error);
    res.destroy();
  });
}).listen(port, '127.0.0.1', () => console.log(`ready on ${port}`));
