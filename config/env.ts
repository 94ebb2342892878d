import { z } from 'zod';
import { isDatabaseUrl } from './database-url';

/**
 * Every environment variable the server reads, in one place: its shape, its range and its default
 * (create-t3-app's env.js, without the client half — nothing here reaches a browser). The launcher checks
 * the whole environment at start (`readEnv`, scripts/serve.ts) and a wrong value stops the server with a
 * message naming the variable; everything else reads the checked values through `env()`.
 *
 * Lives in `config/`, which imports nothing of the project, so `db/` (which may not import `lib/`) and
 * `lib/` both read it. Variables of the test and build tooling only (TEST_DATABASE_URL, E2E_*,
 * CHROMIUM_PATH, CI, NEXT_DIST_DIR) are read by that tooling and are not part of the server's configuration.
 */

/** An unset or blank variable takes the default. */
const unset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(unset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T, value: z.input<T>) =>
  z.preprocess(unset, schema.optional()).transform((v) => (v === undefined ? value : v) as z.output<T>);
const number = () => z.coerce.number({ error: 'must be a number' }).finite('must be a number');
const integer = (min: number, max: number) =>
  number()
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const positive = number().positive('must be above 0');
const httpUrl = z.url({ protocol: /^https?$/ }).transform((s) => s.replace(/\/+$/, ''));
const isLocalHost = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** The countries whose register this platform can be (ADR 0029); a deployment runs one. */
export const JURISDICTIONS = ['ru', 'kz'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

const fields = {
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])),
  /**
   * Whose register this deployment is (ADR 0029): `ru` — Russia's ОМС, `kz` — Kazakhstan's ОСМС. The
   * national rules, identifiers and texts come from that jurisdiction's profile (lib/jurisdiction), which
   * refuses at start a jurisdiction whose profile is not wired yet.
   */
  REGISTER_JURISDICTION: withDefault(z.enum(JURISDICTIONS, { error: 'must be ru or kz' }), 'ru'),
  /**
   * The database; the launcher sets it to the embedded server when unset. Several hosts (`h1:5432,h2:5432`,
   * a cluster's nodes) make the app connect to whichever is the primary and follow a failover (ADR 0025).
   */
  DATABASE_URL: optional(
    z.string().refine(isDatabaseUrl, 'must be a postgres:// URL (several hosts separated by commas allowed)'),
  ),
  DATABASE_POOL_MAX: withDefault(integer(1, 1000), 20),
  /**
   * Streaming replicas of DATABASE_URL, comma-separated: each adds a read pool for the reads that may be
   * served from a replica (ADR 0026). Unset: every read goes to DATABASE_URL, as before.
   */
  DATABASE_REPLICA_URLS: optional(z.string())
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((u) => u.trim())
        .filter((u) => u !== ''),
    )
    .pipe(
      z
        .array(
          z.url({ protocol: /^postgres(ql)?$/, error: 'must be a comma-separated list of postgres:// URLs' }),
        )
        .max(16, 'at most 16 replicas'),
    ),
  /** How often each replica's lag is measured (a replica not measured within its read's limit is skipped). */
  DATABASE_REPLICA_PROBE_MS: withDefault(integer(100, 60_000), 1000),
  PORT: withDefault(integer(1, 65_535), 3000),
  HOSTNAME_BIND: optional(z.string().trim().min(1).max(255)),
  /** The site's public URL and the session key (the launcher derives both for local runs). */
  NEXTAUTH_URL: optional(httpUrl),
  NEXTAUTH_SECRET: optional(z.string().min(16)),
  /** The address printed on extracts (their verification link); NEXTAUTH_URL when unset. */
  PUBLIC_BASE_URL: optional(httpUrl),
  ESIA_ISSUER: optional(httpUrl),
  ESIA_CLIENT_ID: optional(z.string().trim().min(1).max(200)),
  ESIA_CLIENT_SECRET: optional(z.string().min(8).max(1000)),
  ESIA_SCOPE: optional(
    z
      .string()
      .trim()
      .regex(/(^|\s)openid(\s|$)/, 'must include openid'),
  ),
  ESIA_DEV_PROVIDER: optional(z.enum(['true', 'false'])),
  CITIZEN_SESSION_SECONDS: withDefault(integer(60, 24 * 3600), 3600),
  /** A staff session ends this long after sign-in however often used (a working shift)… */
  STAFF_SESSION_SECONDS: withDefault(integer(60, 7 * 24 * 3600), 8 * 3600),
  /** …and earlier when nothing was done in it for this long. */
  STAFF_IDLE_SECONDS: withDefault(integer(60, 24 * 3600), 30 * 60),
  /**
   * Staff sign-in lockout (ADR 0017): this many failed attempts on one account, or from one client address,
   * within the window lock that account or address for STAFF_LOCKOUT_SECONDS after the last failure.
   */
  STAFF_LOCKOUT_ACCOUNT_FAILURES: withDefault(integer(1, 1000), 5),
  STAFF_LOCKOUT_ADDRESS_FAILURES: withDefault(integer(1, 1_000_000), 20),
  STAFF_LOCKOUT_WINDOW_SECONDS: withDefault(integer(60, 24 * 3600), 15 * 60),
  STAFF_LOCKOUT_SECONDS: withDefault(integer(60, 24 * 3600), 15 * 60),
  /**
   * How long a verified API key is kept between uses without asking the database again. Not a revocation
   * delay: revocations and МО closures reach every process's cache at once (LISTEN/NOTIFY, ADR 0010).
   */
  API_KEY_CACHE_MS: withDefault(integer(0, 600_000), 60_000),
  /** Persons whose last answer is kept for lookups during an outage. */
  LOOKUP_LAST_KNOWN_MAX: withDefault(integer(0, 10_000_000), 200_000),
  API_RATE_LIMIT_PER_SECOND: withDefault(positive, 50),
  API_RATE_LIMIT_BURST: withDefault(integer(1, 1_000_000), 100),
  USER_RATE_LIMIT_PER_SECOND: withDefault(positive, 1),
  USER_RATE_LIMIT_BURST: withDefault(integer(1, 1_000_000), 30),
  /**
   * Whether this server process also runs the background jobs (lib/jobs). `auto`: yes on the embedded
   * database of `npm run dev`, no when DATABASE_URL names a server (production runs `npm run worker`).
   */
  JOBS_IN_PROCESS: withDefault(z.enum(['auto', 'on', 'off']), 'auto'),
  /**
   * The access log's retention in months (ADR 0027): the `partitions.upkeep` job drops a month of the log once
   * the whole month is older than this. Five years by default (the citizen's "who looked me up").
   */
  ACCESS_LOG_RETENTION_MONTHS: withDefault(integer(12, 1200), 60),
  /** Months of access_log and register_events partitions kept created ahead of the current one. */
  PARTITION_MONTHS_AHEAD: withDefault(integer(1, 36), 3),
  /** Where the extract's PDF fonts (DejaVu Sans) are; the `dejavu-fonts-ttf` package when unset. */
  EXTRACT_FONT_DIR: optional(z.string().trim().min(1)),
  /**
   * Operations (ADR 0028). Log lines: JSON in production, one readable line per entry elsewhere (LOG_FORMAT
   * overrides); the level defaults to info (warn under tests, whose output is read by people).
   */
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),
  LOG_FORMAT: optional(z.enum(['json', 'plain'])),
  /**
   * Whether an `X-Request-Id` arriving with a request (from the reverse proxy in front) is taken as the
   * request's id when it is well formed; `false` generates one for every request.
   */
  TRUST_REQUEST_ID: withDefault(z.enum(['true', 'false']), 'true'),
  /** The bearer token of GET /metrics; unset: /metrics answers only clients on this machine (loopback). */
  METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters').max(200)),
  /** How long SIGTERM waits for requests in flight before closing their connections. */
  SHUTDOWN_TIMEOUT_SECONDS: withDefault(integer(1, 600), 20),
  /**
   * The local pg_auto_failover cluster of `npm run cluster:up` (ADR 0025): the monitor listens on this
   * port and the data nodes on the next ones. Development and tests only; each worktree may pick its own.
   */
  CLUSTER_PORT_BASE: withDefault(integer(1024, 65_000), 55_400),
  /** Set by npm from package.json. */
  npm_package_version: optional(z.string().max(50)),
};

