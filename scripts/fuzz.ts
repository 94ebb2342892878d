/**
 * `npm run fuzz -- --cases N [--seed S] [--kz] [playwright options]`: the fuzz suite alone (e2e/fuzz.spec.ts;
 * with --kz the Kazakh deployment's, e2e/kz/fuzz.spec.ts), N cases per door, against the production server
 * Playwright starts (or the one already on E2E_PORT, E2E_KZ_PORT).
 * `npm test` runs the same suite with its default number of cases after the browser tests.
 */
import { spawn } from 'node:child_process';

const args = process.argv.slice(2);
const env: Record<string, string> = {};
const rest: string[] = [];
let kz = false;
for (let i = 0; i < args.length; i++) {
  const arg = args[i]!;
  const value = args[i + 1];
  if (arg === '--kz') {
    kz = true;
    continue;
  }
  if ((arg === '--cases' || arg === '--seed') && value !== undefined) {
    if (!/^-?\d+$/.test(value) || (arg === '--cases' && Number(value) < 1)) {
      console.error(`${arg} takes a whole number, got ${value}`);
      process.exit(2);
    }
    env[arg === '--cases' ? 'FUZZ_CASES' : 'FUZZ_SEED'] = value;
    i++;
  } else rest.push(arg);
}

const pass = kz ? ['--config', 'playwright.kz.config.ts', '--project', 'kz-fuzz'] : ['--project', 'fuzz'];
const child = spawn('npx', ['playwright', 'test', ...pass, '--no-deps', ...rest], {
  stdio: 'inherit',
  env: { ...process.env, ...env },
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
