import { type Clock, osloDate } from '../../server/clock';
import type { Db } from '../../server/db/client';
import { notFound } from '../../server/http/app-error';
import { sectionOfNace } from '../../shared/sectors';
import { listClustersOfOrganisation } from '../memberships/memberships.service';
import { sizeClass } from './actor-type';
import type { OrganisationView } from './organisations.contract';
import { findByOrgnr, findNameByOrgnr } from './organisations.queries';

export async function getOrganisation(
  { db, clock }: { db: Db; clock: Clock },
  orgnr: string,
): Promise<OrganisationView> {
  const organisation = await findByOrgnr(db, orgnr);
  if (!organisation) throw notFound(`The organisation ${orgnr}`);
  const memberships = await listClustersOfOrganisation(db, organisation.id, osloDate(clock.now()));
  return {
    orgnr: organisation.orgnr,
    name: organisation.name,
    organisationForm: organisation.organisationForm,
    naceCodes: organisation.naceCodes.map((code) => ({ code, section: sectionOfNace(code)?.code ?? null })),
    employees: organisation.employees,
    sizeClass: sizeClass(organisation.employees),
    municipalityNumber: organisation.municipalityNumber,
    countyCode: organisation.countyCode,
    actorType: organisation.actorType,
    website: organisation.website,
    memberships,
  };
}

export function findOrganisationName(db: Db, orgnr: string) {
  return findNameByOrgnr(db, orgnr);
}
