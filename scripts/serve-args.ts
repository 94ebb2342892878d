import { z } from 'zod';
import { env, type AppEnv } from '@/config/env';
import { EMBEDDED_DATA_DIRS } from '@/db/runtime';

/** Options of the launcher (`npm run dev`, `npm start`), validated like any other edge. */
export const serveArgsSchema = z.object({
  prod: z.boolean(),
  port: z.coerce.number().int().min(1).max(65_535),
  hostname: z.string().min(1),
  dataDir: z.string().min(1),
  /** Unset: 5,000 on the embedded database, none on a DATABASE_URL server (never demo data by accident). */
  demoPersons: z.coerce.number().int().min(0).max(10_000_000).optional(),
});
export type ServeArgs = z.infer<typeof serveArgsSchema>;

export const SERVE_USAGE = `usage: tsx scripts/serve.ts [--prod] [--port N] [--hostname H] [--data-dir DIR] [--demo-persons N]
  --prod            serve the production build (run \`npm run build\` first)
  --port N          HTTP port (default: $PORT or 3000)
  --hostname H      interface to listen on (default: localhost)
  --data-dir DIR    embedded PostgreSQL data directory when DATABASE_URL is unset (default: .data/pg; .data/pg-kz for kz)
  --demo-persons N  seed an empty register with the demo people and N generated persons
                    (default: 5000 on the embedded database, 0 with DATABASE_URL)`;

export function parseServeArgs(
  argv: readonly string[],
  defaults: Pick<AppEnv, 'PORT' | 'HOSTNAME_BIND' | 'REGISTER_JURISDICTION'> = env(),
) {
  const raw: Record<string, unknown> = {
    prod: false,
    port: defaults.PORT,
    hostname: defaults.HOSTNAME_BIND ?? 'localhost',
    dataDir: EMBEDDED_DATA_DIRS[defaults.REGISTER_JURISDICTION],
  };
  const flags: Record<string, string> = {
    '--port': 'port',
    '--hostname': 'hostname',
    '--data-dir': 'dataDir',
    '--demo-persons': 'demoPersons',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--prod') raw.prod = true;
    else if (arg in flags) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        return { ok: false as const, error: `${arg} needs a value` };
      raw[flags[arg]!] = value;
    } else return { ok: false as const, error: `unknown argument: ${arg}` };
  }
  const parsed = serveArgsSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false as const,
      error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    };
  }
  return { ok: true as const, args: parsed.data };
}
