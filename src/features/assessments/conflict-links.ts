import type { LinkShown } from './assessments.table';

/** How an applicant's organisation takes part in the application. */
export type PartyRole = 'host' | 'project_owner' | 'partner';

export type Party = { orgnr: string; role: PartyRole };

export type OrganisationFact = { orgnr: string; name: string; parentOrgnr: string | null };

/** One link between an assessor's organisation and the applicant's, with what makes it one. */
export type ConflictLink = LinkShown & {
  assessorOrganisation: string | null;
  applicantOrganisation: string | null;
  /** How the applicant's organisation takes part; empty for a partner of the cluster the application does not name. */
  applicantRoles: PartyRole[];
  /** The main unit both belong to, for `same_parent`. */
  parentOrgnr: string | null;
  parentOrganisation: string | null;
};

/**
 * Every link Klynge knows between an assessor's organisations and an applicant's: the same
 * organisation; the same main unit in the register (or one is the other's main unit); or the
 * assessor's organisation is a partner of the applying cluster today. One link per kind and pair.
 */
export function findConflictLinks(input: {
  assessorOrgnrs: readonly string[];
  parties: readonly Party[];
  facts: ReadonlyMap<string, OrganisationFact>;
  /** The assessor's organisations that are partners of the applying cluster. */
  clusterPartners: ReadonlySet<string>;
}): ConflictLink[] {
  const { facts } = input;
  const name = (orgnr: string | null) => (orgnr ? (facts.get(orgnr)?.name ?? null) : null);
  const parent = (orgnr: string) => facts.get(orgnr)?.parentOrgnr ?? null;
  const rolesOf = new Map<string, PartyRole[]>();
  for (const party of input.parties) {
    const roles = rolesOf.get(party.orgnr) ?? [];
    if (!roles.includes(party.role)) roles.push(party.role);
    rolesOf.set(party.orgnr, roles);
  }
  const links = new Map<string, ConflictLink>();
  const add = (
    link: Omit<ConflictLink, 'assessorOrganisation' | 'applicantOrganisation' | 'parentOrganisation'>,
  ) => {
    const key = `${link.kind}:${link.assessorOrgnr}:${link.applicantOrgnr}`;
    if (links.has(key)) return;
    links.set(key, {
      ...link,
      assessorOrganisation: name(link.assessorOrgnr),
      applicantOrganisation: name(link.applicantOrgnr),
      parentOrganisation: name(link.parentOrgnr),
    });
  };
  for (const own of new Set(input.assessorOrgnrs)) {
    for (const [orgnr, roles] of rolesOf) {
      if (own === orgnr) {
        add({
          kind: 'same_organisation',
          assessorOrgnr: own,
          applicantOrgnr: orgnr,
          applicantRoles: roles,
          parentOrgnr: null,
        });
        continue;
      }
      const common =
        parent(own) !== null && parent(own) === parent(orgnr)
          ? parent(own)
          : parent(own) === orgnr
            ? orgnr
            : parent(orgnr) === own
              ? own
              : null;
      if (common) {
        add({
          kind: 'same_parent',
          assessorOrgnr: own,
          applicantOrgnr: orgnr,
          applicantRoles: roles,
          parentOrgnr: common,
        });
      }
    }
    if (input.clusterPartners.has(own)) {
      add({
        kind: 'cluster_partner',
        assessorOrgnr: own,
        applicantOrgnr: own,
        applicantRoles: rolesOf.get(own) ?? [],
        parentOrgnr: null,
      });
    }
  }
  return [...links.values()];
}
