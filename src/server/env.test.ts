import { describe, expect, it } from 'vitest';
import { ConfigError, databaseTarget, loadEnv, seedsDemoOnFirstStart } from './env';

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
    expect(seedsDemoOnFirstStart(loadEnv({ NODE_ENV: 'production' }))).toBe(false);
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

  it('treats empty variables as unset', () => {
    expect(loadEnv({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });
});
