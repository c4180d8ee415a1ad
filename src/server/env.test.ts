import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  databaseTarget,
  databaseTimeouts,
  loadEnv,
  publicUrlOf,
  seedsDemoOnFirstStart,
  singleSignOnSettings,
} from './env';

const PUBLIC = 'https://klynge.example.no';

function configError(source: Record<string, string>): string {
  try {
    loadEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('The configuration was accepted.');
}

describe('configuration', () => {
  it('defaults to the embedded database in ./data on port 3000', () => {
    const env = loadEnv({});
    expect(env.PORT).toBe(3000);
    expect(databaseTarget(env)).toEqual({ kind: 'embedded', dataDir: './data' });
    expect(seedsDemoOnFirstStart(env)).toBe(true);
  });

  it('switches to a PostgreSQL server with DATABASE_URL and then never seeds demo data', () => {
    const env = loadEnv({ DATABASE_URL: 'postgres://klynge@db/klynge' });
    expect(databaseTarget(env)).toMatchObject({ kind: 'postgres', url: 'postgres://klynge@db/klynge' });
    expect(seedsDemoOnFirstStart(env)).toBe(false);
    expect(seedsDemoOnFirstStart(loadEnv({ NODE_ENV: 'production', PUBLIC_URL: PUBLIC }))).toBe(false);
  });

  it('names every bad variable in one clear message', () => {
    let error: unknown;
    try {
      loadEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL: must be a postgres:// or postgresql:// connection URL');
    expect(message).toContain('LOG_LEVEL');
  });

  it('keeps public answers for anonymous readers 30 seconds unless told otherwise, and 0 turns that off', () => {
    expect(loadEnv({}).READ_CACHE_SECONDS).toBe(30);
    expect(loadEnv({ READ_CACHE_SECONDS: '0' }).READ_CACHE_SECONDS).toBe(0);
    expect(() => loadEnv({ READ_CACHE_SECONDS: '-1' })).toThrow(/READ_CACHE_SECONDS/);
    expect(() => loadEnv({ READ_CACHE_SECONDS: '3600' })).toThrow(/READ_CACHE_SECONDS/);
  });

  it('gives up on the database after 5 s to connect, 15 s a statement and 30 s idle in a transaction, unless told otherwise', () => {
    expect(databaseTimeouts(loadEnv({}))).toEqual({
      connectMs: 5_000,
      statementMs: 15_000,
      idleInTransactionMs: 30_000,
    });
    expect(
      databaseTimeouts(
        loadEnv({
          DATABASE_CONNECT_TIMEOUT_SECONDS: '2',
          DATABASE_STATEMENT_TIMEOUT_SECONDS: '0',
          DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: '120',
        }),
      ),
    ).toEqual({ connectMs: 2_000, statementMs: 0, idleInTransactionMs: 120_000 });
    const message = configError({
      DATABASE_CONNECT_TIMEOUT_SECONDS: '0',
      DATABASE_STATEMENT_TIMEOUT_SECONDS: 'long',
    });
    expect(message).toContain('DATABASE_CONNECT_TIMEOUT_SECONDS');
    expect(message).toContain('DATABASE_STATEMENT_TIMEOUT_SECONDS');
  });

  it('refuses to start in production without PUBLIC_URL, saying what it is for', () => {
    const message = configError({ NODE_ENV: 'production', DATABASE_URL: 'postgres://klynge@db/klynge' });
    expect(message).toContain('PUBLIC_URL: is required in production');
    expect(message).toContain('https://klynge.example.no');
    expect(configError({ NODE_ENV: 'production', PUBLIC_URL: '' })).toContain('PUBLIC_URL: is required');
    expect(publicUrlOf(loadEnv({ NODE_ENV: 'production', PUBLIC_URL: PUBLIC }))).toBe(PUBLIC);
  });

  it('takes only an http or https address as PUBLIC_URL', () => {
    expect(configError({ PUBLIC_URL: 'klynge.example.no' })).toContain('PUBLIC_URL');
    expect(configError({ PUBLIC_URL: 'ftp://klynge.example.no' })).toContain(
      'PUBLIC_URL: must be an http:// or https:// address',
    );
  });

  it('is at http://localhost on its own port outside production when PUBLIC_URL is unset', () => {
    expect(publicUrlOf(loadEnv({}))).toBe('http://localhost:3000');
    expect(publicUrlOf(loadEnv({ PORT: '8080', NODE_ENV: 'test' }))).toBe('http://localhost:8080');
    expect(publicUrlOf(loadEnv({ PUBLIC_URL: 'http://klynge.test:8080' }))).toBe('http://klynge.test:8080');
  });

  it('treats empty variables as unset', () => {
    expect(loadEnv({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });

  it('has no single sign-on unless a provider is configured', () => {
    expect(singleSignOnSettings(loadEnv({}))).toBeUndefined();
  });

  it('configures single sign-on with defaults for scopes and the matching claim', () => {
    const env = loadEnv({
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0',
      OIDC_CLIENT_ID: 'klynge',
      OIDC_DISPLAY_NAME: 'Entra ID',
    });
    expect(singleSignOnSettings(env)).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
      clientId: 'klynge',
      clientSecret: undefined,
      scopes: 'openid email profile',
      matchClaim: 'email',
      displayName: 'Entra ID',
    });
  });

  it('refuses a partial single sign-on configuration, naming what is missing', () => {
    const message = configError({ OIDC_ISSUER: 'https://idporten.no', OIDC_CLIENT_SECRET: 'secret' });
    expect(message).toContain(
      'OIDC_CLIENT_ID: is required for single sign-on, since OIDC_ISSUER, OIDC_CLIENT_SECRET are set',
    );
    expect(message).toContain('OIDC_DISPLAY_NAME: is required');
    expect(message).not.toContain('OIDC_ISSUER:');
    expect(configError({ OIDC_MATCH_CLAIM: 'preferred_username' })).toContain('OIDC_ISSUER: is required');
  });

  it('refuses scopes without openid and plain http to a provider elsewhere or in production', () => {
    const base = { OIDC_CLIENT_ID: 'klynge', OIDC_DISPLAY_NAME: 'ID-porten' };
    expect(configError({ ...base, OIDC_ISSUER: 'https://idporten.no', OIDC_SCOPES: 'profile' })).toContain(
      'OIDC_SCOPES: must include openid',
    );
    expect(configError({ ...base, OIDC_ISSUER: 'http://idporten.no' })).toContain(
      'OIDC_ISSUER: must use https',
    );
    expect(
      configError({
        ...base,
        OIDC_ISSUER: 'http://127.0.0.1:4000',
        NODE_ENV: 'production',
        PUBLIC_URL: PUBLIC,
      }),
    ).toContain('OIDC_ISSUER: must use https');
    expect(singleSignOnSettings(loadEnv({ ...base, OIDC_ISSUER: 'http://localhost:4000' }))?.issuer).toBe(
      'http://localhost:4000',
    );
  });
});
