import { spawn } from 'node:child_process';
import path from 'node:path';
import { LOOPBACK, PG_BIN } from '../../db/cluster/layout';

/**
 * A base backup of the node on `port` streamed as tar and counted, stored nowhere: what the server reads
 * and sends (pg_basebackup, fast checkpoint, the WAL it needs included) when the disk has no room for a
 * copy of a big register.
 */
export function streamedBaseBackup(port: number): Promise<{ bytes: number; seconds: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(
    path.join(PG_BIN, 'pg_basebackup'),
    [
      '--host',
      LOOPBACK,
      '--port',
      String(port),
      '--username',
      'postgres',
      '--pgdata',
      '-',
      '--format',
      'tar',
      // One tar on stdout: the WAL the backup needs is fetched into it at its end (it cannot be streamed).
      '--wal-method',
      'fetch',
      '--checkpoint',
      'fast',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (chunk: Buffer) => (bytes += chunk.length));
  let bytes = 0;
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`pg_basebackup failed (${code}): ${errors.slice(-2000)}`));
      else resolve({ bytes, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    });
  });
}
