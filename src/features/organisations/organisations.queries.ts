import { and, asc, desc, eq, getTableColumns, inArray, like, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { norwegianSortKey } from '../../shared/sort-key';
import type { ActorType } from './actor-type';
import type { ListOrganisationsQuery } from './organisations.contract';
import { organisations } from './organisations.table';

// Every column but the search vector, which no answer shows.
const { search: _organisationSearch, ...organisationColumns } = getTableColumns(organisations);

export async function findByOrgnr(db: Db, orgnr: string) {
  const [row] = await db
    .select(organisationColumns)
    .from(organisations)
    .where(eq(organisations.orgnr, orgnr))
    .limit(1);
  return row;
}

export async function findNameByOrgnr(db: Db, orgnr: string) {
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.orgnr, orgnr))
    .limit(1);
  return row?.name;
}

export type OrganisationRow = typeof organisations.$inferSelect;

export type OrganisationMatch = 'all' | 'orgnr_prefix' | 'full_text' | 'fuzzy';

/** Searches the whole register copy; uses the orgnr prefix index, the full-text index or the trigram index. */
export async function searchOrganisationPage(db: Db, query: ListOrganisationsQuery, mode: OrganisationMatch) {
  const q = query.q ?? '';
  const conditions: (SQL | undefined)[] = [
    query.county ? eq(organisations.countyCode, query.county) : undefined,
    query.actorType ? eq(organisations.actorType, query.actorType) : undefined,
  ];
  let relevance: SQL<number> = sql<number>`0`;
  const tsQuery = sql`websearch_to_tsquery('norwegian', ${q})`;
  if (mode === 'orgnr_prefix') conditions.push(like(organisations.orgnr, `${q.replace(/\s/g, '')}%`));
  if (mode === 'full_text') {
    conditions.push(sql`${organisations.search} @@ ${tsQuery}`);
    relevance = sql<number>`ts_rank(${organisations.search}, ${tsQuery})`;
  }
  if (mode === 'fuzzy') {
    // The % operator (not the similarity function) lets PostgreSQL use the trigram index.
    conditions.push(sql`${organisations.name} % ${q}`);
    relevance = sql<number>`similarity(${organisations.name}, ${q})`;
  }
  const where = and(...conditions);
  const order = mode === 'full_text' || mode === 'fuzzy' ? [desc(relevance)] : [];
  const [rows, [total]] = await Promise.all([
    db
      .select({
        orgnr: organisations.orgnr,
        name: organisations.name,
        organisationForm: organisations.organisationForm,
        actorType: organisations.actorType,
        countyCode: organisations.countyCode,
        municipalityName: organisations.municipalityName,
        employees: organisations.employees,
        bankrupt: organisations.bankrupt,
        deletedOn: organisations.deletedOn,
      })
      .from(organisations)
      .where(where)
      .orderBy(...order, sql`${organisations.nameSortKey} collate "C"`, asc(organisations.orgnr))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(organisations).where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}

export async function insertUnverifiedOrganisation(
  db: Db,
  input: {
    orgnr: string;
    name: string;
    actorType: ActorType;
    actorTypeOverride: ActorType | null;
    now: Date;
  },
) {
  const [row] = await db
    .insert(organisations)
    .values({
      orgnr: input.orgnr,
      name: input.name,
      nameSortKey: norwegianSortKey(input.name),
      actorType: input.actorType,
      actorTypeOverride: input.actorTypeOverride,
      source: 'unverified',
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning();
  return row!;
}

export async function updateActorType(
  db: Db,
  id: string,
  values: {
    actorType: ActorType;
    actorTypeOverride: ActorType | null;
    actorTypeDerived: ActorType | null;
    now: Date;
  },
) {
  await db
    .update(organisations)
    .set({
      actorType: values.actorType,
      actorTypeOverride: values.actorTypeOverride,
      actorTypeDerived: values.actorTypeDerived,
      updatedAt: values.now,
    })
    .where(eq(organisations.id, id));
}

export async function updateContact(
  db: Db,
  id: string,
  values: { email: string | null; phone: string | null; now: Date },
) {
  await db
    .update(organisations)
    .set({ contactEmail: values.email, contactPhone: values.phone, updatedAt: values.now })
    .where(eq(organisations.id, id));
}

// Lookups for other features' services (accounts turns role scopes into names and back).

/** The id and name of each organisation among these numbers. */
export function listOrganisationIdsByOrgnrs(db: Db, orgnrs: string[]) {
  return db
    .select({ id: organisations.id, orgnr: organisations.orgnr, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.orgnr, orgnrs));
}

/** Number and name of each of these organisations. */
export function listOrganisationRefsByIds(db: Db, ids: string[]) {
  return db
    .select({ id: organisations.id, orgnr: organisations.orgnr, name: organisations.name })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}
