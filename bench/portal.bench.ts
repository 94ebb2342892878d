/**
 * Citizen portal benchmark: `npm run bench:portal [-- --persons N] [--requests N] [--users 1,8]`.
 *
 * Starts the production server (`scripts/serve.ts --prod`; needs a build in NEXT_DIST_DIR, `.next` by
 * default) on a register of N persons (default 1,000,000) with a NEXTAUTH_SECRET of this run, and signs a
 * demo citizen in the way next-auth does it — an encrypted session JWT (`encode` from next-auth/jwt) with
 * the identity the ЕСИА sign-in would have produced for that test citizen — so no browser is needed.
 *
 * (a) First-load JavaScript of every portal page, as served (the launcher strips the framework's scripts
 *     from portal pages, ADR 0016): the page's HTML as the signed-in citizen, its `<script src>` files and
 *     its inline scripts, raw and gzip-9 sizes (node:zlib). Goal: ≤ 90 KB compressed per page.
 * (b) Server response time of «Мой полис» (`/lk/polis`): ≥ 1,000 requests at each number of concurrent
 *     users (default 1 and 8), after a warm-up; median and p99. Goal: p99 ≤ 50 ms at 1 user.
 *
 * The register: the database `oms_bench_lookup` in .data/bench-lookup when `bench:lookup` left one of N
 * persons there; otherwise a database of its own in the same cluster (`oms_bench_portal`), kept between
 * runs and re-seeded only when N changes — a register of another size made by `bench:lookup` is left alone.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { encode } from 'next-auth/jwt';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../db/embedded';
import { citizenClaimsFrom, citizenIdentity } from '../lib/auth/citizen-claims';
import { testCitizen, testCitizenClaims } from '../lib/auth/esia-dev/test-citizens';
import { fixed, int, table } from './lib/format';
import { startProductionServer, stopProcess, waitFor } from './lib/child-process';
import { builtFirstLoadJs } from './lib/next-build-js';
import { JOURNEYS, SECTIONS } from '../lib/portal/citizen-services';
import { databaseComment, reusedRegister, seedBenchRegister } from './lib/seeded-register';
import { optionsOrExit, parseBenchFlags } from './lib/args';

const DATA_DIR = '.data/bench-lookup';
const APP_DATA_DIR = '.data/bench-portal-app';
const LOOKUP_DATABASE = 'oms_bench_lookup';
const PORTAL_DATABASE = 'oms_bench_portal';
const SEED = 1;
const CITIZEN = 'active-moscow-parent';
const GOAL_JS_KB = 90;
const GOAL_P99_MS = 50;
const GOAL_USERS = 1;
const WARMUP_REQUESTS = 100;

/** The portal's pages, as a citizen opens them: the cabinet, its sections and every journey's start page. */
const PAGES = [
  '/',
  '/lk',
  ...SECTIONS.map((s) => s.href),
  ...JOURNEYS.map((j) => j.href),
  '/lk/vyhod',
  `/verify/${'0'.repeat(26)}`,
];

const USAGE = `usage: npm run bench:portal -- [--persons N] [--requests N] [--users 1,8]
  --persons N    register size (default 1000000); reuses ${DATA_DIR}'s ${LOOKUP_DATABASE} when it has N persons
  --requests N   measured requests of «Мой полис» per number of users (default 1000, at least 1000)
  --users L      comma-separated numbers of concurrent users (default 1,8)
Needs the production build: \`npm run build\` (or NEXT_DIST_DIR=… next build, with the same NEXT_DIST_DIR here).`;

interface Options {
  persons: number;
  requests: number;
  users: number[];
}

function parseOptions(argv: readonly string[]): Options | string {
  const given = parseBenchFlags(argv, {
    persons: { kind: 'whole', min: 20, max: 200_000_000 },
    requests: { kind: 'whole', min: 1000, max: 10_000_000 },
    users: { kind: 'list', min: 1, max: 256 },
  });
  if (typeof given === 'string') return given;
  return { persons: 1_000_000, requests: 1000, users: [1, 8], ...given };
}

const log = (line: string) => console.log(`[bench:portal] ${line}`);

/**
 * A migrated register of exactly N persons (demo people included): the lookup benchmark's when it has N
 * (or when there is none yet: then it is made the way bench:lookup makes it, for both to reuse), else
 * this benchmark's own database.
 */
