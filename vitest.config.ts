import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('.', import.meta.url)) };

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
          exclude: ['node_modules/**', '.next/**'],
          environment: 'node',
          globalSetup: ['./testing/db/global-setup.ts'],
          setupFiles: ['./testing/db/per-file-database.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own database, so files may run in parallel.
          fileParallelism: true,
        },
      },
    ],
  },
});
