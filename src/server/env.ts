import { z } from 'zod';
import type { DatabaseTarget } from './db/client';

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  KLYNGE_DATA_DIR: z.string().min(1).default('./data'),
  /** The address people use, e.g. https://klynge.example.no, when a proxy sits in front. */
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://klynge.example.no' }).optional(),
  /** Where mail goes: smtp://user:password@host:587 or smtps://…; without it, mail stays in the outbox. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Klynge <no-reply@klynge.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Seconds to finish in-flight requests after SIGTERM before closing anyway. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and checks the configuration, naming every bad variable at once. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Klynge cannot start: the configuration is not valid.\n${lines.join('\n')}`);
  }
  return result.data;
}

export function databaseTarget(env: Env): DatabaseTarget {
  return env.DATABASE_URL
    ? { kind: 'postgres', url: env.DATABASE_URL, poolSize: env.DATABASE_POOL_SIZE }
    : { kind: 'embedded', dataDir: env.KLYNGE_DATA_DIR };
}

/** Only the embedded default fills an empty database with demo data; production starts empty. */
export function seedsDemoOnFirstStart(env: Env): boolean {
  return env.NODE_ENV !== 'production' && !env.DATABASE_URL;
}
