import { readFile } from 'node:fs/promises';
import type { ServiceContext } from '../../server/service-context';
import {
  listIndustryCodes,
  listMunicipalities,
  listRenumberings,
  replaceIndustryCodes,
  replaceMunicipalities,
} from './reference.queries';
import { type MunicipalityReference, parseMunicipalityReference, parseSn2007 } from './reference-files';

/** The loaded municipality register, or undefined before anyone imported it (callers fall back). */
export async function loadMunicipalityReference({
  db,
}: Pick<ServiceContext, 'db'>): Promise<MunicipalityReference | undefined> {
  const [rows, renumbered] = await Promise.all([listMunicipalities(db), listRenumberings(db)]);
  if (rows.length === 0) return undefined;
  return {
    municipalities: new Map(rows.map((r) => [r.number, { name: r.name, countyCode: r.countyCode }])),
    renumbered: new Map(renumbered.map((r) => [r.oldNumber, r.newNumber])),
  };
}

/** Replaces the municipality register with the file's (and the renumbering list, when given). */
export async function importMunicipalities(
  { db }: Pick<ServiceContext, 'db'>,
  path: string,
  changesPath?: string,
) {
  const reference = parseMunicipalityReference(
    await readFile(path, 'utf8'),
    changesPath ? await readFile(changesPath, 'utf8') : undefined,
  );
  await db.transaction((tx) => replaceMunicipalities(tx, reference));
  return { municipalities: reference.municipalities.size, renumbered: reference.renumbered.size };
}

/** Replaces the SN2007 code list with the file's. */
export async function importSn2007({ db }: Pick<ServiceContext, 'db'>, path: string) {
  const codes = parseSn2007(await readFile(path, 'utf8'));
  await db.transaction((tx) => replaceIndustryCodes(tx, codes));
  return { codes: codes.size };
}

/** Names for industry codes; codes the list does not have are simply absent from the map. */
export async function findIndustryNames({ db }: Pick<ServiceContext, 'db'>, codes: string[]) {
  if (codes.length === 0) return new Map<string, { nb: string; en: string | null }>();
  const rows = await listIndustryCodes(db, codes);
  return new Map(rows.map((r) => [r.code, { nb: r.nameNb, en: r.nameEn }]));
}
