import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) };

/** Integration tests that run in a Kazakh register (`*.kz.int.test.ts` anywhere, and lib/kz's). */
const KZ_INTEGRATION = ['lib/kz/**/*.int.test.ts', '**/*.kz.int.test.ts'];

const integration = {
  environment: 'node' as const,
  globalSetup: ['./testing/db/global-setup.ts'],
  setupFiles: ['./testing/db/per-file-database.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  // Each file gets its own database, so files may run in parallel.
  fileParallelism: true,
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'lib/**/*.test.ts',
            'db/**/*.test.ts',
            'scripts/**/*.test.ts',
            'config/**/*.test.ts',
            'testing/**/*.test.ts',
            'app/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          // *.cluster.test.ts: the failover suite, its own config (vitest.cluster.config.ts).
          exclude: ['**/*.int.test.ts', '**/*.cluster.test.ts', 'node_modules/**'],
          environment: 'node',
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: ['**/*.int.test.ts'],
          exclude: ['node_modules/**', '.next/**', ...KZ_INTEGRATION],
          ...integration,
        },
      },
      {
        // Kazakhstan's use cases and any test asking for a Kazakh register (ADR 0029/0030): the same
        // per-file databases, each bound as a register of kz at its first start, under the kz profile.
        resolve: { alias },
        test: {
          name: 'integration-kz',
          include: KZ_INTEGRATION,
          exclude: ['node_modules/**', '.next/**'],
          env: { REGISTER_JURISDICTION: 'kz' },
          ...integration,
        },
      },
    ],
  },
});
