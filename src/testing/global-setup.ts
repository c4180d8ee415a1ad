// Run once per test project before any test file: prepares a migrated template database of the
// project's kind, which each test file then copies, so every file starts from a clean schema.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../server/db/client';
import { migrateDatabase } from '../server/db/migrate';
import { runStatement, startPostgresServer } from './postgres-server';

export const TEMPLATE_DATABASE = 'klynge_template';

export default async function setup(project: TestProject) {
  const kind = project.config.provide.databaseKind;
  if (kind === 'postgres') {
    const server = await startPostgresServer();
    await runStatement(server.url('postgres'), `create database ${TEMPLATE_DATABASE}`);
    const handle = await openDatabase({ kind: 'postgres', url: server.url(TEMPLATE_DATABASE) });
    await migrateDatabase(handle);
    await handle.close();
    project.provide('postgresUrl', server.url('postgres'));
    return () => server.stop();
  }
  const dir = mkdtempSync(join(tmpdir(), 'klynge-pglite-template-'));
  const handle = await openDatabase({ kind: 'embedded', dataDir: dir });
  await migrateDatabase(handle);
  await handle.close();
  project.provide('pgliteTemplateDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

/** Copies the template data directory (the embedded database is closed, so the copy is consistent). */
export function copyPgliteTemplate(template: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'klynge-pglite-'));
  cpSync(template, dir, { recursive: true });
  return dir;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseKind: 'pglite' | 'postgres' | 'none';
    pgliteTemplateDir: string;
    postgresUrl: string;
  }
}
