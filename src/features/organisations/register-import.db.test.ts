import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { PARTNERSHIP_FACTS } from '../../server/features';
import { setupTestApp } from '../../testing/harness';
import { referenceFile } from '../../testing/reference-data';
import { createCluster } from '../clusters/clusters.seed';
import { createMembership } from '../memberships/memberships.seed';
import { createProgramme } from '../programme/programme.seed';
import { importMunicipalities } from '../reference/reference.service';
import { orgnrFromNumber } from './organisations.seed';
import { organisationChanges, organisations } from './organisations.table';
import { importRegisterFile, type Rejection } from './register-import';
import { applyRegisterUpdates } from './register-updates';

const ENHETER = referenceFile('enhetsregisteret/bulk-enheter-lastned-sample.json');
const UNDERENHETER = referenceFile('enhetsregisteret/bulk-underenheter-lastned-sample.json');

const t = setupTestApp();
const work = mkdtempSync(join(tmpdir(), 'klynge-import-'));
const deps = () => ({ db: t.db, clock: t.clock });

async function row(orgnr: string) {
  const [found] = await t.db.select().from(organisations).where(eq(organisations.orgnr, orgnr));
  return found;
}

async function count(): Promise<number> {
  const { rows } = await t.db.execute<{ n: number }>(sql`select count(*)::int as n from organisations`);
  return rows[0]!.n;
}

