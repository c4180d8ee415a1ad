import { readFile } from 'node:fs/promises';
import { inArray } from 'drizzle-orm';
import type { Database, Db } from '../../server/db/client';
import { industryCodes, municipalities, municipalityRenumberings } from './reference.table';
import { type MunicipalityReference, parseMunicipalityReference, parseSn2007 } from './reference-files';

/** The loaded municipality register, or undefined before anyone imported it (callers fall back). */
export async function loadMunicipalityReference(db: Db): Promise<MunicipalityReference | undefined> {
  const [rows, renumbered] = await Promise.all([
    db.select().from(municipalities),
    db.select().from(municipalityRenumberings),
  ]);
  if (rows.length === 0) return undefined;
  return {
    municipalities: new Map(rows.map((r) => [r.number, { name: r.name, countyCode: r.countyCode }])),
    renumbered: new Map(renumbered.map((r) => [r.oldNumber, r.newNumber])),
  };
}

async function chunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Replaces the municipality register with the file's (and the renumbering list, when given). */
export async function importMunicipalities(db: Database, path: string, changesPath?: string) {
  const reference = parseMunicipalityReference(
    await readFile(path, 'utf8'),
    changesPath ? await readFile(changesPath, 'utf8') : undefined,
  );
  await db.transaction(async (tx) => {
    await tx.delete(municipalityRenumberings);
    await tx.delete(municipalities);
    await chunks([...reference.municipalities], 1_000, (chunk) =>
      tx
        .insert(municipalities)
        .values(chunk.map(([number, m]) => ({ number, name: m.name, countyCode: m.countyCode }))),
    );
    await chunks([...reference.renumbered], 1_000, (chunk) =>
      tx
        .insert(municipalityRenumberings)
        .values(chunk.map(([oldNumber, newNumber]) => ({ oldNumber, newNumber }))),
    );
  });
  return { municipalities: reference.municipalities.size, renumbered: reference.renumbered.size };
}

/** Replaces the SN2007 code list with the file's. */
export async function importSn2007(db: Database, path: string) {
  const codes = parseSn2007(await readFile(path, 'utf8'));
  await db.transaction(async (tx) => {
    await tx.delete(industryCodes);
    await chunks([...codes], 1_000, (chunk) =>
      tx.insert(industryCodes).values(
        chunk.map(([code, c]) => ({
          code,
          level: c.level,
          parentCode: c.parent,
          section: c.section,
          nameNb: c.nameNb,
          nameEn: c.nameEn,
        })),
      ),
    );
  });
  return { codes: codes.size };
}

/** Names for industry codes; codes the list does not have are simply absent from the map. */
export async function findIndustryNames(db: Db, codes: string[]) {
  if (codes.length === 0) return new Map<string, { nb: string; en: string | null }>();
  const rows = await db
    .select({ code: industryCodes.code, nameNb: industryCodes.nameNb, nameEn: industryCodes.nameEn })
    .from(industryCodes)
    .where(inArray(industryCodes.code, codes));
  return new Map(rows.map((r) => [r.code, { nb: r.nameNb, en: r.nameEn }]));
}