export const ENV_VARIABLES = Object.keys(fields) as (keyof typeof fields)[];

export const envSchema = z.object(fields).superRefine((e, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (e.ESIA_ISSUER) {
    for (const key of ['ESIA_CLIENT_ID', 'ESIA_CLIENT_SECRET'] as const) {
      if (!e[key]) issue(key, 'must be set with ESIA_ISSUER');
    }
    const issuer = URL.parse(e.ESIA_ISSUER); // a malformed URL is already reported by the field
    if (issuer && issuer.protocol !== 'https:' && !isLocalHost(issuer)) {
      issue('ESIA_ISSUER', 'must be https (http only for localhost)');
    }
  } else if (e.ESIA_CLIENT_ID || e.ESIA_CLIENT_SECRET) {
    issue('ESIA_ISSUER', 'must be set when ESIA_CLIENT_ID or ESIA_CLIENT_SECRET is');
  }
});

export type AppEnv = z.output<typeof envSchema>;

/** How the process logs (ADR 0028): the configuration decides, not each caller. */
export function logSettings(e: AppEnv): {
  level: NonNullable<AppEnv['LOG_LEVEL']>;
  format: 'json' | 'plain';
} {
  return {
    level: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'warn' : 'info'),
    format: e.LOG_FORMAT ?? (e.NODE_ENV === 'production' ? 'json' : 'plain'),
  };
}
export type EnvSource = Readonly<Record<string, string | undefined>>;

/** A wrong configuration: the message names every wrong variable and why (never its value: secrets). */
export class ConfigError extends Error {
  constructor(
    readonly variables: readonly string[],
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function parseEnv(source: EnvSource): { ok: true; env: AppEnv } | { ok: false; error: ConfigError } {
  const parsed = envSchema.safeParse(source);
  if (parsed.success) return { ok: true, env: parsed.data };
  const issues = parsed.error.issues.map((i) => ({ name: String(i.path[0] ?? '?'), message: i.message }));
  const variables = [...new Set(issues.map((i) => i.name))];
  const list = issues.map((i) => `${i.name}: ${i.message}`).join('; ');
  return { ok: false, error: new ConfigError(variables, `Invalid configuration: ${list}`) };
}

/** The checked configuration of `source`; throws a `ConfigError` naming every wrong variable. */
export function readEnv(source: EnvSource = process.env): AppEnv {
  const parsed = parseEnv(source);
  if (!parsed.ok) throw parsed.error;
  return parsed.env;
}

let cached: { key: string; env: AppEnv } | null = null;

/**
 * The process's configuration, checked. Read again only when a variable changed (the launcher sets
 * DATABASE_URL and NEXTAUTH_* after start; tests point DATABASE_URL at their own databases).
 */
export function env(): AppEnv {
  const key = ENV_VARIABLES.map((name) => process.env[name] ?? '\u0000').join('\u0001');
  if (cached?.key !== key) cached = { key, env: readEnv(process.env) };
  return cached.env;
}
