/**
 * `npm test`: the whole suite, as CI runs it — type check, lint, unit and integration tests (Vitest, on
 * real PostgreSQL), the production build, and the browser tests (Playwright, OS Chromium). Stops at the
 * first failing step and ends with one line of totals. The failover suite on a local cluster is
 * `npm run test:cluster` (ADR 0025): not in CI until its start-up time and clean-up are dependable.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  command: string;
  args: string[];
  before?: () => void;
}

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
  { name: 'production build', command: 'npx', args: ['next', 'build'] },
  {
    name: 'browser',
    command: 'npx',
    args: ['playwright', 'test'],
    // A fresh register for every run: the browser tests' own embedded database is re-created and seeded.
    before: () => rmSync('.data/e2e-pg', { recursive: true, force: true }),
  },
];

function run(step: Step): Promise<number> {
  step.before?.();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      stdio: 'inherit',
      env: { ...process.env, CI: process.env.CI ?? 'true', NEXT_TELEMETRY_DISABLED: '1' },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const file of ['test-results/vitest.json']) {
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
  if (existsSync('test-results/e2e.json')) {
    const p = JSON.parse(readFileSync('test-results/e2e.json', 'utf8')) as {
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
