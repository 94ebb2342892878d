import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
} from 'node:fs';
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

/** Gives a copied data directory to the postgres user, private as PostgreSQL requires (0700). */
export function ownTree(dir: string): void {
  chmodSync(dir, 0o700);
  const { uid, gid } = postgresUser();
  if (uid !== undefined && gid !== undefined) execFileSync('chown', ['-R', `${uid}:${gid}`, dir]);
}

/** pg_autoctl's runtime directory (created by startCluster, owned by postgres). */
export function runtimeDir(layout: ClusterLayout): string {
  return path.join(layout.dir, 'xdg', 'run');
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
    // Its pid and state files too (/tmp/pg_autoctl otherwise): a state file left by a destroyed cluster
    // at the same path made the next creation wait on it for a minute and more.
    XDG_RUNTIME_DIR: runtimeDir(layout),
    LANG: 'C.UTF-8',
  };
  // Nothing else of this process's environment (PGHOST, PGPORT… would redirect pg_autoctl's connections).
  return variables as NodeJS.ProcessEnv;
}

export interface CommandResult {
  status: number;
  output: string;
}

/**
 * Runs a command as postgres to its end, killed after `timeoutMs` (nothing here may wait for ever);
 * `check` throws with its output when it fails.
 */
export function runAsPostgres(
  layout: ClusterLayout,
  command: string,
  args: string[],
  check = true,
  timeoutMs = 180_000,
): CommandResult {
  const result = spawnSync(command, args, {
    ...postgresUser(),
    env: autoctlEnv(layout),
    cwd: layout.dir,
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const status = result.status ?? 1;
  if (check && status !== 0) {
    throw new Error(`${path.basename(command)} ${args[0] ?? ''} failed (${status}):\n${output.slice(-2000)}`);
  }
  return { status, output };
}

export function autoctl(
  layout: ClusterLayout,
  args: string[],
  check = true,
  timeoutMs?: number,
): CommandResult {
  return runAsPostgres(layout, PG_AUTOCTL, args, check, timeoutMs);
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
  return autoctl(layout, ['status', '--pgdata', node.pgdata], false, 15_000).status === 0;
}

/**
 * The postmaster's pid from its pid file, or null when the server is not running. A killed server leaves
 * its pid file behind, and its pid may since be another process's: only a process started on this data
 * directory counts.
 */
export function postmasterPid(node: NodeSpec): number | null {
  const file = path.join(node.pgdata, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.includes(node.pgdata) ? pid : null;
  } catch {
    return null; // no such process
  }
}

interface ProcessEntry {
  pid: number;
  ppid: number;
  /** The command line as started (a process may rename its title; its arguments stay here). */
  command: string;
}

/** Every process of the machine, from /proc (a process gone while reading is left out). */
function processTable(): ProcessEntry[] {
  const table: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      table.push({ pid: Number(name), ppid, command });
    } catch {
      // ended meanwhile
    }
  }
  return table;
}

/** The given processes and all their descendants (PostgreSQL's backends have process groups of their own). */
function withDescendants(table: readonly ProcessEntry[], roots: readonly number[]): number[] {
  const found = new Set(roots);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of table) {
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
    }
  }
  return [...found].filter((pid) => pid !== process.pid);
}

function killAll(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * A machine's sudden death, as far as one host can show it: SIGKILL at once to the node's pg_autoctl
 * supervisor, its postmaster and every backend (a backend would otherwise answer its open connection
 * for a moment after its postmaster died), so nothing restarts PostgreSQL and no shutdown checkpoint
 * runs. Returns the killed postmaster's pid.
 */
export function killNodeProcesses(node: NodeSpec): number {
  const pid = postmasterPid(node);
  if (pid === null) throw new Error(`${node.name} is not running: nothing to kill.`);
  const table = processTable();
  // The supervisor: the ancestors of the postmaster started on this node's data directory.
  const supervisors = table.filter(
    (p) => p.command.startsWith(PG_AUTOCTL) && p.command.split(' ').includes(node.pgdata),
  );
  killAll(withDescendants(table, [...supervisors.map((p) => p.pid), pid]));
  return pid;
}

/**
 * Every process of the local cluster in `layout.dir`: pg_autoctl and PostgreSQL's programs started on a
 * path inside it (services and commands, postmasters, a base backup) and all their descendants, whatever they renamed
 * themselves to. Another cluster's processes (another directory) are never among them.
 */
export function clusterProcesses(layout: ClusterLayout): number[] {
  const table = processTable();
  const inside = `${layout.dir}/`;
  // pg_autoctl or a PostgreSQL program (postgres, pg_ctl, pg_basebackup, pg_rewind): not, say, a `tail` of a log.
  const ours = (p: ProcessEntry) => p.command.startsWith(PG_AUTOCTL) || p.command.startsWith(`${PG_BIN}/`);
  const roots = table.filter((p) => ours(p) && p.command.includes(inside)).map((p) => p.pid);
  return withDescendants(table, roots);
}

/** The last resort of a stop: SIGKILL to every process of the cluster; returns their command lines. */
export function killClusterProcesses(layout: ClusterLayout): string[] {
  const pids = clusterProcesses(layout);
  const commands = processTable()
    .filter((p) => pids.includes(p.pid))
    .map((p) => p.command.trim().slice(0, 120));
  killAll(pids);
  return commands;
}
