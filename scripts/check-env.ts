/**
 * Imported first by the launcher: ES modules are evaluated in import order, so a wrong configuration
 * stops the process here — one message naming every wrong variable — before any other module reads it.
 */
import { parseEnv } from '@/config/env';

const configured = parseEnv(process.env);
if (!configured.ok) {
  console.error(configured.error.message);
  process.exit(2);
}
