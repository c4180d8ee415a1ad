import { checkOrgnr } from '../../shared/orgnr';
import type { ActorType } from '../organisations/actor-type';
import { canBeHub, type LevelCode } from '../programme/levels';
import type { CheckCode, CheckProblem, SectionBodies } from './applications.contract';

/** A hub-node needs at least this many core partners that are companies. */
export const HUB_NODE_CORE_COMPANIES = 5;

/**
 * Organisation forms of the state, counties and municipalities, their units and the enterprises
 * they own outright, and the sectors of general government: a public body in the register's words.
 * State-owned companies (SF) that sell in a market are companies, not public bodies.
 */
const PUBLIC_BODY_FORMS = new Set(['STAT', 'FYLK', 'KOMM', 'ORGL', 'KF', 'FKF', 'IKS']);
const GOVERNMENT_SECTORS = new Set(['6100', '6500']);

/** What the register says of an organisation, as far as the rules ask. */
export type OrganisationFacts = {
  name: string;
  actorType: ActorType;
  organisationForm: string | null;
  institutionalSectorCode: string | null;
};

export function isCompany(organisation: OrganisationFacts): boolean {
  return organisation.actorType === 'sme' || organisation.actorType === 'large_company';
}

export function isPublicBody(organisation: OrganisationFacts): boolean {
  return (
    (organisation.organisationForm !== null && PUBLIC_BODY_FORMS.has(organisation.organisationForm)) ||
    (organisation.institutionalSectorCode !== null &&
      GOVERNMENT_SECTORS.has(organisation.institutionalSectorCode))
  );
}

/** The hub a hub-node names, as found on the call's deadline day; `unknown` when no cluster has the slug. */
export type HubFacts = { slug: string; name: string; levelOnDeadline: LevelCode | undefined } | 'unknown';

/** Everything the rules judge, gathered by the service from the calls, programme, clusters and organisations. */
export type RuleFacts = {
  level: LevelCode;
  /** The levels the call is open for. */
  callLevels: readonly LevelCode[];
  /** The call's deadline as a date in Norway: the day a hub's level is judged on. */
  deadlineDay: string;
  /** The level's duration in the programme; undefined when the programme has no such level. */
  durationYears: number | undefined;
  sections: Partial<SectionBodies>;
  /** Only for a hub-node that names a hub. */
  hub?: HubFacts;
  /** Register facts of the organisations the level's rules ask about, by orgnr; absent ones are unknown. */
  organisations: ReadonlyMap<string, OrganisationFacts>;
};

type Params = CheckProblem['params'];

function problem(
  path: CheckProblem['path'],
  code: CheckCode,
  message: string,
  params: Params = {},
): CheckProblem {
  return { path, code, message, params };
}

const blank = (text: string | undefined) => (text ?? '').trim() === '';

/** The valid orgnr a field holds, or undefined when it holds none. */
export function orgnrIn(text: string): string | undefined {
  const check = checkOrgnr(text);
  return check.ok ? check.orgnr : undefined;
}

/**
 * The organisations whose register facts the level's rules need: a hub-node's project owner and
 * its core partners. Other levels ask nothing of the register.
 */
export function organisationsToLookUp(level: LevelCode, sections: Partial<SectionBodies>): string[] {
  if (level !== 'hub_node') return [];
  const base = sections.resource_base;
  if (!base) return [];
  const wanted = [
    base.projectOwnerOrgnr,
    ...base.partners.filter((p) => p.commitment === 'core_partner').map((p) => p.orgnr),
  ];
  return [...new Set(wanted.flatMap((text) => orgnrIn(text) ?? []))];
}

function requiredText(
  problems: CheckProblem[],
  path: CheckProblem['path'],
  text: string | undefined,
  what: string,
): void {
  if (blank(text)) problems.push(problem(path, 'required', `must say ${what}`));
}

