import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { PG_AUTOCTL, PG_BIN } from './layout';

/** Debian's packages of the local cluster: PostgreSQL 15, the pg_auto_failover extension and its CLI. */
export const CLUSTER_PACKAGES = ['postgresql-15', 'postgresql-15-auto-failover', 'pg-auto-failover-cli'];

const REQUIRED_FILES = [
  path.join(PG_BIN, 'postgres'),
  path.join(PG_BIN, 'pg_basebackup'),
  PG_AUTOCTL,
  '/usr/share/postgresql/15/extension/pgautofailover.control',
];

export function clusterPackagesInstalled(): boolean {
  return REQUIRED_FILES.every((file) => existsSync(file));
}

function aptGet(args: string[]): number {
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.status ?? 1;
}

/** Installs the packages with apt-get when a file of theirs is missing (root only, as on CI). */
export function ensureClusterPackages(log: (line: string) => void): void {
  if (clusterPackagesInstalled()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`The local cluster needs Debian's ${CLUSTER_PACKAGES.join(', ')}: install them as root.`);
  }
  log(`Installing ${CLUSTER_PACKAGES.join(', ')} (apt-get)…`);
  const install = ['install', '-y', '-q', '--no-install-recommends', ...CLUSTER_PACKAGES];
  // A machine whose package lists are old or absent (a fresh CI image) needs `update` first.
  if (aptGet(install) !== 0 && (aptGet(['update', '-q']) !== 0 || aptGet(install) !== 0)) {
    throw new Error(`apt-get could not install ${CLUSTER_PACKAGES.join(', ')}.`);
  }
  if (!clusterPackagesInstalled())
    throw new Error('The cluster packages are installed but files are missing.');
}
