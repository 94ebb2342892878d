import { closeDb } from '@/db/client';
import { startTcpProxy } from '@/testing/outage/tcp-proxy';

/**
 * Runs `fn` while the register's database cannot be reached, then reconnects — for tests of the degraded
 * mode through the HTTP layer in the same process. Built on the tests' one outage mechanism, the TCP proxy
 * (./tcp-proxy.ts): the application is pointed at a proxy in front of its database, the proxy refuses
 * connections while `fn` runs (as a stopped server's port does), and afterwards the application goes back
 * to the database itself. Tests that stop a real PostgreSQL use the proxy directly (api/v1/degraded).
 */
export async function whileRegisterDown<T>(fn: () => Promise<T>): Promise<T> {
  const original = process.env.DATABASE_URL;
  if (!original) throw new Error('whileRegisterDown: DATABASE_URL is not set');
  const url = new URL(original);
  const proxy = await startTcpProxy(Number(url.port));
  url.port = String(proxy.port);
  await closeDb();
  process.env.DATABASE_URL = url.toString();
  await proxy.refuse();
  try {
    return await fn();
  } finally {
    await closeDb();
    process.env.DATABASE_URL = original;
    await proxy.close();
  }
}