async function prepareRegister(serverUrl: string, persons: number): Promise<string> {
  const lookupMarker = `bench-lookup persons=${persons} seed=${SEED}`;
  const portalMarker = `bench-portal persons=${persons} seed=${SEED}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  let name: string;
  let marker: string;
  try {
    const lookup = await reusedRegister(admin, serverUrl, LOOKUP_DATABASE, lookupMarker, log, { keep: true });
    if (lookup) return lookup;
    if ((await databaseComment(admin, LOOKUP_DATABASE)) === undefined) {
      [name, marker] = [LOOKUP_DATABASE, lookupMarker];
    } else {
      [name, marker] = [PORTAL_DATABASE, portalMarker];
      const own = await reusedRegister(admin, serverUrl, PORTAL_DATABASE, portalMarker, log);
      if (own) return own;
    }
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  return seedBenchRegister(serverUrl, name, { persons, seed: SEED, marker, log });
}

async function citizenCookie(secret: string): Promise<string> {
  const claims = citizenClaimsFrom(testCitizenClaims(testCitizen(CITIZEN)));
  if (!claims) throw new Error(`the test citizen ${CITIZEN} has no usable claims`);
  const maxAge = 8 * 3600;
  const identity = citizenIdentity(claims, Math.floor(Date.now() / 1000), maxAge);
  const token = await encode({
    token: { sub: claims.sub, name: identity.displayName, identity },
    secret,
    maxAge,
  });
  return `next-auth.session-token=${token}`;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

interface Answer {
  status: number;
  body: Buffer;
  ms: number;
  headers: http.IncomingHttpHeaders;
}

function get(base: string, pathname: string, headers: Record<string, string>): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(`${base}${pathname}`, { agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
          headers: res.headers,
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

interface PageJs {
  page: string;
  status: number;
  scripts: number;
  /** Inline script text, compressed as one piece (it travels inside the compressed HTML). */
  inline: number;
  raw: number;
  gzip: number;
  /** What the Next build would have the page load (not sent: the portal strips it, ADR 0016). */
  built: number;
}

/** `<script src>` of a page's HTML as a module-capable browser loads it, in order, without duplicates. */
function scriptSources(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<script\b([^>]*)>/g)) {
    const attributes = m[1]!;
    // Legacy polyfills (`nomodule`): the browsers the portal supports neither fetch nor run them.
    if (/\bnomodule\b/i.test(attributes)) continue;
    const src = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    if (src) out.add(src.replace(/&amp;/g, '&'));
  }
  return [...out];
}

/** The text of a page's inline scripts (those without `src`), legacy `nomodule` ones left out. */
function inlineScripts(html: string): string {
  let text = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (/\bsrc=/i.test(m[1]!) || /\bnomodule\b/i.test(m[1]!)) continue;
    text += m[2]!;
  }
  return text;
}

/** The app route a page's path is served by. */
const routeOf = (page: string) => (page.startsWith('/verify/') ? '/verify/[code]' : page);

async function measureFirstLoadJs(base: string, cookie: string, distDir: string): Promise<PageJs[]> {
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const results: PageJs[] = [];
  for (const page of PAGES) {
    const res = await get(base, page, { cookie });
    if (res.status !== 200) {
      results.push({ page, status: res.status, scripts: 0, inline: 0, raw: 0, gzip: 0, built: 0 });
      continue;
    }
    const html = res.body.toString('utf8');
    const sources = scriptSources(html);
    const inlineText = Buffer.from(inlineScripts(html), 'utf8');
    const inline = inlineText.length ? gzipSync(inlineText, { level: 9 }).length : 0;
    let raw = inlineText.length;
    let gzip = inline;
    for (const src of sources) {
      let size = sizes.get(src);
      if (!size) {
        const url = new URL(src, base);
        const file = await get(url.origin, url.pathname + url.search, {});
        if (file.status !== 200) throw new Error(`${src} (on ${page}) answered ${file.status}`);
        size = { raw: file.body.length, gzip: gzipSync(file.body, { level: 9 }).length };
        sizes.set(src, size);
      }
      raw += size.raw;
      gzip += size.gzip;
    }
    const built = builtFirstLoadJs(distDir, routeOf(page)).gzip;
    results.push({ page, status: 200, scripts: sources.length, inline, raw, gzip, built });
  }
  return results;
}

interface Timing {
  users: number;
  requests: number;
  seconds: number;
  median: number;
  p99: number;
  max: number;
  non200: number;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(Math.max(rank, 0), sorted.length - 1)]!;
}

/** `users` clients, each sending its next request when the previous answer has arrived, until `total`. */
async function drive(
  base: string,
  pathname: string,
  cookie: string,
  users: number,
  total: number,
): Promise<Timing> {
  const times: number[] = [];
  let next = 0;
  let non200 = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: users }, async () => {
      while (next < total) {
        next++;
        const res = await get(base, pathname, { cookie });
        if (res.status !== 200) non200++;
        times.push(res.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((x, y) => x - y);
  return {
    users,
    requests: times.length,
    seconds,
    median: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1) ?? Number.NaN,
    non200,
  };
}

const kb = (bytes: number) => `${fixed(bytes / 1024, 1)} KB`;

async function main(): Promise<void> {
  const options = optionsOrExit(parseOptions(process.argv.slice(2)), USAGE);
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.error(`No production build (${distDir}/BUILD_ID): build first, then run this benchmark.`);
    process.exit(1);
  }

  const started = performance.now();
  const database = await startEmbeddedPostgres({ dataDir: DATA_DIR });
  let server: ChildProcess | null = null;
  try {
    const url = await prepareRegister(database.url, options.persons);
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const secret = randomBytes(32).toString('base64url');
    server = startProductionServer(port, APP_DATA_DIR, {
      ...process.env,
      DATABASE_URL: url,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: '1',
      NEXTAUTH_URL: base,
      // The session key of this run: the benchmark signs its citizen in with it.
      NEXTAUTH_SECRET: secret,
      // The sign-in itself is not measured: without a configured ЕСИА, the development provider.
      ...(process.env.ESIA_ISSUER ? {} : { ESIA_DEV_PROVIDER: 'true' }),
    });
    await waitFor(`${base}/api/health`, server);
    log(`server answers on ${base} (build ${distDir})`);

    const cookie = await citizenCookie(secret);
    const probe = await get(base, '/lk/polis', { cookie });
    const html = probe.body.toString('utf8');
    if (probe.status !== 200 || !html.includes('Мой полис ОМС')) {
      throw new Error(
        `«Мой полис» answered ${probe.status} without the policy: is the session accepted?\n${html.slice(0, 500)}`,
      );
    }
    log(`signed in as the test citizen «${CITIZEN}»; «Мой полис» answers (${kb(probe.body.length)} of HTML)`);

    const js = await measureFirstLoadJs(base, cookie, distDir);

    const timings: Timing[] = [];
    for (const users of options.users) {
      await drive(base, '/lk/polis', cookie, users, WARMUP_REQUESTS);
      const t = await drive(base, '/lk/polis', cookie, users, options.requests);
      log(
        `«Мой полис» @ ${users} user(s): ${t.requests} requests in ${fixed(t.seconds, 1)} s, ` +
          `median ${fixed(t.median, 1)} ms, p99 ${fixed(t.p99, 1)} ms, non-200 ${t.non200}`,
      );
      timings.push(t);
    }
    report(js, timings, options, performance.now() - started);
  } finally {
    if (server) await stopProcess(server);
    agent.destroy();
    await database.stop();
  }
}

function report(js: PageJs[], timings: Timing[], options: Options, ms: number): void {
  console.log(
    `\nFirst-load JavaScript per portal page (<script src> files + inline scripts; gzip level 9), goal ≤ ${GOAL_JS_KB} KB compressed\n`,
  );
  const rows = [['page', 'files', 'inline gzip', 'raw', 'gzip', 'goal', 'Next build gzip (not sent)']];
  for (const p of js) {
    if (p.status !== 200) {
      rows.push([p.page, '', '', '', '', `answered ${p.status}`, '']);
      continue;
    }
    rows.push([
      p.page,
      String(p.scripts),
      kb(p.inline),
      kb(p.raw),
      kb(p.gzip),
      p.gzip <= GOAL_JS_KB * 1024 ? '✓' : '✗',
      kb(p.built),
    ]);
  }
  console.log(table(rows));

  console.log(
    `\n«Мой полис» (/lk/polis), signed in, register of ${int(options.persons)} persons, ` +
      `${int(options.requests)} requests per run after ${WARMUP_REQUESTS} warm-up; ${int(ms / 1000)} s in all\n`,
  );
  const t = [['users', 'requests', 'req/s', 'median ms', 'p99 ms', 'max ms', 'non-200']];
  for (const r of timings) {
    t.push([
      String(r.users),
      int(r.requests),
      int(r.requests / r.seconds),
      fixed(r.median, 1),
      fixed(r.p99, 1),
      fixed(r.max, 1),
      int(r.non200),
    ]);
  }
  console.log(table(t));

  const measured = js.filter((p) => p.status === 200);
  const worst = measured.reduce((a, b) => (b.gzip > a.gzip ? b : a), measured[0]!);
  const jsOk = measured.every((p) => p.gzip <= GOAL_JS_KB * 1024);
  console.log('\nGoals');
  console.log(
    `  first-load JS ≤ ${GOAL_JS_KB} KB gzip on every page: largest ${worst ? `${kb(worst.gzip)} (${worst.page})` : 'n/a'} ` +
      `→ ${jsOk ? 'met' : 'NOT met'}`,
  );
  const goal = timings.find((r) => r.users === GOAL_USERS);
  if (!goal) console.log(`  «Мой полис» p99 ≤ ${GOAL_P99_MS} ms at ${GOAL_USERS} user: not measured`);
  else {
    const ok = goal.p99 <= GOAL_P99_MS && goal.non200 === 0;
    console.log(
      `  «Мой полис» p99 ≤ ${GOAL_P99_MS} ms at ${GOAL_USERS} user: ${fixed(goal.p99, 1)} ms` +
        `${goal.non200 ? `, ${goal.non200} non-200` : ''} → ${ok ? 'met' : 'NOT met'}`,
    );
  }
}

await main();
