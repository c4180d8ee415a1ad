import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The real public reference data (counties, municipalities, SN2007, Enhetsregisteret samples)
 * that tests read. It is not part of the repository: it sits beside the checkout in
 * `../shared/data`, or wherever KLYNGE_REFERENCE_DATA points (see CONTRIBUTING.md).
 */
export const REFERENCE_DATA_VARIABLE = 'KLYNGE_REFERENCE_DATA';

const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));

/** The folder the reference data is read from. */
export function referenceDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env[REFERENCE_DATA_VARIABLE];
  return configured ? resolve(configured) : resolve(REPOSITORY, '..', 'shared', 'data');
}

/**
 * The path of one reference file, e.g. `referenceFile('counties.csv')` or
 * `referenceFile('enhetsregisteret/bulk-enheter-lastned-sample.json')`. Throws a message that
 * says where it looked and how to point elsewhere, rather than letting a test fail on ENOENT.
 */
export function referenceFile(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const dir = referenceDataDir(env);
  const path = join(dir, name);
  if (!existsSync(path)) {
    const where = env[REFERENCE_DATA_VARIABLE]
      ? `${REFERENCE_DATA_VARIABLE}=${env[REFERENCE_DATA_VARIABLE]}`
      : `the default ${dir} (the shared data folder beside the checkout)`;
    throw new Error(
      `The reference data file "${name}" is missing: looked in ${where}. ` +
        `Set ${REFERENCE_DATA_VARIABLE} to the folder that holds the shared reference data; CONTRIBUTING.md says where it comes from.`,
    );
  }
  return path;
}
