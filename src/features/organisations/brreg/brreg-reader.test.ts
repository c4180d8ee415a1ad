import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../../shared/csv';
import { referenceFile } from '../../../testing/reference-data';
import { detectFormat, type RawEntry, RegisterFileError, readRegisterFile } from './brreg-reader';
import { parseCsvRecord, parseJsonRecord } from './brreg-record';

const bulkEnheter = referenceFile('enhetsregisteret/bulk-enheter-lastned-sample.json');
const bulkUnderenheter = referenceFile('enhetsregisteret/bulk-underenheter-lastned-sample.json');
const csvHeader = parseCsvText(
  readFileSync(referenceFile('enhetsregisteret/bulk-enheter-csv-columns.txt'), 'utf8'),
).header;

const workDir = mkdtempSync(join(tmpdir(), 'klynge-brreg-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

let fileCount = 0;
function writeTemp(content: string | Buffer, name = `file-${++fileCount}`): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

async function readAll(path: string): Promise<RawEntry[]> {
  const entries: RawEntry[] = [];
  for await (const entry of readRegisterFile(path)) entries.push(entry);
  return entries;
}

/** Reads until the reader fails, and returns the error with the entries it handed on first. */
async function readUntilFailure(path: string): Promise<{ error: RegisterFileError; entries: RawEntry[] }> {
  const entries: RawEntry[] = [];
  try {
    for await (const entry of readRegisterFile(path)) entries.push(entry);
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterFileError);
    return { error: error as RegisterFileError, entries };
  }
  throw new Error('expected the reader to fail');
}

const entryValue = (entry: RawEntry | undefined) => (entry && 'value' in entry ? entry.value : undefined);
const entryRow = (entry: RawEntry | undefined) => (entry && 'row' in entry ? entry.row : undefined);

/** A bulk-shaped JSON array of n distinct enheter, with non-ASCII text so characters straddle chunks. */
function syntheticArray(n: number): string {
  const entries = Array.from({ length: n }, (_, i) => ({
    organisasjonsnummer: String(100_000_000 + i),
    navn: `BEDRIFT NR ${i} – ØRSTA ÆRFUGL ÅS "sitat" \\ ${'ø'.repeat(i % 7)}`,
    organisasjonsform: { kode: 'AS', beskrivelse: 'Aksjeselskap', links: [] },
    naeringskode1: { kode: '62.010', beskrivelse: `Programmeringstjenester {${i}} [${i * 7}]` },
    antallAnsatte: i % 300,
    forretningsadresse: { kommunenummer: '4601', adresse: [`Gate ${i}`], poststed: 'BERGEN' },
  }));
  return `[ ${entries.map((e) => JSON.stringify(e, null, 1)).join(' , ')} ]\n`;
}

describe('detecting the format', () => {
  it('sees JSON in an array or object, after a byte-order mark and white space', () => {
    expect(detectFormat(Buffer.from('[{"a":1}]'))).toBe('json');
    expect(detectFormat(Buffer.from('\uFEFF \n\t[ {'))).toBe('json');
    expect(detectFormat(Buffer.from('{"a":1}'))).toBe('json');
  });

  it('sees CSV in anything else', () => {
    expect(detectFormat(Buffer.from('"organisasjonsnummer","navn"\n'))).toBe('csv');
    expect(detectFormat(Buffer.from('organisasjonsnummer;navn\n'))).toBe('csv');
  });
});

describe('reading the bulk JSON download', () => {
  it('streams the real enheter and underenheter samples entry by entry', async () => {
    const enheter = await readAll(bulkEnheter);
    expect(enheter.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
    const orgnrs = enheter.map((e) => {
      const result = parseJsonRecord(entryValue(e), 'enhet');
      return result.ok ? result.record.orgnr : result.reason;
    });
    expect(orgnrs).toEqual(['899176812', '899177312', '899177622', '899177932', '899178602']);

    const underenheter = await readAll(bulkUnderenheter);
    const parents = underenheter.map((e) => {
      const result = parseJsonRecord(entryValue(e), 'underenhet');
      return result.ok ? result.record.parentOrgnr : result.reason;
    });
    expect(parents).toEqual(['981442075', '981090799', '981100190', '999082645', '981439325']);
  });

  it('yields exactly the objects JSON.parse finds in the array', async () => {
    // About 700 KB: entries straddle the reader's 256 KB chunks.
    const text = syntheticArray(1500);
    const entries = await readAll(writeTemp(text));
    expect(entries.map(entryValue)).toEqual(JSON.parse(text));
  });

  it('reads a gzip file, known by its magic bytes rather than its name, and reports progress', async () => {
    const text = syntheticArray(2000);
    const path = writeTemp(gzipSync(text), 'enheter.json');
    const progress: [number, number][] = [];
    const entries: RawEntry[] = [];
    for await (const entry of readRegisterFile(path, {
      onBytes: (read, total) => progress.push([read, total]),
    })) {
      entries.push(entry);
    }
    expect(entries).toHaveLength(2000);
    expect(entryValue(entries[1999])).toEqual(JSON.parse(text)[1999]);
    const size = statSync(path).size;
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual([size, size]);
    expect(progress.every(([, total]) => total === size)).toBe(true);
  });

  it('stops cleanly when the consumer stops early', async () => {
    const path = writeTemp(gzipSync(syntheticArray(2000)));
    let seen = 0;
    for await (const _ of readRegisterFile(path)) if (++seen === 3) break;
    expect(seen).toBe(3);
  });

  it('fails on a truncated gzip file after handing on the entries before the cut', async () => {
    const compressed = gzipSync(syntheticArray(2500));
    const path = writeTemp(compressed.subarray(0, Math.floor(compressed.length * 0.6)));
    const { error, entries } = await readUntilFailure(path);
    expect(error.message).toMatch(/gzip data ends early \(the file is truncated\)/);
    expect(error.entriesRead).toBe(entries.length);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThan(2500);
  });

  it('fails on a JSON array cut in the middle of an object', async () => {
    const text = readFileSync(bulkEnheter, 'utf8');
    const thirdStart = text.indexOf('"organisasjonsnummer" : "899177622"');
    const path = writeTemp(text.slice(0, thirdStart + 60));
    const { error, entries } = await readUntilFailure(path);
    expect(entries).toHaveLength(2);
    expect(error.entriesRead).toBe(2);
    expect(error.message).toMatch(
      /the file ends inside entry 3, which starts at byte \d+: the JSON array never closes/,
    );
  });

  it('fails on an array that never closes after a complete entry', async () => {
    const { error } = await readUntilFailure(writeTemp('[{"a":1},{"b":2}  '));
    expect(error.entriesRead).toBe(2);
    expect(error.message).toMatch(/the JSON array never closes: the file ends at byte 18, after entry 2$/);
  });

  it('fails on malformed JSON inside an entry, naming the entry and its byte offset', async () => {
    const { error, entries } = await readUntilFailure(writeTemp('[{"a":1},\n {"a": },{"a":3}]'));
    expect(entries.map(entryValue)).toEqual([{ a: 1 }]);
    expect(error.entriesRead).toBe(1);
    expect(error.message).toMatch(/entry 2 at byte 11 is not valid JSON: /);
  });

  it('fails on a missing comma, a non-object entry, and data after the array', async () => {
    expect((await readUntilFailure(writeTemp('[{"a":1} {"b":2}]'))).error.message).toMatch(
      /expected , or \] after entry 1 at byte 9, found '\{'/,
    );
    expect((await readUntilFailure(writeTemp('[{"a":1}, "x"]'))).error.message).toMatch(
      /entry 2 at byte 10 is not a JSON object: it starts with '"'/,
    );
    expect((await readUntilFailure(writeTemp('[{"a":1}] [{"b":2}]'))).error.message).toMatch(
      /unexpected data after the closing \] of the array at byte 10/,
    );
  });

  it('keeps brackets and braces inside strings out of the depth count', async () => {
    const entries = await readAll(
      writeTemp('[{"a":"}]{[\\"\\\\","b":{"c":[1,{"d":"]"}]}}, {"e":"\\u00f8"}]'),
    );
    expect(entries.map(entryValue)).toEqual([{ a: '}]{["\\', b: { c: [1, { d: ']' }] } }, { e: 'ø' }]);
  });

  it('reads an empty array and rejects an empty file', async () => {
    expect(await readAll(writeTemp(' [ ] '))).toEqual([]);
    expect((await readUntilFailure(writeTemp('  \n'))).error.message).toMatch(/the file is empty/);
  });

  it('tells an API response apart from the bulk download', async () => {
    const { error } = await readUntilFailure(
      referenceFile('enhetsregisteret/api-enheter-search-sesam-page0.json'),
    );
    expect(error.message).toMatch(
      /one JSON object, not an array: an API response rather than the bulk download/,
    );
    expect(error.entriesRead).toBe(0);
  });

  it('reads the embedded entries of the real API search pages as records', () => {
    const names: string[] = [];
    for (const page of [
      'api-enheter-search-sesam-page0.json',
      'api-enheter-search-sesam-page1.json',
      'api-enheter-search-asa-page0-size5.json',
    ]) {
      const body = JSON.parse(readFileSync(referenceFile(`enhetsregisteret/${page}`), 'utf8'));
      for (const entry of body._embedded.enheter) {
        const result = parseJsonRecord(entry, 'enhet');
        names.push(result.ok ? result.record.name : result.reason);
      }
    }
    expect(names).toEqual([
      'SESAM AS',
      'SESAM FAMILIEBARNEHAGE',
      'SESAM FILMKLUBB',
      'ABG SUNDAL COLLIER ASA',
      'ABG SUNDAL COLLIER HOLDING ASA',
      'ABL GROUP ASA',
      'AF GRUPPEN ASA',
      'AGILYX ASA',
    ]);
    const equinor = parseJsonRecord(
      JSON.parse(readFileSync(referenceFile('enhetsregisteret/api-enhet-923609016-equinor.json'), 'utf8')),
      'enhet',
    );
    expect(equinor.ok && equinor.record.employees).toBe(21408);
  });

  it('names a missing file', async () => {
    const { error } = await readUntilFailure(join(workDir, 'no-such-file.json'));
    expect(error.message).toMatch(/cannot open the file/);
    expect(error.entriesRead).toBe(0);
  });
});

