import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isValidOrgnr } from '../../../shared/orgnr';
import { referenceFile } from '../../../testing/reference-data';
import { parseMunicipalityReference, resolveMunicipality } from '../../reference/reference-files';
import type { ActorType } from '../actor-type';
import {
  ACTOR_TYPE_RULES,
  deriveActorType,
  explainActorType,
  PUBLIC_DEVELOPMENT_BODIES,
  sectionAndDivision,
} from './brreg-classify';
import { parseJsonRecord, type RegisterRecord } from './brreg-record';

const readShared = (name: string) => readFileSync(referenceFile(name), 'utf8');

const municipalitiesCsv = readShared('municipalities.csv');
const changesCsv = readShared('municipality-changes-2024.csv');
const reference = parseMunicipalityReference(municipalitiesCsv, changesCsv);

type SampleEntry = Record<string, unknown> & { _kind: 'enhet' | 'underenhet' };
const samples = JSON.parse(readShared('enhetsregisteret-sample.json')) as SampleEntry[];

function sampleRecord(sample: SampleEntry): RegisterRecord {
  const result = parseJsonRecord(sample, sample._kind);
  if (!result.ok) throw new Error(result.reason);
  return result.record;
}

/** A plain private limited company; each test changes what it is about. */
function record(overrides: Partial<RegisterRecord> & { nace?: string | null } = {}): RegisterRecord {
  const { nace = '62.010', ...rest } = overrides;
  return {
    orgnr: '976030788',
    kind: 'enhet',
    name: 'TEST AS',
    organisationForm: 'AS',
    organisationFormName: null,
    naceCodes: nace === null ? [] : [{ code: nace, description: null }],
    employees: 10,
    municipalityNumber: '0301',
    municipalityName: 'OSLO',
    postalCode: null,
    postalPlace: null,
    institutionalSectorCode: '2100',
    institutionalSectorName: null,
    foundedOn: null,
    registeredOn: null,
    website: null,
    bankrupt: false,
    underLiquidation: false,
    underForcedLiquidation: false,
    deletedOn: null,
    parentOrgnr: null,
    ...rest,
  };
}

