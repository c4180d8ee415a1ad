import { sectionOfNace } from '../../../shared/sectors';
import { type ActorType, LARGE_COMPANY_EMPLOYEES } from '../actor-type';
import type { RegisterRecord } from './brreg-record';

// ---------------------------------------------------------------------------------------------
// Actor type
// ---------------------------------------------------------------------------------------------

/**
 * National bodies of the public innovation system (virkemiddelapparatet) whose register entries
 * alone do not say what they are: Innovasjon Norge is a særlovsselskap, Forskningsrådet a state
 * agency that funds. Siva SF belongs here as well once its organisation number has been checked.
 */
export const PUBLIC_DEVELOPMENT_BODIES: ReadonlyMap<string, string> = new Map([
  ['986399445', 'Innovasjon Norge'],
  ['970141669', 'Norges forskningsråd'],
]);

/** Organisation forms of the state, counties and municipalities themselves and their units. */
const PUBLIC_BODY_FORMS = new Set(['STAT', 'FYLK', 'KOMM', 'ORGL']);

/** Enterprises owned by the state (SF, SÆR) or by municipalities and counties (KF, FKF, IKS). */
const PUBLIC_ENTERPRISE_FORMS = new Set(['SF', 'SÆR', 'KF', 'FKF', 'IKS']);

/** Forms that sell in a market: sole proprietors, partnerships, companies, cooperatives, branches. */
const BUSINESS_FORMS = new Set(['ENK', 'ANS', 'DA', 'KS', 'AS', 'ASA', 'NUF', 'SA', 'BA', 'BEDR']);

/** Institutional sectors (SSB's sektorkode): general government, and publicly owned companies. */
const GOVERNMENT_SECTORS = new Set(['6100', '6500']);
const PUBLICLY_OWNED_COMPANY_SECTORS = new Set(['1110', '1120', '1510', '1520']);
/**
 * Norges Bank, banks, and insurers and pension funds. 4900 ("other financial corporations") is
 * left out on purpose: holding companies of ordinary groups are filed there too.
 */
const FINANCIAL_SECTORS = new Set(['3100', '3200', '5500', '5700']);

type Facts = {
  orgnr: string;
  form: string | null;
  /** The primary industry code (naeringskode1), e.g. "72.190". */
  nace: string | null;
  sector: string | null;
};

/** What a rule decides: an actor type, or "a company", which is then split by size. */
type Verdict = ActorType | 'company';

export type ActorTypeRule = { id: string; reason: string; verdict: Verdict; applies(facts: Facts): boolean };

/** True when the code lies under one of the prefixes: '72' covers 72.110, '85.4' covers 85.421. */
function naceUnder(facts: Facts, ...prefixes: string[]): boolean {
  const { nace } = facts;
  return nace !== null && prefixes.some((prefix) => nace.startsWith(prefix));
}

/** Divisions 01–82 (sections A–N): goods and services sold in markets, not public service. */
function inMarketIndustry(facts: Facts): boolean {
  const division = facts.nace === null ? Number.NaN : Number.parseInt(facts.nace.slice(0, 2), 10);
  return division >= 1 && division <= 82;
}

const is = (set: ReadonlySet<string>, value: string | null) => value !== null && set.has(value);

/**
 * The rules, in order; the first that applies decides. They read the primary industry code
 * (SN2007, whose divisions and groups used here are unchanged in SN2025), the organisation form
 * and the institutional sector code. Activity comes before ownership: a state university is
 * education and a public research institute is research, though both are state bodies.
 */
