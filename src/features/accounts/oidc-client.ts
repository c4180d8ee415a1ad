import * as oidc from 'openid-client';

/** One OpenID Connect provider that people may sign in through (ID-porten, Entra ID, …). */
export type SingleSignOnSettings = {
  /** The provider's issuer URL; its discovery document lives under /.well-known/openid-configuration. */
  issuer: string;
  clientId: string;
  /** Absent for a public client, which proves itself with PKCE alone. */
  clientSecret?: string;
  /** Space-separated, always including `openid`. */
  scopes: string;
  /** The ID token claim compared with an account's e-mail address when no identity is linked yet. */
  matchClaim: string;
  /** The provider's name on the sign-in button. */
  displayName: string;
};

/**
 * Who the provider says signed in: issuer and subject from the checked ID token (signature,
 * issuer, audience, expiry, nonce), with the other claims from the ID token or, where the
 * provider keeps them out of it, from its userinfo endpoint.
 */
export type IdentityClaims = { iss: string; sub: string; [claim: string]: unknown };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK_HOSTS.has(new URL(url).hostname);
}

/** Talks to the provider: the authorization URL out, the code exchanged and the ID token checked on return. */
export type OidcClient = {
  settings: SingleSignOnSettings;
  authorizationUrl(input: {
    redirectUri: string;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<URL>;
  /** `callbackUrl` is the registered redirect URI with the query the provider sent back. */
  exchangeCode(input: {
    callbackUrl: URL;
    state: string;
    nonce: string;
    codeVerifier: string;
  }): Promise<IdentityClaims>;
};

/**
 * A relying party for one provider. The provider's metadata is discovered on first use (not at
 * boot, so Klynge starts while the provider is down) and fetched again after a failed attempt.
 * Plain http is accepted only for a provider on this machine (tests and development); the
 * configuration refuses it in production.
 */
export function createOidcClient(settings: SingleSignOnSettings): OidcClient {
  const issuer = new URL(settings.issuer);
  const insecure = issuer.protocol === 'http:';
  if (insecure && !isLoopbackUrl(settings.issuer)) {
    throw new Error(`The single sign-on issuer ${settings.issuer} must use https.`);
  }
  let configuration: Promise<oidc.Configuration> | undefined;
  const configured = () => {
    configuration ??= oidc
      .discovery(
        issuer,
        settings.clientId,
        settings.clientSecret,
        settings.clientSecret ? oidc.ClientSecretPost(settings.clientSecret) : oidc.None(),
        { execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
  return {
    settings,
    async authorizationUrl({ redirectUri, state, nonce, codeVerifier }) {
      return oidc.buildAuthorizationUrl(await configured(), {
        redirect_uri: redirectUri,
        scope: settings.scopes,
        response_type: 'code',
        state,
        nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
    },
    async exchangeCode({ callbackUrl, state, nonce, codeVerifier }) {
      const config = await configured();
      const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
        expectedNonce: nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('The provider returned no ID token.');
      // Providers that follow the core spec to the letter put profile claims only in userinfo.
      if (claims[settings.matchClaim] !== undefined || !config.serverMetadata().userinfo_endpoint)
        return claims;
      const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      return { ...userinfo, ...claims };
    },
  };
}
