/**
 * `npm test`: the whole suite, as CI runs it — type check, lint, unit and integration tests (Vitest, on
 * real PostgreSQL), the cluster suites (two failovers under load and the replica reads, on local
 * pg_auto_failover clusters: `npm run test:cluster`, ADR 0025), the production build, and the browser
 * tests (Playwright, OS Chromium): the Russian pass, then the Kazakh one (playwright.kz.config.ts). Stops at the first failing step and
 * ends with one line of totals. A step with a time limit that runs past it is killed and fails.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
  before?: () => void;
  /** A hard limit: past it the step's whole process group is killed, `afterTimeout` runs, and it fails. */
  timeoutMs?: number;
  afterTimeout?: () => Promise<void>;
}

/** The cluster suites' directories (their tests name them): what is left of them after a killed step. */
const CLUSTER_SUITE_DIRS = ['.data/cluster-test', '.data/cluster-replica-reads'];

const steps: Step[] = [
  { name: 'type check', command: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', command: 'npx', args: ['eslint', '--max-warnings', '0', '.'] },
  {
    name: 'unit + integration',
    command: 'npx',
    args: [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/vitest.json',
    ],
  },
  {
    name: 'cluster (failover, replica reads)',
    command: 'npx',
    args: [
      'vitest',
      'run',
      '--config',
      'vitest.cluster.config.ts',
      '--reporter=default',
      '--reporter=json',
      '--outputFile.json=test-results/cluster.json',
    ],
    env: { CLUSTER_FAILOVER_ROUNDS: '2' },
    // About a minute on a 2-core machine (ADR 0025); a hang must fail CI, not stall it.
    timeoutMs: 5 * 60_000,
    afterTimeout: async () => {
      for (const dir of CLUSTER_SUITE_DIRS) {
        await run({
          name: 'cluster clean-up',
          command: 'npx',
          args: ['tsx', 'scripts/cluster-down.ts', '--dir', dir],
        });
      }
    },
  },
  { name: 'production build', command: 'npx', args: ['next', 'build'] },
  {
    name: 'browser',
    command: 'npx',
    args: ['playwright', 'test'],
    // A fresh register for every run: the browser tests' own embedded database is re-created and seeded.
    before: () => rmSync('.data/e2e-pg', { recursive: true, force: true }),
  },
  {
    // The Kazakh deployment on the same build (ADR 0029, 0034): its own server, port and fresh register.
    name: 'browser (kz)',
    command: 'npx',
    args: ['playwright', 'test', '--config', 'playwright.kz.config.ts'],
    before: () => rmSync('.data/e2e-pg-kz', { recursive: true, force: true }),
  },
];

function run(step: Step): Promise<number> {
  step.before?.();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: 'inherit',
      env: { ...process.env, CI: process.env.CI ?? 'true', NEXT_TELEMETRY_DISABLED: '1', ...step.env },
      // Its own process group, so that a step past its limit is killed with everything it started.
      detached: step.timeoutMs !== undefined,
    });
    let timedOut = false;
    const timer =
      step.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            console.error(
              `\n${step.name}: still running after ${step.timeoutMs! / 60_000} minutes (its limit) — killed; it fails.`,
            );
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              // ended meanwhile
            }
          }, step.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const status = timedOut ? 124 : (code ?? (signal ? 1 : 0));
      if (!timedOut || !step.afterTimeout) return resolve(status);
      void step.afterTimeout().then(
        () => resolve(status),
        () => resolve(status),
      );
    });
  });
}

function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of ['test-results/vitest.json', 'test-results/cluster.json']) {
    if (!existsSync(file)) continue;
    const v = JSON.parse(readFileSync(file, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
    };
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests;
    total.skipped += v.numPendingTests;
  }
  for (const file of ['test-results/e2e.json', 'test-results/e2e-kz.json']) {
    if (!existsSync(file)) continue;
    const p = JSON.parse(readFileSync(file, 'utf8')) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    };
    total.passed += p.stats.expected + p.stats.flaky;
    total.failed += p.stats.unexpected;
    total.skipped += p.stats.skipped;
  }
  return total;
}

rmSync('test-results', { recursive: true, force: true });
const timings: string[] = [];
let failedStep: string | null = null;
for (const step of steps) {
  console.log(`\n=== ${step.name} ===`);
  const t0 = Date.now();
  const code = await run(step);
  timings.push(`${step.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s${code ? ' (FAILED)' : ''}`);
  if (code !== 0) {
    failedStep = step.name;
    break;
  }
}
console.log(`\n=== summary ===\n${timings.join('\n')}`);
const c = counts();
console.log(`tests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
if (failedStep) {
  console.error(`npm test failed at: ${failedStep}`);
  process.exit(1);
}
