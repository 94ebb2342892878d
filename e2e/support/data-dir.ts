/**
 * Where the browser tests' server keeps its embedded database: `.data/e2e-pg` for the Russian pass, and
 * what the pass's config sets in E2E_DATA_DIR for another (the Kazakh pass: `.data/e2e-pg-kz`,
 * playwright.kz.config.ts). The config runs in every worker too, so fixtures find the same database.
 */
export function e2eDataDir(): string {
  return process.env.E2E_DATA_DIR || '.data/e2e-pg';
}
