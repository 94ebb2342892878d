import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CITIZEN_SESSION_SECONDS,
  DEFAULT_ESIA_SCOPE,
  DEV_CLIENT_ID,
  devClientSecret,
  devProviderAllowed,
  parseCitizenAuthEnv,
} from './citizen-config';

const base = { NEXTAUTH_URL: 'http://localhost:3000/', NEXTAUTH_SECRET: 's'.repeat(32) };
const external = {
  ...base,
  ESIA_ISSUER: 'https://esia.gosuslugi.ru',
  ESIA_CLIENT_ID: 'ERZ01',
  ESIA_CLIENT_SECRET: 'a-long-client-secret',
};

describe('parseCitizenAuthEnv', () => {
  it('without ESIA_ISSUER: the development provider under the site, its client derived from the secret', () => {
    expect(parseCitizenAuthEnv(base)).toEqual({
      ok: true,
      config: {
        jurisdiction: 'ru',
        mode: 'dev',
        issuer: 'http://localhost:3000/esia-dev',
        clientId: DEV_CLIENT_ID,
        clientSecret: devClientSecret(base.NEXTAUTH_SECRET),
        scope: DEFAULT_ESIA_SCOPE,
        callbackUrl: 'http://localhost:3000/api/auth/callback/esia',
        sessionSeconds: DEFAULT_CITIZEN_SESSION_SECONDS,
      },
    });
  });

  it('with ESIA_ISSUER: the issuer, client and secret from the environment; scope and session length too', () => {
    const parsed = parseCitizenAuthEnv({
      ...external,
      ESIA_SCOPE: 'openid fullname',
      CITIZEN_SESSION_SECONDS: '900',
    });
    expect(parsed).toEqual({
      ok: true,
      config: {
        jurisdiction: 'ru',
        mode: 'external',
        issuer: 'https://esia.gosuslugi.ru',
        clientId: 'ERZ01',
        clientSecret: 'a-long-client-secret',
        scope: 'openid fullname',
        callbackUrl: 'http://localhost:3000/api/auth/callback/esia',
        sessionSeconds: 900,
      },
    });
  });

  it('treats empty variables as unset', () => {
    const parsed = parseCitizenAuthEnv({
      ...base,
      ESIA_ISSUER: '',
      ESIA_CLIENT_ID: ' ',
      CITIZEN_SESSION_SECONDS: '',
    });
    expect(parsed.ok && parsed.config.mode).toBe('dev');
  });

  it.each([
    [{ ...external, ESIA_CLIENT_SECRET: undefined }, 'ESIA_CLIENT_SECRET: must be set with ESIA_ISSUER'],
    [{ ...external, ESIA_CLIENT_ID: undefined }, 'ESIA_CLIENT_ID: must be set with ESIA_ISSUER'],
    [{ ...external, ESIA_ISSUER: 'http://esia.example.ru' }, 'ESIA_ISSUER: must be https'],
    [{ ...external, ESIA_ISSUER: 'not a url' }, 'ESIA_ISSUER'],
    [{ ...base, ESIA_CLIENT_ID: 'x' }, 'ESIA_ISSUER: must be set when'],
    [{ ...base, NEXTAUTH_SECRET: undefined }, 'NEXTAUTH_SECRET'],
    [{ NEXTAUTH_SECRET: base.NEXTAUTH_SECRET }, 'NEXTAUTH_URL: must be set'],
    [{ ...base, CITIZEN_SESSION_SECONDS: '10' }, 'CITIZEN_SESSION_SECONDS'],
    [{ ...base, CITIZEN_SESSION_SECONDS: 'hour' }, 'CITIZEN_SESSION_SECONDS'],
    [{ ...base, ESIA_SCOPE: 'fullname snils' }, 'ESIA_SCOPE: must include openid'],
  ])('refuses a wrong configuration and names the variable (%#)', (env, message) => {
    const parsed = parseCitizenAuthEnv(env);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error).toContain(message);
  });

  it('allows an http issuer on localhost (a local ЕСИА stand-in)', () => {
    expect(parseCitizenAuthEnv({ ...external, ESIA_ISSUER: 'http://localhost:8080/realms/esia' }).ok).toBe(
      true,
    );
  });

  it('derives a different development secret from a different session secret', () => {
    expect(devClientSecret('a'.repeat(32))).not.toBe(devClientSecret('b'.repeat(32)));
  });
});

describe('devProviderAllowed', () => {
  it('runs in development and on the embedded demo database, not on a production database unless asked', () => {
    expect(devProviderAllowed({ prod: false, embedded: false, env: {} })).toBe(true);
    expect(devProviderAllowed({ prod: true, embedded: true, env: {} })).toBe(true);
    expect(devProviderAllowed({ prod: true, embedded: false, env: {} })).toBe(false);
    expect(devProviderAllowed({ prod: true, embedded: false, env: { ESIA_DEV_PROVIDER: 'true' } })).toBe(
      true,
    );
  });
});

describe('the citizen sign-in of Kazakhstan’s register', () => {
  it('asks the provider for the ИИН (eGov’s scope) instead of СНИЛС and the passport', () => {
    const parsed = parseCitizenAuthEnv({ ...base, REGISTER_JURISDICTION: 'kz' });
    expect(parsed.ok && parsed.config).toMatchObject({
      jurisdiction: 'kz',
      scope: 'openid fullname birthdate gender iin',
    });
  });
});
