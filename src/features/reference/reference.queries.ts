import { inArray } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { industryCodes, municipalities, municipalityRenumberings } from './reference.table';
import type { MunicipalityReference, Sn2007Code } from './reference-files';

export function listMunicipalities(db: Db) {
  return db.select().from(municipalities);
}

export function listRenumberings(db: Db) {
  return db.select().from(municipalityRenumberings);
}

export function listIndustryCodes(db: Db, codes: string[]) {
  return db
    .select({ code: industryCodes.code, nameNb: industryCodes.nameNb, nameEn: industryCodes.nameEn })
    .from(industryCodes)
    .where(inArray(industryCodes.code, codes));
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 1_000) await write(rows.slice(i, i + 1_000));
}

/** Replaces both municipality tables; call inside a transaction. */
export async function replaceMunicipalities(tx: Db, reference: MunicipalityReference) {
  await tx.delete(municipalityRenumberings);
  await tx.delete(municipalities);
  await inChunks([...reference.municipalities], (chunk) =>
    tx
      .insert(municipalities)
      .values(chunk.map(([number, m]) => ({ number, name: m.name, countyCode: m.countyCode }))),
  );
  await inChunks([...reference.renumbered], (chunk) =>
    tx
      .insert(municipalityRenumberings)
      .values(chunk.map(([oldNumber, newNumber]) => ({ oldNumber, newNumber }))),
  );
}

/** Replaces the industry code list; call inside a transaction. */
export async function replaceIndustryCodes(tx: Db, codes: Map<string, Sn2007Code>) {
  await tx.delete(industryCodes);
  await inChunks([...codes], (chunk) =>
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
}
