import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The key that encrypts session cookies. Production sets NEXTAUTH_SECRET; a local embedded setup gets a
 * random one kept beside its data (so sessions survive a restart and each checkout has its own). A
 * production server on a real database without the variable refuses to start rather than guess.
 */
export function localAuthSecret(embedded: boolean, dataDir: string, prod: boolean): string {
  if (!embedded && prod) {
    throw new Error('NEXTAUTH_SECRET must be set for a production server on DATABASE_URL.');
  }
  const file = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.auth-secret`);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
