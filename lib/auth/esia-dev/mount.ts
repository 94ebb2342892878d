import { citizenAuthConfig, devProviderAllowed, syntheticCitizensAllowed, type Env } from '../citizen-config';
import type { EsiaDevProvider } from './provider';
import { loadOrCreateSigningKey, signingKeyFile } from './signing-key';
import { logger } from '@/lib/ops/logger';

/**
 * The launcher's part of citizen sign-in: validates the configuration (throws, naming every wrong variable)
 * and, without ESIA_ISSUER, creates the development provider to mount at /esia-dev. Call after
 * NEXTAUTH_URL and NEXTAUTH_SECRET are settled.
 */
export async function startCitizenSignIn(opts: {
  prod: boolean;
  embedded: boolean;
  dataDir: string;
  env?: Env;
}): Promise<EsiaDevProvider | null> {
  const env = opts.env ?? process.env;
  const config = citizenAuthConfig(env);
  if (config.mode === 'external') {
    logger().info(`Citizen sign-in: ЕСИА at ${config.issuer}`);
    return null;
  }
  if (!devProviderAllowed({ prod: opts.prod, embedded: opts.embedded, env })) {
    throw new Error(
      'Citizen sign-in: set ESIA_ISSUER, ESIA_CLIENT_ID and ESIA_CLIENT_SECRET for a production server on ' +
        'DATABASE_URL (or ESIA_DEV_PROVIDER=true to run the development provider on purpose).',
    );
  }
  // Loaded only when needed: a server on the real ЕСИА never loads the development provider.
  const { createEsiaDevProvider } = await import('./provider');
  const provider = createEsiaDevProvider({
    config,
    signingKey: loadOrCreateSigningKey(signingKeyFile(opts.dataDir)),
    secret: env.NEXTAUTH_SECRET!,
    syntheticCitizens: syntheticCitizensAllowed({ embedded: opts.embedded }),
  });
  logger().info(
    `Citizen sign-in: development ЕСИА provider at ${provider.issuer} (test citizens, no passwords)`,
  );
  return provider;
}
