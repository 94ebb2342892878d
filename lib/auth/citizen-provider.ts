import type { OAuthConfig } from 'next-auth/providers/oauth';
import { citizenClaimsFrom, citizenIdentity } from './citizen-claims';
import { ESIA_PROVIDER_ID, type CitizenAuthConfig } from './citizen-config';

type ProviderProfile = Record<string, unknown> & { sub?: string };

/**
 * The next-auth provider for ЕСИА (or the development provider): OpenID Connect authorization code with
 * PKCE, state and nonce, all checked by next-auth/openid-client; the ID token's signature, issuer, audience
 * and expiry are verified against the issuer's published keys. The identity is taken only from what the
 * provider returned server to server, never from the browser.
 */
export function esiaProvider(config: CitizenAuthConfig): OAuthConfig<ProviderProfile> {
  return {
    id: ESIA_PROVIDER_ID,
    name: 'Госуслуги (ЕСИА)',
    type: 'oauth',
    wellKnown: `${config.issuer}/.well-known/openid-configuration`,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    authorization: { params: { scope: config.scope } },
    checks: ['pkce', 'state', 'nonce'],
    idToken: true,
    // Claims may come in the ID token or only from userinfo (as with oidc-provider's defaults): take both.
    // openid-client refuses a userinfo answer whose subject differs from the ID token's.
    userinfo: {
      async request({ client, tokens }) {
        // next-auth types the token set by its fields; at run time it is openid-client's TokenSet.
        const tokenSet = tokens as unknown as Parameters<typeof client.userinfo>[0] & {
          claims(): ProviderProfile;
        };
        const fromIdToken = tokenSet.claims();
        const fromUserinfo = await client.userinfo<ProviderProfile>(tokenSet);
        return { ...fromIdToken, ...fromUserinfo };
      },
    },
    profile(profile) {
      const claims = citizenClaimsFrom(profile);
      return {
        id: typeof profile.sub === 'string' ? profile.sub : '',
        name: claims ? `${claims.lastName} ${claims.firstName}` : null,
        // No identity when the claims are unusable: the signIn callback then refuses the sign-in.
        identity: claims
          ? citizenIdentity(claims, Math.floor(Date.now() / 1000), config.sessionSeconds)
          : undefined,
      };
    },
  };
}
