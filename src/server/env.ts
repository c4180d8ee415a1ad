import { z } from 'zod';
import { isLoopbackUrl, type SingleSignOnSettings } from '../features/accounts/oidc-client';
import { type DatabaseTarget, type DatabaseTimeouts, DEFAULT_DATABASE_TIMEOUTS } from './db/client';

const OIDC_VARIABLES = [
  'OIDC_ISSUER',
  'OIDC_CLIENT_ID',
  'OIDC_CLIENT_SECRET',
  'OIDC_SCOPES',
  'OIDC_MATCH_CLAIM',
  'OIDC_DISPLAY_NAME',
] as const;
/** Single sign-on is configured all or nothing: these are needed once any OIDC_ variable is set. */
const OIDC_REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_DISPLAY_NAME'] as const;

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Connecting to the database, or waiting for a free connection, before answering 503. */
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(0.1)
    .max(60)
    .default(DEFAULT_DATABASE_TIMEOUTS.connectMs / 1000),
  /** The longest statement on a PostgreSQL server; 0 for none. */
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(0)
    .max(3_600)
    .default(DEFAULT_DATABASE_TIMEOUTS.statementMs / 1000),
  /** The longest a transaction on a PostgreSQL server may sit idle; 0 for none. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(0)
    .max(3_600)
    .default(DEFAULT_DATABASE_TIMEOUTS.idleInTransactionMs / 1000),
  KLYNGE_DATA_DIR: z.string().min(1).default('./data'),
  /**
   * The address people use, e.g. https://klynge.example.no: links in e-mails point there, and
   * cookies are Secure when it is https. Required in production; see publicUrlOf for elsewhere.
   */
  PUBLIC_URL: z
    .url({ message: 'must be an absolute URL such as https://klynge.example.no' })
    .refine((url) => /^https?:\/\//i.test(url), 'must be an http:// or https:// address')
    .optional(),
  /** Where mail goes: smtp://user:password@host:587 or smtps://…; without it, mail stays in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Klynge <no-reply@klynge.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seconds to finish in-flight requests after SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  /** The OpenID Connect provider for single sign-on, e.g. https://idporten.no. */
  OIDC_ISSUER: z
    .url({ message: "must be the provider's issuer URL, such as https://idporten.no" })
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Absent for a public client, which then proves itself with PKCE alone. */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z
    .string()
    .refine((scopes) => scopes.split(/\s+/).includes('openid'), 'must include openid')
    .optional(),
  /** The ID token claim compared with an account's e-mail address when an identity is not yet linked. */
  OIDC_MATCH_CLAIM: z
    .string()
    .regex(/^[\w.:-]+$/, 'must be the name of a claim, such as email')
    .optional(),
  /** What the sign-in button calls the provider: "Sign in with {OIDC_DISPLAY_NAME}". */
  OIDC_DISPLAY_NAME: z.string().min(1).max(60).optional(),
  /**
   * How many proxies in front of Klynge add to X-Forwarded-For: the client's address (for sign-in
   * throttling) is read that many hops from the right. 0, the default, ignores the header.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** How long anonymous readers may be served a kept public answer; 0 turns the read cache off. */
  READ_CACHE_SECONDS: z.coerce.number().min(0).max(60).default(30),
});

/** Checks across variables: the public address in production, single sign-on all or nothing, https to the provider. */
const CheckedEnvSchema = EnvSchema.superRefine((env, context) => {
  if (env.NODE_ENV === 'production' && env.PUBLIC_URL === undefined) {
    context.addIssue({
      code: 'custom',
      path: ['PUBLIC_URL'],
      message:
        'is required in production: the address people reach Klynge at, such as https://klynge.example.no. ' +
        'Links in e-mails point there and cookies are Secure when it is https; nothing is taken from the request.',
    });
  }
  const given = OIDC_VARIABLES.filter((name) => env[name] !== undefined);
  if (given.length > 0) {
    for (const name of OIDC_REQUIRED.filter((required) => env[required] === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [name],
        message: `is required for single sign-on, since ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set`,
      });
    }
  }
  if (
    env.OIDC_ISSUER?.startsWith('http:') &&
    (env.NODE_ENV === 'production' || !isLoopbackUrl(env.OIDC_ISSUER))
  ) {
    context.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message:
        'must use https (plain http is allowed only for a provider on this machine, outside production)',
    });
  }
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the configuration, naming every bad variable at once. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = CheckedEnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Klynge cannot start: the configuration is not valid.\n${lines.join('\n')}`);
  }
  return result.data;
}

/**
 * The site's address: PUBLIC_URL, or outside production (where it may be unset) this machine on
 * PORT. Never the Host a request names, which its sender chooses.
 */
export function publicUrlOf(env: Env): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

export function databaseTarget(env: Env): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
    : { kind: 'embedded', dataDir: env.KLYNGE_DATA_DIR };
}

/** How long the server waits on its database before answering 503 (decision 019). */
export function databaseTimeouts(env: Env): DatabaseTimeouts {
  return {
    connectMs: env.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000,
    statementMs: env.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000,
    idleInTransactionMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS * 1000,
  };
}

/** The single sign-on provider, when one is configured. */
export function singleSignOnSettings(env: Env): SingleSignOnSettings | undefined {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_DISPLAY_NAME) return undefined;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    scopes: env.OIDC_SCOPES ?? 'openid email profile',
    matchClaim: env.OIDC_MATCH_CLAIM ?? 'email',
    displayName: env.OIDC_DISPLAY_NAME,
  };
}

/** Only the embedded default fills an empty database with demo data; production starts empty. */
export function seedsDemoOnFirstStart(env: Env): boolean {
  return env.NODE_ENV !== 'production' && !env.DATABASE_URL;
}