function contentProblems(facts: RuleFacts): CheckProblem[] {
  const { sections } = facts;
  const problems: CheckProblem[] = [];
  const at = (...path: (string | number)[]) => ['sections', ...path];
  requiredText(problems, at('background', 'text'), sections.background?.text, 'where the cluster comes from');
  requiredText(
    problems,
    at('vision_goals', 'vision'),
    sections.vision_goals?.vision,
    'what the cluster wants',
  );
  if ((sections.vision_goals?.goals ?? []).every((goal) => blank(goal.goal))) {
    problems.push(problem(at('vision_goals', 'goals'), 'required', 'must hold at least one measurable goal'));
  }
  if ((sections.focus_activities?.focusAreas ?? []).every(blank)) {
    problems.push(
      problem(at('focus_activities', 'focusAreas'), 'required', 'must name at least one focus area'),
    );
  }
  requiredText(
    problems,
    at('focus_activities', 'plan'),
    sections.focus_activities?.plan,
    'how the work is done',
  );
  requiredText(
    problems,
    at('expected_effects', 'text'),
    sections.expected_effects?.text,
    'what will come of it',
  );
  requiredText(
    problems,
    at('ecosystem_role', 'text'),
    sections.ecosystem_role?.text,
    "the cluster's place in the regional and national ecosystem",
  );
  if (facts.level === 'pre_project') {
    requiredText(
      problems,
      at('pre_project', 'funder'),
      sections.pre_project?.funder,
      'who funds the pre-project',
    );
    if (sections.pre_project?.amountNok == null) {
      problems.push(
        problem(at('pre_project', 'amountNok'), 'required', 'must say how much the funder gives'),
      );
    }
  }
  return problems;
}

function partnerProblems(facts: RuleFacts): CheckProblem[] {
  const base = facts.sections.resource_base;
  const problems: CheckProblem[] = [];
  const at = (...path: (string | number)[]) => ['sections', 'resource_base', ...path];
  const owner = base?.projectOwnerOrgnr ?? '';
  if (blank(owner)) {
    problems.push(
      problem(at('projectOwnerOrgnr'), 'required', 'must name the project owner by its organisation number'),
    );
  } else {
    const check = checkOrgnr(owner);
    if (!check.ok)
      problems.push(problem(at('projectOwnerOrgnr'), 'orgnr_invalid', check.message, { orgnr: owner }));
  }
  const partners = base?.partners ?? [];
  if (partners.length === 0) {
    problems.push(problem(at('partners'), 'required', 'must list the partners by organisation number'));
  }
  const seen = new Map<string, number>();
  partners.forEach((partner, index) => {
    const check = checkOrgnr(partner.orgnr);
    if (!check.ok) {
      problems.push(
        blank(partner.orgnr)
          ? problem(at('partners', index, 'orgnr'), 'required', 'must give the organisation number')
          : problem(at('partners', index, 'orgnr'), 'orgnr_invalid', check.message, { orgnr: partner.orgnr }),
      );
      return;
    }
    const first = seen.get(check.orgnr);
    if (first !== undefined) {
      problems.push(
        problem(
          at('partners', index, 'orgnr'),
          'partner_twice',
          `is listed already, as partner ${first + 1}`,
          {
            orgnr: check.orgnr,
            first: first + 1,
          },
        ),
      );
    } else seen.set(check.orgnr, index);
  });
  return problems;
}

function budgetProblems(facts: RuleFacts): CheckProblem[] {
  const years = facts.sections.budget?.years ?? [];
  const problems: CheckProblem[] = [];
  const at = (...path: (string | number)[]) => ['sections', 'budget', ...path];
  if (years.length === 0) {
    return [problem(at('years'), 'required', 'must hold the budget for at least one year')];
  }
  const first = Number(facts.deadlineDay.slice(0, 4));
  const seen = new Set<number>();
  years.forEach((entry, index) => {
    if (entry.year === null) {
      problems.push(problem(at('years', index, 'year'), 'required', 'must say which year'));
      return;
    }
    if (seen.has(entry.year)) {
      problems.push(
        problem(at('years', index, 'year'), 'budget_year_twice', `has ${entry.year} twice`, {
          year: entry.year,
        }),
      );
    }
    seen.add(entry.year);
    if (entry.year < first) {
      problems.push(
        problem(
          at('years', index, 'year'),
          'budget_year_early',
          `must be ${first} or later: the budget begins no earlier than the year of the call's deadline`,
          { year: entry.year, first },
        ),
      );
    }
  });
  if (seen.size > 0 && facts.durationYears !== undefined) {
    const from = Math.min(...seen);
    const to = Math.max(...seen);
    const span = to - from + 1;
    if (span > facts.durationYears) {
      problems.push(
        problem(
          at('years'),
          'budget_years_span',
          `covers ${from}–${to}, ${span} years; ${facts.level} lasts ${facts.durationYears} years`,
          { from, to, years: span, level: facts.level, duration: facts.durationYears },
        ),
      );
    }
  }
  return problems;
}

