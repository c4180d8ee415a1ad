import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REFERENCE_DATA_VARIABLE, referenceDataDir, referenceFile } from './reference-data';

describe('the reference data helper', () => {
  it('finds the shared data folder beside the checkout by default', () => {
    expect(referenceDataDir({})).toMatch(/\/shared\/data$/);
  });

  it('reads from the folder the environment variable names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klynge-reference-'));
    writeFileSync(join(dir, 'counties.csv'), 'code;name\n');
    expect(referenceFile('counties.csv', { [REFERENCE_DATA_VARIABLE]: dir })).toBe(join(dir, 'counties.csv'));
  });

  it('says where it looked and which variable to set when a file is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'klynge-reference-'));
    expect(() => referenceFile('sn2007.csv', { [REFERENCE_DATA_VARIABLE]: dir })).toThrow(
      new RegExp(
        `"sn2007.csv" is missing: looked in ${REFERENCE_DATA_VARIABLE}=${dir}.*Set ${REFERENCE_DATA_VARIABLE}`,
      ),
    );
  });
});