describe('the 19 real sample records', () => {
  /**
   * What a person would call each one, and where it is. Two cases the register cannot settle:
   * AF Gruppen and ABL Group head large groups, but the parent enhet registers no employees of its
   * own (they sit in subsidiaries), so by the register alone they count as SMEs.
   */
  const expected: {
    orgnr: string;
    name: string;
    kind: 'enhet' | 'underenhet';
    municipality: string;
    county: string;
    known: boolean;
    section: string;
    division: string;
    employees: number | null;
    actorType: ActorType;
  }[] = [
    {
      orgnr: '923609016',
      name: 'EQUINOR ASA',
      kind: 'enhet',
      municipality: '1103',
      county: '11',
      known: true,
      section: 'B',
      division: '06',
      employees: 21408,
      actorType: 'large_company',
    },
    {
      orgnr: '883603362',
      name: 'ABG SUNDAL COLLIER ASA',
      kind: 'enhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'K',
      division: '66',
      employees: 99,
      actorType: 'financier',
    },
    {
      orgnr: '961095026',
      name: 'ABG SUNDAL COLLIER HOLDING ASA',
      kind: 'enhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'K',
      division: '66',
      employees: null,
      actorType: 'financier',
    },
    {
      orgnr: '913757424',
      name: 'ABL GROUP ASA',
      kind: 'enhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'M',
      division: '71',
      employees: null,
      actorType: 'sme',
    },
    {
      orgnr: '938702675',
      name: 'AF GRUPPEN ASA',
      kind: 'enhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'F',
      division: '41',
      employees: null,
      actorType: 'sme',
    },
    // A holding company: the register says it has employees, but shows no count.
    {
      orgnr: '923974709',
      name: 'AGILYX ASA',
      kind: 'enhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'K',
      division: '64',
      employees: null,
      actorType: 'sme',
    },
    {
      orgnr: '976030788',
      name: 'SESAM AS',
      kind: 'enhet',
      municipality: '5001',
      county: '50',
      known: true,
      section: 'I',
      division: '56',
      employees: 10,
      actorType: 'sme',
    },
    // A kindergarten run by an association: SN2007 files kindergartens under social work (88.911).
    {
      orgnr: '971497017',
      name: 'SESAM FAMILIEBARNEHAGE',
      kind: 'enhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'Q',
      division: '88',
      employees: 0,
      actorType: 'sme',
    },
    {
      orgnr: '988879134',
      name: 'SESAM FILMKLUBB',
      kind: 'enhet',
      municipality: '3101',
      county: '31',
      known: true,
      section: 'S',
      division: '94',
      employees: 0,
      actorType: 'interest_organisation',
    },
    // A sole proprietor teaching sport: a one-person business, not a school.
    {
      orgnr: '899176812',
      name: 'BASTIAN STOERMANN-NÆSS',
      kind: 'enhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'P',
      division: '85',
      employees: 0,
      actorType: 'sme',
    },
    {
      orgnr: '899177312',
      name: 'LEBESBY BYGDELAG',
      kind: 'enhet',
      municipality: '2022',
      county: '56',
      known: false,
      section: 'S',
      division: '94',
      employees: 0,
      actorType: 'interest_organisation',
    },
    {
      orgnr: '899177622',
      name: 'ADVOKAT ASTRID VIGDIS HARAM',
      kind: 'enhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'M',
      division: '69',
      employees: 0,
      actorType: 'sme',
    },
    {
      orgnr: '899177932',
      name: 'PROFINOVA AS',
      kind: 'enhet',
      municipality: '1103',
      county: '11',
      known: true,
      section: 'M',
      division: '71',
      employees: 1,
      actorType: 'sme',
    },
    {
      orgnr: '899178602',
      name: 'AARON WEGGERSEN',
      kind: 'enhet',
      municipality: '0625',
      county: '33',
      known: false,
      section: 'J',
      division: '62',
      employees: 0,
      actorType: 'sme',
    },
    {
      orgnr: '981452607',
      name: 'TYSNES LAKK OG SERVICESENTER AS',
      kind: 'underenhet',
      municipality: '1223',
      county: '46',
      known: false,
      section: 'G',
      division: '47',
      employees: 4,
      actorType: 'sme',
    },
    {
      orgnr: '981452984',
      name: 'PENNY INVEST AS',
      kind: 'underenhet',
      municipality: '1124',
      county: '11',
      known: true,
      section: 'L',
      division: '68',
      employees: 3,
      actorType: 'sme',
    },
    {
      orgnr: '981452992',
      name: 'HAV BULK AS',
      kind: 'underenhet',
      municipality: '0301',
      county: '03',
      known: true,
      section: 'H',
      division: '50',
      employees: 0,
      actorType: 'sme',
    },
    {
      orgnr: '981453166',
      name: 'JUNO AS',
      kind: 'underenhet',
      municipality: '0219',
      county: '32',
      known: false,
      section: 'R',
      division: '90',
      employees: 1,
      actorType: 'sme',
    },
    {
      orgnr: '981453190',
      name: 'TONE BESSERUD',
      kind: 'underenhet',
      municipality: '0621',
      county: '33',
      known: false,
      section: 'A',
      division: '01',
      employees: 0,
      actorType: 'sme',
    },
  ];

  it('lists every sample record once', () => {
    expect(expected.map((e) => e.orgnr).sort()).toEqual(samples.map((s) => s.organisasjonsnummer).sort());
  });

  for (const want of expected) {
    it(`classifies and places ${want.name}`, () => {
      const sample = samples.find((s) => s.organisasjonsnummer === want.orgnr)!;
      const found = sampleRecord(sample);
      expect(found).toMatchObject({
        orgnr: want.orgnr,
        name: want.name,
        kind: want.kind,
        municipalityNumber: want.municipality,
        employees: want.employees,
      });
      expect(sectionAndDivision(found.naceCodes[0]!.code)).toEqual({
        section: want.section,
        division: want.division,
      });
      expect(deriveActorType(found)).toBe(want.actorType);

      const withReference = resolveMunicipality(found.municipalityNumber, reference);
      expect(withReference.countyCode).toBe(want.county);
      expect(withReference.known).toBe(want.known);
      expect(resolveMunicipality(found.municipalityNumber).countyCode).toBe(want.county);
    });
  }
});