function levelProblems(facts: RuleFacts): CheckProblem[] {
  if (facts.callLevels.includes(facts.level)) return [];
  return [
    problem(
      ['level'],
      'level_not_open',
      `is not open in this call; it is open for ${facts.callLevels.join(', ') || 'no level'}`,
      { level: facts.level, open: facts.callLevels.join(', ') },
    ),
  ];
}

function hubNodeProblems(facts: RuleFacts): CheckProblem[] {
  if (facts.level !== 'hub_node') return [];
  const problems: CheckProblem[] = [];
  const slug = facts.sections.hub?.hubClusterSlug ?? '';
  if (blank(slug)) {
    problems.push(problem(['sections', 'hub', 'hubClusterSlug'], 'required', 'must name the hub cluster'));
  } else if (facts.hub === 'unknown' || facts.hub === undefined) {
    problems.push(
      problem(
        ['sections', 'hub', 'hubClusterSlug'],
        'hub_unknown',
        `names no cluster in the programme (${slug})`,
        {
          hub: slug,
        },
      ),
    );
  } else if (!canBeHub(facts.hub.levelOnDeadline)) {
    problems.push(
      problem(
        ['sections', 'hub', 'hubClusterSlug'],
        'hub_level',
        `must be at Arena Pro or higher on the day of the deadline, ${facts.deadlineDay}; ${facts.hub.name} is then at ${facts.hub.levelOnDeadline ?? 'no level'}`,
        { hub: facts.hub.name, day: facts.deadlineDay, level: facts.hub.levelOnDeadline ?? '' },
      ),
    );
  }

  const base = facts.sections.resource_base;
  const coreCompanies = new Set(
    (base?.partners ?? [])
      .filter((partner) => partner.commitment === 'core_partner')
      .flatMap((partner) => orgnrIn(partner.orgnr) ?? [])
      .filter((orgnr) => {
        const organisation = facts.organisations.get(orgnr);
        return organisation !== undefined && isCompany(organisation);
      }),
  );
  if (coreCompanies.size < HUB_NODE_CORE_COMPANIES) {
    problems.push(
      problem(
        ['sections', 'resource_base', 'partners'],
        'hub_core_companies',
        `must hold at least ${HUB_NODE_CORE_COMPANIES} core partners that are companies; it holds ${coreCompanies.size}`,
        { count: coreCompanies.size, needed: HUB_NODE_CORE_COMPANIES },
      ),
    );
  }

  const ownerOrgnr = orgnrIn(base?.projectOwnerOrgnr ?? '');
  if (ownerOrgnr) {
    const owner = facts.organisations.get(ownerOrgnr);
    if (!owner) {
      problems.push(
        problem(
          ['sections', 'resource_base', 'projectOwnerOrgnr'],
          'organisation_unknown',
          `${ownerOrgnr} is not in the register copy, so Klynge cannot tell whether it is a public body`,
          { orgnr: ownerOrgnr },
        ),
      );
    } else if (isPublicBody(owner)) {
      problems.push(
        problem(
          ['sections', 'resource_base', 'projectOwnerOrgnr'],
          'owner_public_body',
          `cannot be a public body in a hub-node; ${owner.name} is one (${owner.organisationForm ?? owner.institutionalSectorCode})`,
          { owner: owner.name, form: owner.organisationForm ?? owner.institutionalSectorCode ?? '' },
        ),
      );
    }
  }
  return problems;
}

/**
 * Every rule a submitted application must keep, one problem per broken rule, field by field: the
 * content a submission needs, the partner list, the budget's years, the level open in the call,
 * and a hub-node's hub, core partners and project owner.
 */
export function checkApplication(facts: RuleFacts): CheckProblem[] {
  return [
    ...levelProblems(facts),
    ...contentProblems(facts),
    ...partnerProblems(facts),
    ...budgetProblems(facts),
    ...hubNodeProblems(facts),
  ];
}

/** The budget's asks of the programme, summed: the money an application asks for. */
export function moneyAsked(budget: SectionBodies['budget'] | undefined): number {
  return (budget?.years ?? []).reduce((sum, year) => sum + (year.programmeNok ?? 0), 0);
}

/** The partners as orgnrs with their commitment, those with a valid number only: for the assessment. */
export function partnersOf(base: SectionBodies['resource_base'] | undefined) {
  return (base?.partners ?? []).flatMap((partner) => {
    const orgnr = orgnrIn(partner.orgnr);
    return orgnr ? [{ orgnr, commitment: partner.commitment }] : [];
  });
}
