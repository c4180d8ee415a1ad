import { type Clock, osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { notFound } from '../../server/http/app-error';
import type { Page } from '../../server/http/pagination';
import { sectionOfNace } from '../../shared/sectors';
import { listClustersOfOrganisation } from '../memberships/memberships.service';
import { findIndustryNames } from '../reference/reference.service';
import { sizeClass } from './actor-type';
import type { ListOrganisationsQuery, OrganisationSummary, OrganisationView } from './organisations.contract';
import {
  findByOrgnr,
  findLastCompletedImport,
  findNameByOrgnr,
  type OrganisationMatch,
  searchOrganisationPage,
} from './organisations.queries';

type Deps = { db: Db; clock: Clock };

export async function getOrganisation({ db, clock }: Deps, orgnr: string): Promise<OrganisationView> {
  const organisation = await findByOrgnr(db, orgnr);
  if (!organisation) throw notFound(`The organisation ${orgnr}`);
  const [memberships, lastImportAt, industryNames] = await Promise.all([
    listClustersOfOrganisation(db, organisation.id, osloDate(clock.now())),
    findLastCompletedImport(db),
    findIndustryNames(db, organisation.naceCodes),
  ]);
  return {
    orgnr: organisation.orgnr,
    name: organisation.name,
    organisationForm: organisation.organisationForm,
    naceCodes: organisation.naceCodes.map((code, index) => ({
      code,
      section: sectionOfNace(code)?.code ?? null,
      division: sectionOfNace(code) ? code.slice(0, 2) : null,
      // The SN2007 list when loaded; otherwise the register's own description.
      description: industryNames.get(code)?.nb ?? (organisation.naceDescriptions[index] || null),
    })),
    employees: organisation.employees,
    sizeClass: sizeClass(organisation.employees),
    municipalityNumber: organisation.municipalityNumber,
    countyCode: organisation.countyCode,
    actorType: organisation.actorType,
    actorTypeOverridden: organisation.actorTypeOverride !== null,
    website: organisation.website,
    register: {
      source: organisation.source,
      kind: organisation.registerKind,
      organisationFormName: organisation.organisationFormName,
      municipalityName: organisation.municipalityName,
      postalCode: organisation.postalCode,
      postalPlace: organisation.postalPlace,
      institutionalSectorCode: organisation.institutionalSectorCode,
      foundedOn: organisation.foundedOn,
      registeredOn: organisation.registeredOn,
      bankrupt: organisation.bankrupt,
      underLiquidation: organisation.underLiquidation,
      underForcedLiquidation: organisation.underForcedLiquidation,
      deletedOn: organisation.deletedOn,
      parentOrgnr: organisation.parentOrgnr,
      updatedAt: organisation.registerUpdatedAt?.toISOString() ?? null,
      lastImportAt: lastImportAt?.toISOString() ?? null,
    },
    memberships,
  };
}

/**
 * Searches the register copy: digits search the organisation number from its start; words use
 * the Norwegian full-text index and fall back to fuzzy name matching when that finds nothing.
 */
export async function listOrganisations(
  { db }: Deps,
  query: ListOrganisationsQuery,
): Promise<Page<OrganisationSummary> & { matched: OrganisationMatch }> {
  let mode: OrganisationMatch = 'all';
  if (query.q) mode = /^[\d\s]+$/.test(query.q) ? 'orgnr_prefix' : 'full_text';
  let page = await searchOrganisationPage(db, query, mode);
  if (mode === 'full_text' && page.total === 0) {
    mode = 'fuzzy';
    page = await searchOrganisationPage(db, query, mode);
  }
  return { items: page.rows, total: page.total, page: query.page, pageSize: query.pageSize, matched: mode };
}

export function findOrganisationName(db: Db, orgnr: string) {
  return findNameByOrgnr(db, orgnr);
}
