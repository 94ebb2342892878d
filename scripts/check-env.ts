/**
 * Imported first by the launcher, the worker and the command-line tools: ES modules are evaluated in
 * import order, so a wrong configuration stops the process here — one message naming every wrong
 * variable — before any other module reads it.
 * A jurisdiction whose profile this build lacks stops it here too (ADR 0029).
 */
import { parseEnv } from '@/config/env';
import { profileOf } from '@/lib/jurisdiction/profiles';

const configured = parseEnv(process.env);
if (!configured.ok) {
  console.error(configured.error.message);
  process.exit(2);
}
try {
  profileOf(configured.env.REGISTER_JURISDICTION);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
