import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser tests run the production build on a database of their own (an embedded PostgreSQL under
 * .data/e2e-pg, seeded with the demo register) in the operating system's Chromium: the Playwright browser
 * download is not reachable from our machines.
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. Install the OS package (Debian: apt-get install -y chromium) ` +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}
const port = Number(process.env.E2E_PORT ?? 3100);
/** The Kazakh pass's specs (ADR 0034). */
export const KZ_SPECS = /[\\/]e2e[\\/]kz[\\/]/;

export default defineConfig({
  testDir: 'e2e',
  // Its own folder: Playwright empties it at start, and test-results/ also holds the Vitest report.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : 'list',
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      // The machine's network is closed: without these, Chromium keeps trying to reach Google's services.
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  // e2e/kz/ is the Kazakh pass's (playwright.kz.config.ts): another server, another register.
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: [/fuzz\.spec\.ts$/, KZ_SPECS] },
    // The fuzz suite proves the register unchanged, so it runs after the tests that change it (ADR 0010).
    {
      name: 'fuzz',
      use: { browserName: 'chromium' },
      testMatch: /fuzz\.spec\.ts$/,
      testIgnore: KZ_SPECS,
      dependencies: ['chromium'],
    },
  ],
  webServer: {
    command: `tsx scripts/serve.ts --prod --port ${port} --data-dir .data/e2e-pg --demo-persons 2000`,
    url: `http://localhost:${port}/api/health`,
    timeout: 240_000,
    reuseExistingServer: !process.env.CI,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? '',
      NODE_ENV: 'production',
      // Every browser test connects from one loopback address, and the fuzz suite posts wrong passwords:
      // the per-address lockout would lock them all out. It is tested at the integration level
      // (lib/auth/staff-sign-in.int.test.ts); the per-account lockout keeps its default here.
      STAFF_LOCKOUT_ADDRESS_FAILURES: '100000',
      // The fuzz suite sends thousands of requests a minute from one address and a few keys: at the
      // production limits most of them were answered 429 before any validation ran. The limiter is
      // tested at the integration level (lib/rate-limit, the status check's own tests); no browser test
      // relies on it.
      API_RATE_LIMIT_PER_SECOND: '1000000',
      API_RATE_LIMIT_BURST: '1000000',
      USER_RATE_LIMIT_PER_SECOND: '1000000',
      USER_RATE_LIMIT_BURST: '1000000',
    },
    stdout: 'pipe',
  },
});
