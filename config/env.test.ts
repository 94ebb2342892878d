import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_VARIABLES, parseEnv, readEnv, type EnvSource } from './env';

function errorOf(source: EnvSource): ConfigError {
  const parsed = parseEnv(source);
  if (parsed.ok) throw new Error('expected the configuration to be refused');
  return parsed.error;
}

describe('the configuration (config/env.ts)', () => {
  it('an empty environment is a valid one: every default', () => {
    expect(readEnv({})).toMatchObject({
      DATABASE_POOL_MAX: 20,
      PORT: 3000,
      CITIZEN_SESSION_SECONDS: 3600,
      STAFF_SESSION_SECONDS: 8 * 3600,
      STAFF_IDLE_SECONDS: 30 * 60,
      STAFF_LOCKOUT_ACCOUNT_FAILURES: 5,
      STAFF_LOCKOUT_ADDRESS_FAILURES: 20,
      STAFF_LOCKOUT_WINDOW_SECONDS: 15 * 60,
      STAFF_LOCKOUT_SECONDS: 15 * 60,
      API_KEY_CACHE_MS: 60_000,
      LOOKUP_LAST_KNOWN_MAX: 200_000,
      API_RATE_LIMIT_PER_SECOND: 50,
      API_RATE_LIMIT_BURST: 100,
      USER_RATE_LIMIT_PER_SECOND: 1,
      USER_RATE_LIMIT_BURST: 30,
      REGISTER_JURISDICTION: 'ru',
    });
    expect(readEnv({}).DATABASE_URL).toBeUndefined();
    expect(readEnv({}).DATABASE_REPLICA_URLS).toEqual([]);
  });

  it('reads the replicas as a comma-separated list of postgres URLs, and names the variable when one is not', () => {
    expect(
      readEnv({ DATABASE_REPLICA_URLS: ' postgres://r1:5433/oms , postgresql://u:p@r2/oms,' })
        .DATABASE_REPLICA_URLS,
    ).toEqual(['postgres://r1:5433/oms', 'postgresql://u:p@r2/oms']);
    expect(errorOf({ DATABASE_REPLICA_URLS: 'postgres://r1/oms,http://r2/oms' }).variables).toEqual([
      'DATABASE_REPLICA_URLS',
    ]);
  });

  it('reads numbers and URLs, blank meaning unset', () => {
    const e = readEnv({
      DATABASE_POOL_MAX: '7',
      API_KEY_CACHE_MS: '0',
      NEXTAUTH_URL: 'https://oms.example.ru/',
      DATABASE_URL: 'postgres://u:p@db:5432/oms',
      PORT: ' ',
    });
    expect(e).toMatchObject({ DATABASE_POOL_MAX: 7, API_KEY_CACHE_MS: 0, PORT: 3000 });
    expect(e.NEXTAUTH_URL).toBe('https://oms.example.ru');
  });

  it.each([
    ['DATABASE_POOL_MAX', 'twenty'],
    ['DATABASE_POOL_MAX', '0'],
    ['API_KEY_CACHE_MS', '-1'],
    ['API_KEY_CACHE_MS', '5s'],
    ['LOOKUP_LAST_KNOWN_MAX', '1.5'],
    ['STAFF_SESSION_SECONDS', '10'],
    ['STAFF_IDLE_SECONDS', '0'],
    ['STAFF_LOCKOUT_ACCOUNT_FAILURES', '0'],
    ['STAFF_LOCKOUT_SECONDS', 'quarter'],
    ['CITIZEN_SESSION_SECONDS', 'hour'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/oms'],
    ['NEXTAUTH_URL', 'not a url'],
    ['NEXTAUTH_SECRET', 'short'],
    ['ESIA_SCOPE', 'fullname snils'],
    ['ESIA_DEV_PROVIDER', 'yes'],
    ['API_RATE_LIMIT_PER_SECOND', '0'],
    ['NODE_ENV', 'staging'],
    ['REGISTER_JURISDICTION', 'by'],
  ])('a wrong %s (%j) stops with a message naming it', (name, value) => {
    const error = errorOf({ [name]: value });
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.variables).toEqual([name]);
    expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${name}: `));
    expect(() => readEnv({ [name]: value })).toThrow(name);
  });

  it('names every wrong variable at once, and never prints a value (secrets)', () => {
    const error = errorOf({ DATABASE_POOL_MAX: 'x', NEXTAUTH_SECRET: 'tooshort-secr' });
    expect([...error.variables].sort()).toEqual(['DATABASE_POOL_MAX', 'NEXTAUTH_SECRET']);
    expect(error.message).not.toContain('tooshort-secr');
  });

  it('checks the ЕСИА variables together', () => {
    const issuer = { ESIA_ISSUER: 'https://esia.example.ru' };
    expect(errorOf(issuer).variables).toEqual(['ESIA_CLIENT_ID', 'ESIA_CLIENT_SECRET']);
    expect(
      readEnv({ ...issuer, ESIA_CLIENT_ID: 'portal', ESIA_CLIENT_SECRET: 'secret-123' }).ESIA_ISSUER,
    ).toBe(issuer.ESIA_ISSUER);
    expect(() => readEnv({ ESIA_CLIENT_ID: 'portal' })).toThrow(/ESIA_ISSUER: must be set when/);
  });

  it('every variable it knows is documented in the README configuration tables', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of ENV_VARIABLES.filter((n) => n !== 'npm_package_version' && n !== 'NODE_ENV')) {
      expect(readme, name).toContain(`\`${name}\``);
    }
  });
});
