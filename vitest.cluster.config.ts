import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The failover suite (`npm run test:cluster`, ADR 0025): a real pg_auto_failover cluster per run, so it
 * stays out of the default projects and out of `npm test` (see ADR 0025).
 */
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    name: 'cluster',
    include: ['**/*.cluster.test.ts'],
    exclude: ['node_modules/**', '.next/**'],
    environment: 'node',
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