describe('actor type rules', () => {
  /** One case per rule (at least), each naming the rule it expects to decide. */
  const cases: { rule: string; when: string; record: RegisterRecord; actorType: ActorType }[] = [
    {
      rule: 'public-development-body',
      when: 'Innovasjon Norge',
      record: record({
        orgnr: '986399445',
        organisationForm: 'SÆR',
        nace: '64.920',
        institutionalSectorCode: '6100',
      }),
      actorType: 'public_development',
    },
    {
      rule: 'research',
      when: 'a research institute limited company',
      record: record({ nace: '72.190', employees: 700 }),
      actorType: 'research',
    },
    {
      rule: 'research',
      when: 'a state research agency',
      record: record({ organisationForm: 'ORGL', nace: '72.190', institutionalSectorCode: '6100' }),
      actorType: 'research',
    },
    {
      rule: 'higher-education',
      when: 'a university that is a state body',
      record: record({
        organisationForm: 'ORGL',
        nace: '85.421',
        institutionalSectorCode: '6100',
        employees: 9000,
      }),
      actorType: 'education',
    },
    {
      rule: 'higher-education',
      when: 'a private vocational college',
      record: record({ nace: '85.410' }),
      actorType: 'education',
    },
    {
      rule: 'school',
      when: 'a county upper-secondary school',
      record: record({
        organisationForm: 'AAFY',
        kind: 'underenhet',
        nace: '85.320',
        institutionalSectorCode: null,
      }),
      actorType: 'education',
    },
    {
      rule: 'course-business',
      when: 'a driving school limited company',
      record: record({ nace: '85.530', employees: 3 }),
      actorType: 'sme',
    },
    {
      rule: 'other-education',
      when: 'a folk high school foundation',
      record: record({ organisationForm: 'STI', nace: '85.591', institutionalSectorCode: '7000' }),
      actorType: 'education',
    },
    {
      rule: 'public-administration',
      when: 'a municipality',
      record: record({
        organisationForm: 'KOMM',
        nace: '84.110',
        institutionalSectorCode: '6500',
        employees: 3000,
      }),
      actorType: 'public_development',
    },
    {
      rule: 'public-administration',
      when: 'a state-owned company doing public administration',
      record: record({ nace: '84.130', institutionalSectorCode: '1120' }),
      actorType: 'public_development',
    },
    {
      rule: 'bank',
      when: 'a commercial bank',
      record: record({
        organisationForm: 'ASA',
        nace: '64.190',
        institutionalSectorCode: '3200',
        employees: 9000,
      }),
      actorType: 'financier',
    },
    {
      rule: 'bank',
      when: 'a savings bank registered with a head-office code',
      record: record({ organisationForm: 'SPA', nace: '70.100' }),
      actorType: 'financier',
    },
    {
      rule: 'financial-holding',
      when: 'the holding company of a financial group',
      record: record({ organisationForm: 'ASA', nace: '64.201' }),
      actorType: 'financier',
    },
    {
      rule: 'holding-company',
      when: 'an industrial holding company',
      record: record({ nace: '64.202', institutionalSectorCode: '4900', employees: null }),
      actorType: 'sme',
    },
    {
      rule: 'investor-or-lender',
      when: 'a venture fund',
      record: record({ nace: '64.306' }),
      actorType: 'financier',
    },
    {
      rule: 'investor-or-lender',
      when: 'a fund manager',
      record: record({ nace: '66.300' }),
      actorType: 'financier',
    },
    { rule: 'insurance', when: 'an insurer', record: record({ nace: '65.120' }), actorType: 'financier' },
    {
      rule: 'grant-foundation',
      when: 'a foundation giving grants',
      record: record({ organisationForm: 'STI', nace: '94.992', institutionalSectorCode: '7000' }),
      actorType: 'financier',
    },
    {
      rule: 'financial-sector',
      when: 'a bank filed under a head-office code',
      record: record({ nace: '70.100', institutionalSectorCode: '3200' }),
      actorType: 'financier',
    },
    {
      rule: 'public-development-company',
      when: 'a municipally owned development company',
      record: record({ nace: '70.220', institutionalSectorCode: '1520' }),
      actorType: 'public_development',
    },
    {
      rule: 'public-development-company',
      when: 'an inter-municipal development company',
      record: record({ organisationForm: 'IKS', nace: '70.220', institutionalSectorCode: '1510' }),
      actorType: 'public_development',
    },
    {
      rule: 'public-enterprise-in-market',
      when: 'a state-owned power producer',
      record: record({
        organisationForm: 'SF',
        nace: '35.111',
        institutionalSectorCode: '1110',
        employees: 2000,
      }),
      actorType: 'large_company',
    },
    {
      rule: 'public-enterprise-in-market',
      when: 'a municipal harbour enterprise',
      record: record({
        organisationForm: 'KF',
        nace: '52.220',
        institutionalSectorCode: '1510',
        employees: 20,
      }),
      actorType: 'sme',
    },
    {
      rule: 'public-body',
      when: 'a state agency with a non-market code',
      record: record({ organisationForm: 'ORGL', nace: '91.012', institutionalSectorCode: null }),
      actorType: 'public_development',
    },
    {
      rule: 'public-body',
      when: 'a public enterprise with no industry code',
      record: record({ organisationForm: 'SF', nace: null, institutionalSectorCode: null }),
      actorType: 'public_development',
    },
    {
      rule: 'government-sector',
      when: 'an association inside general government',
      record: record({ organisationForm: 'FLI', nace: '93.130', institutionalSectorCode: '6500' }),
      actorType: 'public_development',
    },
    {
      rule: 'public-body',
      when: 'a KF in a market industry but filed in general government',
      record: record({ organisationForm: 'KF', nace: '38.110', institutionalSectorCode: '6500' }),
      actorType: 'public_development',
    },
    {
      rule: 'interest-organisation',
      when: 'an employers’ federation',
      record: record({
        organisationForm: 'FLI',
        nace: '94.110',
        institutionalSectorCode: '7000',
        employees: 600,
      }),
      actorType: 'interest_organisation',
    },
    {
      rule: 'interest-organisation',
      when: 'a trade union',
      record: record({ organisationForm: 'FLI', nace: '94.200' }),
      actorType: 'interest_organisation',
    },
    {
      rule: 'company',
      when: 'a software company with 249 employees',
      record: record({ employees: 249 }),
      actorType: 'sme',
    },
    {
      rule: 'company',
      when: 'a software company with 250 employees',
      record: record({ employees: 250 }),
      actorType: 'large_company',
    },
    {
      rule: 'company',
      when: 'a company whose employee count is not registered',
      record: record({ employees: null }),
      actorType: 'sme',
    },
    {
      rule: 'company',
      when: 'a unit with no industry code',
      record: record({ nace: null, organisationForm: 'FLI', institutionalSectorCode: null }),
      actorType: 'sme',
    },
  ];

  for (const c of cases) {
    it(`${c.rule}: ${c.when} is ${c.actorType}`, () => {
      const explanation = explainActorType(c.record);
      expect(explanation.ruleId).toBe(c.rule);
      expect(explanation.actorType).toBe(c.actorType);
      expect(deriveActorType(c.record)).toBe(c.actorType);
    });
  }

  it('has a test case for every rule in the table', () => {
    expect(new Set(cases.map((c) => c.rule))).toEqual(new Set(ACTOR_TYPE_RULES.map((r) => r.id)));
  });

  it('gives every rule a distinct id and a one-line reason', () => {
    expect(new Set(ACTOR_TYPE_RULES.map((r) => r.id)).size).toBe(ACTOR_TYPE_RULES.length);
    for (const rule of ACTOR_TYPE_RULES) expect(rule.reason).toMatch(/^[^\n]{10,}$/);
  });

  it('explains the size of a company in words an import report can show', () => {
    expect(explainActorType(record({ employees: 21408 })).rule).toBe(
      'no other rule applies, so it is a company; 21408 employees, 250 or more: a large company',
    );
    expect(explainActorType(record({ employees: null })).rule).toBe(
      'no other rule applies, so it is a company; no employee count is registered, so an SME',
    );
    expect(explainActorType(record({ nace: '72.190' })).rule).toBe(
      'research and development is its main activity (NACE 72)',
    );
  });

  it('knows the national development bodies by valid organisation numbers', () => {
    for (const orgnr of PUBLIC_DEVELOPMENT_BODIES.keys()) expect(isValidOrgnr(orgnr)).toBe(true);
  });

  it('reads SN2025 codes by their division where SN2007 and SN2025 agree', () => {
    // AF Gruppen's 41.000 and Agilyx's 64.220 are SN2025 codes, which the register uses since 2025.
    expect(deriveActorType(record({ nace: '41.000', employees: 300 }))).toBe('large_company');
    expect(explainActorType(record({ nace: '64.220' })).ruleId).toBe('holding-company');
  });
});

describe('industry sections', () => {
  it('gives the section and division of a subclass code', () => {
    expect(sectionAndDivision('62.010')).toEqual({ section: 'J', division: '62' });
    expect(sectionAndDivision('06.100')).toEqual({ section: 'B', division: '06' });
    expect(sectionAndDivision('99.000')).toEqual({ section: 'U', division: '99' });
  });

  it('gives nothing for the unknown code and for unused or malformed codes', () => {
    expect(sectionAndDivision('00.000')).toBeNull();
    expect(sectionAndDivision('04.000')).toBeNull();
    expect(sectionAndDivision('A')).toBeNull();
    expect(sectionAndDivision('6201')).toBeNull();
    expect(sectionAndDivision('')).toBeNull();
  });
});
