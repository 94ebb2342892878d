import { closeDb } from '@/db/client';

/**
 * Runs `fn` while the register's database cannot be reached (connections refused at once), then
 * reconnects to the real one — for tests of the degraded mode through the HTTP layer.
 */
export async function whileRegisterDown<T>(fn: () => Promise<T>): Promise<T> {
  const url = process.env.DATABASE_URL;
  await closeDb();
  process.env.DATABASE_URL = 'postgres://nobody@127.0.0.1:1/none';
  try {
    return await fn();
  } finally {
    await closeDb();
    process.env.DATABASE_URL = url;
  }
}
