import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A private signing key as a JWK, with the identifiers oidc-provider publishes in its JWKS. */
export type SigningJwk = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

/** The key file of a data directory: beside it, like the session secret (`<dir>.esia-dev-key.json`). */
export function signingKeyFile(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.esia-dev-key.json`);
}

function isSigningJwk(v: unknown): v is SigningJwk {
  if (typeof v !== 'object' || v === null) return false;
  const k = v as Record<string, unknown>;
  return k.kty === 'RSA' && typeof k.d === 'string' && typeof k.kid === 'string' && k.alg === 'RS256';
}

/**
 * The development provider's ID-token signing key, generated at the first start and kept, so tokens and
 * the published key set stay the same across restarts of one checkout.
 */
export function loadOrCreateSigningKey(file: string): SigningJwk {
  if (existsSync(file)) {
    const stored: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isSigningJwk(stored)) return stored;
    throw new Error(`${file} is not an RS256 private JWK; delete it to have a new key generated.`);
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk: SigningJwk = {
    ...privateKey.export({ format: 'jwk' }),
    kid: randomUUID(),
    alg: 'RS256',
    use: 'sig',
  };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  return jwk;
}
