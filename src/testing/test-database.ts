import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { inject } from 'vitest';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from '../server/db/client';
import { copyPgliteTemplate, TEMPLATE_DATABASE } from './global-setup';
import { runStatement } from './postgres-server';

export type TestDatabase = DatabaseHandle & {
  /** How another process would reach it: the URL, or the data directory (whose server this test runs). */
  target: DatabaseTarget;
  drop(): Promise<void>;
};

/** A fresh, migrated database of the kind the current test project runs on. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const kind = inject('databaseKind');
  if (kind === 'postgres') {
    const admin = inject('postgresUrl');
    const name = `klynge_test_${randomBytes(6).toString('hex')}`;
    await runStatement(admin, `create database ${name} template ${TEMPLATE_DATABASE}`);
    const target: DatabaseTarget = {
      kind: 'postgres',
      url: admin.replace(/\/postgres$/, `/${name}`),
      poolSize: 5,
    };
    const handle = await openDatabase(target);
    return {
      ...handle,
      target,
      async drop() {
        await handle.close();
        await runStatement(admin, `drop database if exists ${name} with (force)`);
      },
    };
  }
  if (kind === 'pglite') {
    const dir = copyPgliteTemplate(inject('pgliteTemplateDir'));
    const target: DatabaseTarget = { kind: 'embedded', dataDir: dir };
    const handle = await openDatabase(target);
    return {
      ...handle,
      target: { kind: 'embedded', dataDir: dir },
      async drop() {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  throw new Error(
    'This test needs a database: name it *.routes.test.ts or *.db.test.ts so a database project runs it.',
  );
}