describe('importing the bulk download', () => {
  beforeAll(async () => {
    await importMunicipalities(
      { db: t.db },
      referenceFile('municipalities.csv'),
      referenceFile('municipality-changes-2024.csv'),
    );
  });

  it('reads the real enheter sample, classifies each record and is idempotent', async () => {
    const first = await importRegisterFile(deps(), ENHETER);
    expect(first).toMatchObject({ status: 'completed', committedEntries: 5 });
    expect(first.counts).toEqual({ read: 5, new: 5, updated: 0, unchanged: 0, rejected: 0 });

    const lebesby = await row('899177312');
    expect(lebesby).toMatchObject({
      name: 'LEBESBY BYGDELAG',
      organisationForm: 'FLI',
      municipalityNumber: '2022',
      countyCode: '56',
      actorType: 'interest_organisation',
      source: 'register',
      registerKind: 'enhet',
    });
    expect((await row('899177932'))?.countyCode).toBe('11');

    const second = await importRegisterFile(deps(), ENHETER);
    expect(second.counts).toEqual({ read: 5, new: 0, updated: 0, unchanged: 5, rejected: 0 });
  });

  it('reads a gzip file the same way, and underenheter with their parent', async () => {
    const gz = join(work, 'enheter.json.gz');
    writeFileSync(gz, gzipSync(readFileSync(ENHETER)));
    expect((await importRegisterFile(deps(), gz)).counts).toMatchObject({ read: 5, unchanged: 5 });

    const under = await importRegisterFile(deps(), UNDERENHETER);
    expect(under.counts).toMatchObject({ read: 5, new: 5, rejected: 0 });
    expect(await row('981453166')).toMatchObject({
      registerKind: 'underenhet',
      parentOrgnr: '999082645',
      countyCode: '32',
    });
  });

  it('reports a record with a bad organisation number and imports the rest', async () => {
    const records = JSON.parse(readFileSync(ENHETER, 'utf8')) as Record<string, unknown>[];
    records[1] = { ...records[1], organisasjonsnummer: '899177313' };
    records[3] = { ...records[3], navn: 'PROFINOVA AS (NYTT NAVN)', antallAnsatte: 12 };
    const path = join(work, 'with-bad.json');
    writeFileSync(path, JSON.stringify(records));
    const rejections: Rejection[] = [];
    const result = await importRegisterFile(deps(), path, { onReject: (r) => rejections.push(r) });
    expect(result.counts).toEqual({ read: 5, new: 0, updated: 1, unchanged: 3, rejected: 1 });
    expect(rejections).toEqual([
      { entry: 2, orgnr: '899177313', reason: expect.stringMatching(/check digit/) },
    ]);
    expect(await row('899177932')).toMatchObject({ name: 'PROFINOVA AS (NYTT NAVN)', employees: 12 });
    const history = await t.db
      .select()
      .from(organisationChanges)
      .where(eq(organisationChanges.organisationId, (await row('899177932'))!.id));
    expect(history).toHaveLength(1);
    expect(history[0]!.changes).toMatchObject({
      name: ['PROFINOVA AS', 'PROFINOVA AS (NYTT NAVN)'],
      employees: [1, 12],
    });
  });

  it('stops at a truncated gzip, keeps what was whole and says exactly how far it got', async () => {
    const records = Array.from({ length: 40 }, (_, i) => ({
      organisasjonsnummer: orgnrs[i],
      navn: `TRUNKERT ${i} AS`,
      organisasjonsform: { kode: 'AS' },
    }));
    const whole = gzipSync(Buffer.from(JSON.stringify(records)));
    const path = join(work, 'truncated.json.gz');
    writeFileSync(path, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const before = await count();
    const result = await importRegisterFile(deps(), path, { batchSize: 7 });
    expect(result.status).toBe('failed');
    expect(result.error).toBeTruthy();
    expect(result.committedEntries).toBeGreaterThan(0);
    expect(result.committedEntries).toBeLessThan(40);
    expect(await count()).toBe(before + result.committedEntries);
  });

  it('stores text with quotes, backslashes and emoji exactly, and sees it unchanged the next time', async () => {
    const orgnr = orgnrFromNumber(79_500_000);
    const name = 'KVOTE "ÆRLIG" \\ SØNN 🚀 AS';
    const path = join(work, 'quoted.json');
    writeFileSync(
      path,
      JSON.stringify([
        {
          organisasjonsnummer: orgnr,
          navn: name,
          organisasjonsform: { kode: 'AS', beskrivelse: 'Aksje\u00adselskap' },
          naeringskode1: { kode: '62.010', beskrivelse: 'Programmering "på bestilling"' },
          forretningsadresse: { kommunenummer: '0301', poststed: 'OSLO' },
        },
      ]),
    );
    expect((await importRegisterFile(deps(), path)).counts).toMatchObject({ new: 1 });
    expect(await row(orgnr)).toMatchObject({
      name,
      organisationFormName: 'Aksje\u00adselskap',
      naceCodes: ['62.010'],
      naceDescriptions: ['Programmering "på bestilling"'],
    });
    expect((await importRegisterFile(deps(), path)).counts).toMatchObject({ new: 0, unchanged: 1 });
  });

  it('keeps an actor-type override through later imports', async () => {
    await t.db
      .update(organisations)
      .set({ actorTypeOverride: 'research', actorType: 'research' })
      .where(eq(organisations.orgnr, '899177932'));
    const records = JSON.parse(readFileSync(ENHETER, 'utf8')) as Record<string, unknown>[];
    records[3] = { ...records[3], antallAnsatte: 400, harRegistrertAntallAnsatte: true };
    const path = join(work, 'override.json');
    writeFileSync(path, JSON.stringify(records));
    await importRegisterFile(deps(), path);
    expect(await row('899177932')).toMatchObject({
      employees: 400,
      actorType: 'research',
      actorTypeOverride: 'research',
    });
  });
});

describe('applying the change feed', () => {
  it('flags bankruptcy, deletion and removal, keeps history, and never deletes a cluster partner', async () => {
    const programme = await createProgramme(t.db);
    const cluster = await createCluster(t.db, programme);
    const partner = (await row('899177622'))!;
    await createMembership(t.db, { clusterId: cluster.id, organisationId: partner.id });

    const feed = {
      _embedded: {
        oppdaterteEnheter: [
          {
            oppdateringsid: 1,
            dato: '2026-06-01T04:00:00.000Z',
            organisasjonsnummer: '899177932',
            endringstype: 'Endring',
            endringer: [{ op: 'replace', path: '/konkurs', value: true }],
          },
          {
            oppdateringsid: 2,
            dato: '2026-06-02T04:00:00.000Z',
            organisasjonsnummer: '899176812',
            endringstype: 'Sletting',
          },
          {
            oppdateringsid: 3,
            dato: '2026-06-03T04:00:00.000Z',
            organisasjonsnummer: '899177622',
            endringstype: 'Fjernet',
          },
          {
            oppdateringsid: 4,
            dato: '2026-06-03T04:00:00.000Z',
            organisasjonsnummer: '899178602',
            endringstype: 'Fjernet',
          },
          {
            oppdateringsid: 5,
            dato: '2026-06-04T04:00:00.000Z',
            organisasjonsnummer: '923609016',
            endringstype: 'Ny',
            endringer: [
              {
                op: 'replace',
                path: '',
                value: {
                  organisasjonsnummer: '923609016',
                  navn: 'EQUINOR ASA',
                  organisasjonsform: { kode: 'ASA' },
                  antallAnsatte: 21408,
                  harRegistrertAntallAnsatte: true,
                  naeringskode1: { kode: '06.100' },
                  forretningsadresse: { kommunenummer: '1103' },
                },
              },
            ],
          },
          {
            oppdateringsid: 6,
            dato: '2026-06-04T04:00:00.000Z',
            organisasjonsnummer: '974760673',
            endringstype: 'Endring',
            endringer: [{ op: 'replace', path: '/antallAnsatte', value: 3 }],
          },
        ],
      },
    };
    const path = join(work, 'feed.json');
    writeFileSync(path, JSON.stringify(feed));
    const summary = await applyRegisterUpdates(deps(), path, PARTNERSHIP_FACTS);
    expect(summary).toMatchObject({ entries: 6, created: 1, removed: 1, keptBecauseMember: 1 });
    expect(summary.rejected.map((r) => r.orgnr)).toEqual(['974760673']);

    const bankrupt = (await row('899177932'))!;
    expect(bankrupt.bankrupt).toBe(true);
    const kinds = await t.db
      .select({ kind: organisationChanges.kind })
      .from(organisationChanges)
      .where(eq(organisationChanges.organisationId, bankrupt.id));
    expect(kinds.map((k) => k.kind)).toContain('bankrupt');

    expect((await row('899176812'))?.deletedOn).toBe('2026-06-02');
    expect((await row('899177622'))?.deletedOn).toBe('2026-06-03');
    expect(await row('899178602')).toBeUndefined();
    expect(await row('923609016')).toMatchObject({
      name: 'EQUINOR ASA',
      actorType: 'large_company',
      countyCode: '11',
    });
  });
});

describe('GET /api/organisations', () => {
  it('finds organisations by name and by the first digits of the number', async () => {
    const byName = await t.get('/api/organisations?q=equinor');
    expect(byName.status).toBe(200);
    expect(byName.body.items.map((o: { orgnr: string }) => o.orgnr)).toEqual(['923609016']);
    expect(byName.body.matched).toBe('full_text');
    const byNumber = await t.get('/api/organisations?q=8991');
    expect(byNumber.body.matched).toBe('orgnr_prefix');
    expect(byNumber.body.items.every((o: { orgnr: string }) => o.orgnr.startsWith('8991'))).toBe(true);
    const fuzzy = await t.get('/api/organisations?q=eqinor');
    expect(fuzzy.body.matched).toBe('fuzzy');
    expect(fuzzy.body.items[0].orgnr).toBe('923609016');
  });

  it('shows the register facts and the date of the last import on the organisation', async () => {
    const { body, status } = await t.get('/api/organisations/899177932');
    expect(status).toBe(200);
    expect(body.register).toMatchObject({ source: 'register', bankrupt: true, kind: 'enhet' });
    expect(body.register.lastImportAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(body.actorTypeOverridden).toBe(true);
  });
});

/** Valid organisation numbers for made-up records. */
const orgnrs = Array.from({ length: 40 }, (_, i) => orgnrFromNumber(81_000_000 + i * 37));
