import type { Account, User } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { authOptions, type SessionIdentity } from './auth-options';
import { citizenClaimsFrom, citizenIdentity } from './citizen-claims';
import { parseCitizenAuthEnv } from './citizen-config';
import { esiaProvider } from './citizen-provider';
import { testCitizen, testCitizenClaims } from './esia-dev/test-citizens';

/** The session callbacks as next-auth calls them (only the arguments they use). */
const jwt = authOptions.callbacks!.jwt! as (a: { token: JWT; user?: User }) => Promise<JWT> | JWT;
const signIn = authOptions.callbacks!.signIn! as (a: {
  user: User;
  account: Account | null;
}) => Promise<string | boolean> | string | boolean;

const claims = citizenClaimsFrom(testCitizenClaims(testCitizen('active-moscow-parent')))!;
const esiaAccount = { provider: 'esia', type: 'oauth', providerAccountId: claims.sub } as Account;

afterEach(() => vi.useRealTimers());

describe('citizen sessions in next-auth', () => {
  it('carry the identity from the provider profile into the token', async () => {
    const identity = citizenIdentity(claims, Math.floor(Date.now() / 1000), 3600);
    const token = await jwt({ token: { sub: claims.sub }, user: { id: claims.sub, identity } });
    expect(token.identity).toEqual(identity);
  });

  it('end at the fixed time after sign-in: the identity is dropped from the token', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-10T09:00:00Z'));
    const identity: SessionIdentity = citizenIdentity(
      claims,
      Date.parse('2026-03-10T09:00:00Z') / 1000,
      3600,
    );
    vi.setSystemTime(new Date('2026-03-10T09:59:59Z'));
    expect((await jwt({ token: { identity } })).identity).toEqual(identity);
    vi.setSystemTime(new Date('2026-03-10T10:00:00Z'));
    expect((await jwt({ token: { identity } })).identity).toBeUndefined();
  });

  it('keep staff sessions as they were', async () => {
    const staff: SessionIdentity = {
      actor: { kind: 'clinic', id: 'registrator', moCode: '770001' },
      displayName: 'Кузнецова Марина Викторовна',
      staffRole: 'clinic_registrar',
    };
    expect((await jwt({ token: { identity: staff } })).identity).toEqual(staff);
  });

  it('refuse a ЕСИА sign-in whose claims gave no identity, with a message for the person', async () => {
    expect(await signIn({ user: { id: 'x' }, account: esiaAccount })).toBe('/lk/vhod?error=Claims');
    const identity = citizenIdentity(claims, 0, 3600);
    expect(await signIn({ user: { id: claims.sub, identity }, account: esiaAccount })).toBe(true);
  });
});

describe('the ЕСИА provider for next-auth', () => {
  const config = parseCitizenAuthEnv({
    NEXTAUTH_URL: 'http://localhost:3000',
    NEXTAUTH_SECRET: 's'.repeat(32),
  });
  if (!config.ok) throw new Error(config.error);
  const provider = esiaProvider(config.config);

  it('is OpenID Connect with PKCE, state and nonce against the issuer discovery document', () => {
    expect(provider).toMatchObject({
      id: 'esia',
      type: 'oauth',
      idToken: true,
      checks: ['pkce', 'state', 'nonce'],
      wellKnown: 'http://localhost:3000/esia-dev/.well-known/openid-configuration',
      authorization: { params: { scope: 'openid fullname birthdate gender snils id_doc' } },
    });
  });

  it('turns the provider profile into the session identity', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-10T09:00:00Z'));
    const user = await provider.profile(testCitizenClaims(testCitizen('foreign-resident')), {});
    expect(user.id).toBe('1000100006');
    expect(user.identity).toMatchObject({
      actor: { kind: 'citizen', id: '1000100006', personId: null, trusted: false },
      displayName: 'Каримов Рустам Алишерович',
      staffRole: null,
      citizen: {
        claims: { accountLevel: 'standard', snils: '13806275966' },
        expiresAt: Date.parse('2026-03-10T10:00:00Z') / 1000,
      },
    });
  });

  it('gives no identity for unusable claims (the sign-in is then refused)', async () => {
    const user = await provider.profile({ sub: '1', family_name: '' }, {});
    expect(user.identity).toBeUndefined();
  });
});
