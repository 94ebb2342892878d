import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The failover suite (`npm run test:cluster`, ADR 0025): a real pg_auto_failover cluster per run, so it
 * stays out of the default projects; `npm test` runs its reduced form (one failover) as a step of its own.
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
