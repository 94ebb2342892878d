import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/**
 * The Kazakh pass (ADR 0029, ADR 0034): the same production build and Chromium as the Russian pass
 * (playwright.config.ts), but a server started with REGISTER_JURISDICTION=kz on its own port and its own
 * embedded database under .data/e2e-pg-kz, seeded with the ОСМС demo register, running e2e/kz/ only.
 * `npm test` runs it after the Russian pass, on the same build. The settings below are also read by the
 * test workers (they load this file), so fixtures reach the same register as the same jurisdiction.
 */
const port = Number(process.env.E2E_KZ_PORT ?? 3101);
const dataDir = '.data/e2e-pg-kz';
process.env.E2E_DATA_DIR = dataDir;
process.env.REGISTER_JURISDICTION = 'kz';

const server = Array.isArray(base.webServer) ? base.webServer[0]! : base.webServer!;

export default defineConfig({
  ...base,
  testDir: 'e2e/kz',
  outputDir: 'test-results/playwright-kz',
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e-kz.json' }]] : 'list',
  use: { ...base.use, baseURL: `http://localhost:${port}`, timezoneId: 'Asia/Almaty' },
  projects: [
    { name: 'kz', use: { browserName: 'chromium' }, testIgnore: /fuzz\.spec\.ts$/ },
    // As in the Russian pass: the fuzz suite proves the register unchanged, after the tests that change it.
    // One worker: each door proves the register unchanged around its run, and the console door's fixture
    // (a person with a temporary status, made in its beforeAll) would otherwise land inside another door's
    // before/after window (CI run at cd81d1f: two doors saw one more person and one more status).
    {
      name: 'kz-fuzz',
      use: { browserName: 'chromium' },
      testMatch: /fuzz\.spec\.ts$/,
      dependencies: ['kz'],
      workers: 1,
    },
  ],
  webServer: {
    ...server,
    command: `tsx scripts/serve.ts --prod --port ${port} --data-dir ${dataDir} --demo-persons 500`,
    url: `http://localhost:${port}/api/health`,
    env: { ...server.env, REGISTER_JURISDICTION: 'kz' },
  },
});
