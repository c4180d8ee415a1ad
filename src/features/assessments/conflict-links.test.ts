import { describe, expect, it } from 'vitest';
import { findConflictLinks, type OrganisationFact } from './conflict-links';

const facts = new Map<string, OrganisationFact>(
  [
    { orgnr: '100000001', name: 'Konsern ASA', parentOrgnr: null },
    { orgnr: '100000002', name: 'Konsern Nord AS', parentOrgnr: '100000001' },
    { orgnr: '100000003', name: 'Konsern Sør AS', parentOrgnr: '100000001' },
    { orgnr: '100000004', name: 'Vertskapet AS', parentOrgnr: null },
    { orgnr: '100000005', name: 'Frittstående AS', parentOrgnr: null },
  ].map((fact) => [fact.orgnr, fact]),
);

const links = (assessorOrgnrs: string[], clusterPartners: string[] = []) =>
  findConflictLinks({
    assessorOrgnrs,
    parties: [
      { orgnr: '100000004', role: 'host' },
      { orgnr: '100000004', role: 'project_owner' },
      { orgnr: '100000003', role: 'partner' },
    ],
    facts,
    clusterPartners: new Set(clusterPartners),
  });

describe('findConflictLinks', () => {
  it('finds the same organisation, with every way it takes part', () => {
    expect(links(['100000004'])).toEqual([
      expect.objectContaining({
        kind: 'same_organisation',
        assessorOrgnr: '100000004',
        applicantRoles: ['host', 'project_owner'],
        applicantOrganisation: 'Vertskapet AS',
      }),
    ]);
  });

  it('finds sister units under one main unit, and a main unit with its own sub-unit', () => {
    expect(links(['100000002'])).toEqual([
      expect.objectContaining({
        kind: 'same_parent',
        applicantOrgnr: '100000003',
        parentOrgnr: '100000001',
        parentOrganisation: 'Konsern ASA',
      }),
    ]);
    expect(links(['100000001'])).toEqual([
      expect.objectContaining({ kind: 'same_parent', applicantOrgnr: '100000003', parentOrgnr: '100000001' }),
    ]);
  });

  it('finds a partnership in the applying cluster the application does not name', () => {
    expect(links(['100000005'], ['100000005'])).toEqual([
      expect.objectContaining({ kind: 'cluster_partner', assessorOrgnr: '100000005', applicantRoles: [] }),
    ]);
  });

  it('finds nothing for an organisation with no tie to the applicant', () => {
    expect(links(['100000005'])).toEqual([]);
    expect(links([])).toEqual([]);
  });
});
