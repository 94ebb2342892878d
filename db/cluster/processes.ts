import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PG_AUTOCTL, PG_BIN, type ClusterLayout, type NodeSpec } from './layout';

/**
 * Running pg_autoctl and PostgreSQL as the `postgres` system user (PostgreSQL refuses to run as root; the
 * embedded server does the same, db/embedded.ts). A process that is not root runs them as itself.
 */
interface RunAs {
  uid?: number;
  gid?: number;
}

let cachedUser: RunAs | null = null;

function postgresUser(): RunAs {
  if (cachedUser) return cachedUser;
  if (process.getuid?.() !== 0) return (cachedUser = {});
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return (cachedUser = { uid: id('-u'), gid: id('-g') });
}

/** Creates a directory the postgres user owns (data directories, the WAL archive). */
export function ownedDirectory(dir: string): void {
  mkdirSync(dir, { recursive: true });
  const { uid, gid } = postgresUser();
  if (uid !== undefined && gid !== undefined) chownSync(dir, uid, gid);
}

/**
 * pg_autoctl keeps each node's configuration and state under XDG directories keyed by the node's data
 * directory; inside the cluster's own directory they go away with it and never touch the user's home.
 */
function autoctlEnv(layout: ClusterLayout): NodeJS.ProcessEnv {
  const variables: Record<string, string> = {
    HOME: layout.dir,
    PATH: `${PG_BIN}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    PG_CONFIG: path.join(PG_BIN, 'pg_config'),
    XDG_CONFIG_HOME: path.join(layout.dir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(layout.dir, 'xdg', 'data'),
    LANG: 'C.UTF-8',
  };
  // Nothing else of this process's environment (PGHOST, PGPORT… would redirect pg_autoctl's connections).
  return variables as NodeJS.ProcessEnv;
}

export interface CommandResult {
  status: number;
  output: string;
}

/** Runs a command as postgres to its end; `check` throws with its output when it fails. */
export function runAsPostgres(
  layout: ClusterLayout,
  command: string,
  args: string[],
  check = true,
): CommandResult {
  const result = spawnSync(command, args, {
    ...postgresUser(),
    env: autoctlEnv(layout),
    cwd: layout.dir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const status = result.status ?? 1;
  if (check && status !== 0) {
    throw new Error(`${path.basename(command)} ${args[0] ?? ''} failed (${status}):\n${output.slice(-2000)}`);
  }
  return { status, output };
}

export function autoctl(layout: ClusterLayout, args: string[], check = true): CommandResult {
  return runAsPostgres(layout, PG_AUTOCTL, args, check);
}

/** Starts a long-lived pg_autoctl service in its own process group, its output appended to the node's log. */
export function spawnAutoctlService(layout: ClusterLayout, node: NodeSpec, args: string[]): void {
  mkdirSync(layout.logDir, { recursive: true });
  const fd = openSync(path.join(layout.logDir, `${node.name}.log`), 'a');
  try {
    const child = spawn(PG_AUTOCTL, args, {
      ...postgresUser(),
      env: autoctlEnv(layout),
      cwd: layout.dir,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    child.unref();
  } finally {
    closeSync(fd);
  }
}

/** Whether the node's pg_autoctl service is running (`pg_autoctl status` exits 0 then). */
export function serviceRunning(layout: ClusterLayout, node: NodeSpec): boolean {
  if (!existsSync(path.join(node.pgdata, 'PG_VERSION'))) return false;
  return autoctl(layout, ['status', '--pgdata', node.pgdata], false).status === 0;
}

/** The postmaster's pid from its pid file, or null when the server is not running. */
export function postmasterPid(node: NodeSpec): number | null {
  const file = path.join(node.pgdata, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && processAlive(pid) ? pid : null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The process group of a pid (field 5 of /proc/<pid>/stat), null when the process is gone. */
function processGroup(pid: number): number | null {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return null;
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ');
  const group = Number(fields?.[2]);
  return Number.isInteger(group) && group > 1 ? group : null;
}

/**
 * A machine's sudden death, as far as one host can show it: SIGKILL to the node's process group (its
 * pg_autoctl supervisor, the postmaster and every backend at once), so nothing restarts PostgreSQL and no
 * shutdown checkpoint runs. Returns the killed postmaster's pid.
 */
export function killNodeProcesses(node: NodeSpec): number {
  const pid = postmasterPid(node);
  if (pid === null) throw new Error(`${node.name} is not running: nothing to kill.`);
  const group = processGroup(pid);
  if (group !== null && group !== processGroup(process.pid)) process.kill(-group, 'SIGKILL');
  if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  return pid;
}
