import { eq, getTableColumns, type Placeholder, sql } from 'drizzle-orm';
import type { Db } from '../../server/db/client';
import { runKept, runNamed } from '../../server/db/prepared';
import type { PartnershipFacts } from './organisations.service';
import { organisations } from './organisations.table';

// An organisation's public page in one statement: the organisation, the clusters it is or was a
// partner in (a part of the statement the memberships feature hands in, `partnershipsOf`), the
// names of its industry codes (the reference lists) and when the register copy was last imported. One round trip on one pooled connection, where a
// query per part held several connections at once.
//
// Drizzle leaves columns unqualified in a one-table select, so the subqueries give every table
// they read an alias and name the outer row "organisations"."id".

const { search: _organisationSearch, ...organisationColumns } = getTableColumns(organisations);

/** The reference list's names for the organisation's industry codes; codes it lacks are absent. */
const industryNamesOf = sql<{ code: string; nameNb: string; nameEn: string | null }[]>`coalesce((
  select json_agg(json_build_object('code', ic.code, 'nameNb', ic.name_nb, 'nameEn', ic.name_en))
  from industry_codes ic where ic.code = any("organisations"."nace_codes")), '[]'::json)`;

/** When the last complete import of the register finished, written as `Date.toISOString` writes it. */
const lastImportAt = sql<string | null>`(
  select to_char(ri.finished_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') from register_imports ri
  where ri.kind = 'brreg' and ri.status = 'completed' and ri.finished_at is not null
  order by ri.finished_at desc limit 1)`;

/** The organisation with this orgnr and everything its page shows; undefined when there is none. */
export async function readOrganisationPage(
  db: Db,
  orgnr: string,
  formingSeen: 'all' | string[],
  partnerships: Pick<PartnershipFacts, 'partnershipsOf'>,
) {
  const query = (shown: 'all' | string[], value: string | Placeholder) =>
    db
      .select({
        organisation: organisationColumns,
        partnerships: partnerships.partnershipsOf(sql`"organisations"."id"`, shown),
        industryNames: industryNamesOf,
        lastImportAt,
      })
      .from(organisations)
      .where(eq(organisations.orgnr, value))
      .limit(1);
  // The public and programme staff see one of two sets of clusters, so their query is built once;
  // a reader who sees some forming networks of their own gets one built for them.
  const [row] =
    formingSeen === 'all' || formingSeen.length === 0
      ? await runKept(
          db,
          `organisations.page ${formingSeen === 'all' ? 'all' : 'public'}`,
          () => query(formingSeen, sql.placeholder('orgnr')),
          { orgnr },
        )
      : await runNamed(db, query(formingSeen, orgnr));
  return row;
}