describe('reading the bulk CSV download', () => {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  const headerLine = csvHeader.map(quote).join(',');

  function csvLine(values: Record<string, string>, delimiter = ','): string {
    return csvHeader.map((name) => quote(values[name] ?? '')).join(delimiter);
  }

  it('reads rows keyed by the real header, with quoted commas, quotes and line breaks', async () => {
    const text = [
      headerLine,
      csvLine({
        organisasjonsnummer: '923609016',
        navn: 'EQUINOR ASA',
        'organisasjonsform.kode': 'ASA',
        'forretningsadresse.adresse': 'Forusbeen 50, bygg "A"',
        'forretningsadresse.kommunenummer': '1103',
        vedtektsfestetFormaal: 'Å utvikle, produsere og markedsføre\r\nulike former for energi',
        harRegistrertAntallAnsatte: 'true',
        antallAnsatte: '21408',
      }),
      csvLine({
        organisasjonsnummer: '976030788',
        navn: 'SESAM AS',
        'forretningsadresse.kommunenummer': '5001',
      }),
      '',
    ].join('\r\n');
    const entries = await readAll(writeTemp(text));
    expect(entries).toHaveLength(2);
    const first = entryRow(entries[0])!;
    expect(Object.keys(first)).toEqual(csvHeader);
    expect(first['forretningsadresse.adresse']).toBe('Forusbeen 50, bygg "A"');
    expect(first.vedtektsfestetFormaal).toBe(
      'Å utvikle, produsere og markedsføre\r\nulike former for energi',
    );
    const record = parseCsvRecord(first, 'enhet');
    expect(record.ok && record.record).toMatchObject({
      orgnr: '923609016',
      employees: 21408,
      municipalityNumber: '1103',
    });
    expect(entries[1]).toMatchObject({ index: 1, row: { navn: 'SESAM AS' } });
  });

  it('accepts semicolons when the header has no comma', async () => {
    const text = `organisasjonsnummer;navn;antallAnsatte\n923609016;"EQUINOR; ASA";21408\n`;
    const entries = await readAll(writeTemp(text));
    expect(entries.map(entryRow)).toEqual([
      { organisasjonsnummer: '923609016', navn: 'EQUINOR; ASA', antallAnsatte: '21408' },
    ]);
  });

  it('reads a large gzip CSV whose rows and characters straddle chunk boundaries', async () => {
    const lines = [headerLine];
    for (let i = 0; i < 1500; i++) {
      lines.push(
        csvLine({ organisasjonsnummer: String(100_000_000 + i), navn: `ÆØÅ ${'å'.repeat(i % 11)}, "${i}"` }),
      );
    }
    const entries = await readAll(writeTemp(gzipSync(`\uFEFF${lines.join('\n')}`)));
    expect(entries).toHaveLength(1500);
    expect(entryRow(entries[1499])?.navn).toBe(`ÆØÅ ${'å'.repeat(1499 % 11)}, "1499"`);
    expect(Object.keys(entryRow(entries[0])!)[0]).toBe('organisasjonsnummer');
  });

  it('fails on a row with the wrong number of fields, naming the entry and line', async () => {
    const text = [
      headerLine,
      csvLine({ navn: 'A' }),
      csvLine({ navn: 'B' }),
      '"only","three","fields"',
      '',
    ].join('\n');
    const { error, entries } = await readUntilFailure(writeTemp(text));
    expect(entries).toHaveLength(2);
    expect(error.entriesRead).toBe(2);
    expect(error.message).toMatch(/CSV entry 3 \(line 4\) has 3 fields, but the header has 90/);
  });

  it('fails on a quote that never closes, after handing on the rows before it', async () => {
    const text = `a,b\n1,2\n3,"never closed\n4,5\n`;
    const { error, entries } = await readUntilFailure(writeTemp(text));
    expect(entries.map(entryRow)).toEqual([{ a: '1', b: '2' }]);
    expect(error.entriesRead).toBe(1);
    expect(error.message).toMatch(/CSV entry 2: the quoted field 2 of the row on line 3 never closes/);
  });

  it('fails on text after a closing quote and on a duplicated column', async () => {
    expect((await readUntilFailure(writeTemp('a,b\n"1"x,2\n'))).error.message).toMatch(
      /line 2: unexpected text after the closing quote of field 1/,
    );
    expect((await readUntilFailure(writeTemp('a,b,a\n1,2,3\n'))).error.message).toMatch(
      /names the column 'a' twice/,
    );
  });
});
