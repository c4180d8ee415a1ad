// A real OpenID Connect provider (oidc-provider) on a loopback port, for tests of single sign-on.
// It signs with its own key, requires PKCE, and offers its development login and consent pages,
// which signInAtProvider fills in the way a person would.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Provider from 'oidc-provider';
import type { SingleSignOnSettings } from '../features/accounts/oidc-client';

/** A person at the provider, by the login typed into its form. */
export type ProviderPerson = { email?: string; email_verified?: boolean; name?: string };

export const PUBLIC_CLIENT_ID = 'klynge-public';
export const CONFIDENTIAL_CLIENT = { id: 'klynge-confidential', secret: randomBytes(24).toString('hex') };

export type TestProvider = {
  issuer: string;
  /** The people who can sign in, by login; change them to change what the provider says next time. */
  people: Map<string, ProviderPerson>;
  /** Settings for Klynge with the public client, unless told otherwise. */
  settings(overrides?: Partial<SingleSignOnSettings>): SingleSignOnSettings;
  /**
   * Follows an authorization URL through the provider as a browser would: signs in as `login`
   * (or declines) and consents, and returns the URL the provider sends the browser back to.
   */
  signIn(authorizationUrl: string, login: string, options?: { decline?: boolean }): Promise<URL>;
  close(): Promise<void>;
};

export async function startTestProvider(options: {
  redirectUris: string[];
  people: Record<string, ProviderPerson>;
}): Promise<TestProvider> {
  const people = new Map(Object.entries(options.people));
  let handle: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) =>
    response.writeHead(503).end();
  const server = createServer((request, response) => handle(request, response));
  const port = await new Promise<number>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      done(typeof address === 'object' && address ? address.port : 0);
    });
  });
  const issuer = `http://127.0.0.1:${port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const common = {
    redirect_uris: options.redirectUris,
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
  const provider = new Provider(issuer, {
    clients: [
      { ...common, client_id: PUBLIC_CLIENT_ID, token_endpoint_auth_method: 'none' },
      {
        ...common,
        client_id: CONFIDENTIAL_CLIENT.id,
        client_secret: CONFIDENTIAL_CLIENT.secret,
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    pkce: { required: () => true },
    jwks: { keys: [{ ...signingKey, alg: 'RS256', use: 'sig', kid: 'test' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    features: { devInteractions: { enabled: true } },
    ttl: {
      Interaction: 600,
      Session: 600,
      Grant: 600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    async findAccount(_context: unknown, id: string) {
      const person = people.get(id);
      return person && { accountId: id, claims: async () => ({ sub: id, ...person }) };
    },
  });
  handle = provider.callback();

  return {
    issuer,
    people,
    settings: (overrides = {}) => ({
      issuer,
      clientId: PUBLIC_CLIENT_ID,
      scopes: 'openid email profile',
      matchClaim: 'email',
      displayName: 'Testleverandøren',
      ...overrides,
    }),
    signIn: (authorizationUrl, login, signInOptions = {}) =>
      driveBrowser(issuer, new URL(authorizationUrl), login, signInOptions.decline ?? false),
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}

/** The provider's pages as a browser sees them: redirects followed, cookies kept, forms submitted. */
async function driveBrowser(issuer: string, start: URL, login: string, decline: boolean): Promise<URL> {
  const cookies = new Map<string, string>();
  const request = async (url: URL, body?: Record<string, string>) => {
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: body ? new URLSearchParams(body) : undefined,
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (value === '') cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    return response;
  };

  let url = start;
  let form: Record<string, string> | undefined;
  for (let step = 0; step < 20; step += 1) {
    if (url.origin !== issuer) return url;
    const response = await request(url, form);
    form = undefined;
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      continue;
    }
    const page = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!response.ok || !prompt || !action) {
      throw new Error(`The provider answered ${response.status} at ${url.pathname}: ${page.slice(0, 300)}`);
    }
    if (decline) {
      url = new URL(`${new URL(action, url).pathname}/abort`, url);
      continue;
    }
    url = new URL(action, url);
    form = prompt === 'login' ? { prompt, login, password: 'any password will do' } : { prompt };
  }
  throw new Error('The provider kept redirecting.');
}
