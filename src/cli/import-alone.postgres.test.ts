import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organisations } from '../features/organisations/organisations.table';
import { type DatabaseHandle, openDatabase } from '../server/db/client';
import { runAlone } from '../server/db/run-alone';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { main } from './main';

/**
 * The register's change feed is applied by `klynge import brreg-updates`, which a deployment
 * with several instances may schedule on every host. Started while another host's import runs
 * on the same database, it must do nothing and say so with status 75, and apply the page once
 * the other is done.
 */
const ORGNR = '923609016';
let database: TestDatabase;
let otherHost: DatabaseHandle;
const work = mkdtempSync(join(tmpdir(), 'klynge-import-alone-'));
const feed = join(work, 'oppdateringer.json');
const savedUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  database = await createTestDatabase();
  const { target } = database;
  if (target.kind !== 'postgres') throw new Error('This file runs on a PostgreSQL server.');
  otherHost = await openDatabase(target);
  process.env.DATABASE_URL = target.url;
  writeFileSync(
    feed,
    JSON.stringify({
      _embedded: {
        oppdaterteEnheter: [
          {
            oppdateringsid: 1,
            dato: '2026-06-04T04:00:00.000Z',
            organisasjonsnummer: ORGNR,
            endringstype: 'Ny',
            endringer: [
              {
                op: 'replace',
                path: '',
                value: {
                  organisasjonsnummer: ORGNR,
                  navn: 'NORDLYS ENERGI ASA',
                  organisasjonsform: { kode: 'ASA' },
                  antallAnsatte: 120,
                  harRegistrertAntallAnsatte: true,
                  naeringskode1: { kode: '06.100' },
                  forretningsadresse: { kommunenummer: '1103' },
                },
              },
            ],
          },
        ],
      },
    }),
  );
});
afterAll(async () => {
  if (savedUrl === undefined) delete process.env.DATABASE_URL;
  else process.env.DATABASE_URL = savedUrl;
  await otherHost?.close();
  await database?.drop();
  rmSync(work, { recursive: true, force: true });
});

const imported = async () =>
  (await database.db.select().from(organisations).where(eq(organisations.orgnr, ORGNR))).length;

describe('klynge import on two hosts at once', () => {
  it('does nothing with status 75 while another import runs, and applies the feed once it is done', async () => {
    let started: () => void = () => {};
    const running = new Promise<void>((done) => {
      started = done;
    });
    let finish: () => void = () => {};
    const elsewhere = runAlone(
      otherHost,
      'klynge import',
      () =>
        new Promise<void>((done) => {
          started();
          finish = done;
        }),
    );
    await running;

    expect(await main(['import', 'brreg-updates', feed])).toBe(75);
    expect(await imported()).toBe(0);

    finish();
    expect(await elsewhere).toEqual({ ran: true, result: undefined });
    expect(await main(['import', 'brreg-updates', feed])).toBe(0);
    expect(await imported()).toBe(1);
  });
});