export const ACTOR_TYPE_RULES: readonly ActorTypeRule[] = [
  {
    id: 'public-development-body',
    reason: 'a national body of the public innovation system',
    verdict: 'public_development',
    applies: (f) => PUBLIC_DEVELOPMENT_BODIES.has(f.orgnr),
  },
  {
    id: 'research',
    reason: 'research and development is its main activity (NACE 72)',
    verdict: 'research',
    applies: (f) => naceUnder(f, '72'),
  },
  {
    id: 'higher-education',
    reason: 'a university, university college or vocational college (NACE 85.4)',
    verdict: 'education',
    applies: (f) => naceUnder(f, '85.4'),
  },
  {
    id: 'school',
    reason: 'a pre-primary, primary or secondary school (NACE 85.1–85.3)',
    verdict: 'education',
    applies: (f) => naceUnder(f, '85.1', '85.2', '85.3'),
  },
  {
    id: 'course-business',
    reason: 'courses or tutoring sold by a business (NACE 85.5–85.6 in a business form)',
    verdict: 'company',
    applies: (f) => naceUnder(f, '85.5', '85.6') && is(BUSINESS_FORMS, f.form),
  },
  {
    id: 'other-education',
    reason: 'other education run by a public body, foundation or association (NACE 85.5–85.6)',
    verdict: 'education',
    applies: (f) => naceUnder(f, '85'),
  },
  {
    id: 'public-administration',
    reason: 'public administration (NACE 84)',
    verdict: 'public_development',
    applies: (f) => naceUnder(f, '84'),
  },
  {
    id: 'bank',
    reason: 'a bank (NACE 64.1, or the savings-bank form SPA)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '64.1') || f.form === 'SPA',
  },
  {
    id: 'financial-holding',
    reason: 'the holding company of a financial group (NACE 64.201)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '64.201'),
  },
  {
    id: 'holding-company',
    reason: 'a holding company, counted with the companies (NACE 64.2)',
    verdict: 'company',
    applies: (f) => naceUnder(f, '64.2'),
  },
  {
    id: 'investor-or-lender',
    reason: 'a fund, investment company, lender or financial service (NACE 64.3, 64.9, 66)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '64.3', '64.9', '66'),
  },
  {
    id: 'insurance',
    reason: 'an insurer or pension fund (NACE 65)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '65'),
  },
  {
    id: 'grant-foundation',
    reason: 'a foundation that gives grants (NACE 94.992)',
    verdict: 'financier',
    applies: (f) => naceUnder(f, '94.992'),
  },
  {
    id: 'financial-sector',
    reason: 'filed in the central bank, bank or insurance sector (sector 3100, 3200, 5500, 5700)',
    verdict: 'financier',
    applies: (f) => is(FINANCIAL_SECTORS, f.sector),
  },
  {
    id: 'public-development-company',
    reason:
      'a publicly owned company that advises businesses, such as a municipal development company (NACE 70.22)',
    verdict: 'public_development',
    applies: (f) =>
      naceUnder(f, '70.22') &&
      (is(PUBLICLY_OWNED_COMPANY_SECTORS, f.sector) || is(PUBLIC_ENTERPRISE_FORMS, f.form)),
  },
  {
    id: 'public-enterprise-in-market',
    reason: 'a state or municipal enterprise that sells in a market (SF, SÆR, KF, FKF, IKS in NACE 01–82)',
    verdict: 'company',
    applies: (f) =>
      is(PUBLIC_ENTERPRISE_FORMS, f.form) && inMarketIndustry(f) && !is(GOVERNMENT_SECTORS, f.sector),
  },
  {
    id: 'public-body',
    reason: 'a state, county or municipal body or enterprise (STAT, FYLK, KOMM, ORGL, SF, SÆR, KF, FKF, IKS)',
    verdict: 'public_development',
    applies: (f) => is(PUBLIC_BODY_FORMS, f.form) || is(PUBLIC_ENTERPRISE_FORMS, f.form),
  },
  {
    id: 'government-sector',
    reason: 'filed in the general government sector (sector 6100 state, 6500 municipal)',
    verdict: 'public_development',
    applies: (f) => is(GOVERNMENT_SECTORS, f.sector),
  },
  {
    id: 'interest-organisation',
    reason: 'a business, employer, trade-union or other membership organisation (NACE 94)',
    verdict: 'interest_organisation',
    applies: (f) => naceUnder(f, '94'),
  },
  {
    id: 'company',
    reason: 'no other rule applies, so it is a company',
    verdict: 'company',
    applies: () => true,
  },
];

export type ActorTypeExplanation = {
  actorType: ActorType;
  /** Why, in a sentence an import report can show. */
  rule: string;
  /** The id of the rule in ACTOR_TYPE_RULES that decided. */
  ruleId: string;
};

/**
 * Classifies a unit and says why. An underenhet has neither organisation form nor sector of its
 * own worth the name (BEDR, AAFY), so only its industry code speaks; classify its enhet instead
 * where the import has it.
 */
export function explainActorType(record: RegisterRecord): ActorTypeExplanation {
  const rule = decidingRule(record);
  if (rule.verdict !== 'company') return { actorType: rule.verdict, rule: rule.reason, ruleId: rule.id };
  const { employees } = record;
  const actorType = companySize(employees);
  if (employees === null) {
    return { actorType, rule: `${rule.reason}; no employee count is registered, so an SME`, ruleId: rule.id };
  }
  const size =
    actorType === 'large_company'
      ? `${employees} employees, ${LARGE_COMPANY_EMPLOYEES} or more: a large company`
      : `${employees} employees, fewer than ${LARGE_COMPANY_EMPLOYEES}: an SME`;
  return { actorType, rule: `${rule.reason}; ${size}`, ruleId: rule.id };
}

/** The actor type alone, without composing the explanation: the import asks this for every record. */
export function deriveActorType(record: RegisterRecord): ActorType {
  const rule = decidingRule(record);
  return rule.verdict === 'company' ? companySize(record.employees) : rule.verdict;
}

function decidingRule(record: RegisterRecord): ActorTypeRule {
  const facts: Facts = {
    orgnr: record.orgnr,
    form: record.organisationForm,
    nace: record.naceCodes[0]?.code ?? null,
    sector: record.institutionalSectorCode,
  };
  return ACTOR_TYPE_RULES.find((candidate) => candidate.applies(facts))!;
}

/** Companies split at the EU's SME line; with no count in the register the smaller class is the likelier. */
function companySize(employees: number | null): 'sme' | 'large_company' {
  return employees !== null && employees >= LARGE_COMPANY_EMPLOYEES ? 'large_company' : 'sme';
}

// ---------------------------------------------------------------------------------------------
// Industry
// ---------------------------------------------------------------------------------------------

/** '62.010' → { section: 'J', division: '62' }; null for '00.000' (unknown) and unused divisions. */
export function sectionAndDivision(code: string): { section: string; division: string } | null {
  if (!/^\d{2}(\.\d{1,3})?$/.test(code)) return null;
  const section = sectionOfNace(code);
  return section ? { section: section.code, division: code.slice(0, 2) } : null;
}
