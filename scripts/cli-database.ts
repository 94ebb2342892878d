import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { env } from '@/config/env';
import { closeDb } from '@/db/client';
import { EMBEDDED_DATA_DIR, embeddedUrlFile, withDatabase } from '@/db/runtime';

/**
 * Whether the embedded server of `npm run dev` / `npm start` is running over .data/pg: starting a second
 * one over the same data would stop it (db/embedded.ts treats a live postmaster.pid as a leftover).
 */
export function embeddedServerInUse(): boolean {
  const pidFile = path.join(EMBEDDED_DATA_DIR, 'postmaster.pid');
  if (env().DATABASE_URL || !existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    return Number.isInteger(pid) && pid > 0 && process.kill(pid, 0);
  } catch {
    return false;
  }
}

/**
 * Runs a command-line task with DATABASE_URL set: the given one; the running embedded server's (its URL
 * file beside the data); or an embedded server started for the task and stopped after it.
 */
export async function withCliDatabase<T>(task: () => Promise<T>): Promise<T> {
  const run = async () => {
    try {
      return await task();
    } finally {
      await closeDb();
    }
  };
  if (env().DATABASE_URL) return run();
  if (embeddedServerInUse()) {
    const urlFile = embeddedUrlFile(EMBEDDED_DATA_DIR);
    if (!existsSync(urlFile)) {
      throw new Error(
        `Встроенная база данных в ${EMBEDDED_DATA_DIR} уже запущена, а её адрес не найден: укажите DATABASE_URL.`,
      );
    }
    process.env.DATABASE_URL = readFileSync(urlFile, 'utf8').trim();
    return run();
  }
  return withDatabase(async (db) => {
    process.env.DATABASE_URL = db.url;
    return run();
  });
}
