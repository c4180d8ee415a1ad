import type { OpenAPIHono } from '@hono/zod-openapi';
import { accountsPersonalData } from '../features/accounts/accounts.personal-data';
import { accountRoutes } from '../features/accounts/accounts.routes';
import { seedAccountsDemo } from '../features/accounts/accounts.seed';
import { affiliationRoutes } from '../features/accounts/affiliations.routes';
import { apiTokenRoutes } from '../features/accounts/api-tokens.routes';
import { invitationRoutes } from '../features/accounts/invitations.routes';
import { endRolesOfPartnership } from '../features/accounts/invitations.service';
import { createOidcClient, type SingleSignOnSettings } from '../features/accounts/oidc-client';
import { signUpRoutes } from '../features/accounts/sign-up.routes';
import { singleSignOnRoutes } from '../features/accounts/single-sign-on.routes';
import { pages as accountPages } from '../features/accounts/ui/pages';
import { applicationsPersonalData } from '../features/applications/applications.personal-data';
import { applicationRoutes } from '../features/applications/applications.routes';
import { seedApplicationsDemo } from '../features/applications/applications.seed';
import { notifyApplicantsOfExtension } from '../features/applications/applications.service';
import { pages as applicationPages } from '../features/applications/ui/pages';
import { slots as applicationSlots } from '../features/applications/ui/slots';
import { assessmentsPersonalData } from '../features/assessments/assessments.personal-data';
import { assessmentRoutes } from '../features/assessments/assessments.routes';
import { seedAssessmentsDemo } from '../features/assessments/assessments.seed';
import { pages as assessmentPages } from '../features/assessments/ui/pages';
import { slots as assessmentSlots } from '../features/assessments/ui/slots';
import { auditPersonalData } from '../features/audit/audit.personal-data';
import { auditRoutes } from '../features/audit/audit.routes';
import type { ClusterDirectory } from '../features/audit/audit.service';
import { pages as auditPages } from '../features/audit/ui/pages';
import { budgetRoutes } from '../features/budget/budget.routes';
import { seedBudgetDemo } from '../features/budget/budget.seed';
import { pages as budgetPages } from '../features/budget/ui/pages';
import { slots as budgetSlots } from '../features/budget/ui/slots';
import { callRoutes } from '../features/calls/calls.routes';
import { seedCallsDemo } from '../features/calls/calls.seed';
import { pages as callPages } from '../features/calls/ui/pages';
import { seedClustersDemo } from '../features/clusters/clusters.demo';
import { clusterRoutes } from '../features/clusters/clusters.routes';
import { clusterIdsBySlug, clusterRefsById } from '../features/clusters/clusters.service';
import {
  clustersAtLevelsToday,
  clustersEverHoldingBrands,
  clustersInProgrammeToday,
  clustersWithBrandsToday,
} from '../features/clusters/programme-counts.service';
import { pages as clusterPages } from '../features/clusters/ui/pages';
import { decisionRoutes } from '../features/decisions/decisions.routes';
import { seedDecisionsDemo } from '../features/decisions/decisions.seed';
import { pages as decisionPages } from '../features/decisions/ui/pages';
import { slots as decisionSlots } from '../features/decisions/ui/slots';
import { formingNetworkRoutes } from '../features/forming-networks/forming-networks.routes';
import { pages as formingNetworkPages } from '../features/forming-networks/ui/pages';
import { pages as homePages } from '../features/home/ui/pages';
import { mailPersonalData } from '../features/mail/mail.personal-data';
import { mailRoutes } from '../features/mail/mail.routes';
import { pages as mailPages } from '../features/mail/ui/pages';
import { membershipRoutes } from '../features/memberships/memberships.routes';
import { seedMembershipsDemo } from '../features/memberships/memberships.seed';
import { clusterPartners } from '../features/memberships/memberships.service';
import {
  isPartnerInAnyCluster,
  organisationIdsWithPartnerships,
  partnershipsOfOrganisation,
  partnershipsToday,
} from '../features/memberships/partnership-facts.service';
import { pages as membershipPages } from '../features/memberships/ui/pages';
import { seedOrganisationsDemo } from '../features/organisations/organisations.demo';
import { organisationsPersonalData } from '../features/organisations/organisations.personal-data';
import { organisationRoutes } from '../features/organisations/organisations.routes';
import type { PartnershipFacts } from '../features/organisations/organisations.service';
import { pages as organisationPages } from '../features/organisations/ui/pages';
import { personalDataRoutes } from '../features/personal-data/personal-data.routes';
import { pages as personalDataPages } from '../features/personal-data/ui/pages';
import { programmePersonalData } from '../features/programme/programme.personal-data';
import { programmeRoutes } from '../features/programme/programme.routes';
import { seedProgrammeDemo } from '../features/programme/programme.seed';
import type { ProgrammeCounts } from '../features/programme/programme.service';
import { pages as programmePages } from '../features/programme/ui/pages';
import { stateAidRoutes } from '../features/state-aid/state-aid.routes';
import { pages as stateAidPages } from '../features/state-aid/ui/pages';
import { slots as stateAidSlots } from '../features/state-aid/ui/slots';
import type { PageEntry } from '../web/kit/page';
import type { SlotFill } from '../web/kit/slots';
import type { DemoSeed } from './demo-seed';
import type { AppEnv } from './http/context';
import type { PersonalData } from './personal-data';

/** What a feature's routers may need from the application that mounts them. */
export type RouterDeps = {
  /** The address people use (PUBLIC_URL). */
  publicUrl: string;
  /** The OpenID Connect provider people may sign in through; none when absent. */
  singleSignOn?: SingleSignOnSettings;
};

export type Feature = {
  name: string;
  /** The feature's routers, built for one application and mounted in this order. */
  routers: (deps: RouterDeps) => OpenAPIHono<AppEnv>[];
  /** Its part of the demo (`klynge seed`, and the embedded default's first start). */
  seedDemo?: DemoSeed;
  /** Its pages (`ui/pages.ts`), which the server renders; the browser finds the same file by its name. */
  pages?: readonly PageEntry[];
  /** What the feature holds about a person, and how it is exported and erased (decision 013). */
  personalData?: PersonalData;
  /** Its parts in earlier features' pages (`ui/slots.ts`); the browser finds the same file by its name. */
  slots?: readonly SlotFill[];
};

/** The clusters feature's lookups, for the audit trail, which comes before it (decision 015). */
const CLUSTER_DIRECTORY: ClusterDirectory = { idsBySlug: clusterIdsBySlug, refsById: clusterRefsById };

/** The programme's counts of its clusters (clusters) and partnerships (memberships), which come after it. */
const PROGRAMME_COUNTS: ProgrammeCounts = {
  clustersAtLevelsToday,
  clustersInProgrammeToday,
  clustersWithBrandsToday,
  clustersEverHoldingBrands,
  partnershipsToday,
};

/**
 * Whether organisations are or were partners (memberships), for the organisations' classification
 * rule and the register import (`klynge import brreg-updates`), which come before memberships.
 */
export const PARTNERSHIP_FACTS: PartnershipFacts = {
  isPartnerInAnyCluster,
  organisationIdsWithPartnerships,
  partnershipsOf: partnershipsOfOrganisation,
};

/**
 * Every feature, in the order of decision 015: a feature may import values only from features
 * before it. `createApp` mounts the routers in this order, so the OpenAPI document lists the paths
 * in it too. `src/server/import-graph.test.ts` reads this list.
 */
export const FEATURES = [
  {
    name: 'audit',
    routers: () => [auditRoutes(CLUSTER_DIRECTORY)],
    pages: auditPages,
    personalData: auditPersonalData(CLUSTER_DIRECTORY),
  },
  {
    name: 'programme',
    routers: () => [programmeRoutes(PROGRAMME_COUNTS)],
    seedDemo: seedProgrammeDemo,
    pages: programmePages,
    personalData: programmePersonalData,
  },
  { name: 'reference', routers: () => [] },
  {
    name: 'organisations',
    routers: () => [organisationRoutes(PARTNERSHIP_FACTS)],
    seedDemo: seedOrganisationsDemo,
    pages: organisationPages,
    personalData: organisationsPersonalData,
  },
  {
    name: 'clusters',
    routers: () => [clusterRoutes(clusterPartners)],
    seedDemo: seedClustersDemo,
    pages: clusterPages,
  },
  {
    name: 'memberships',
    // Ending a partnership ends the roles it gave (accounts), in the same transaction.
    routers: () => [membershipRoutes(endRolesOfPartnership)],
    seedDemo: seedMembershipsDemo,
    pages: membershipPages,
  },
  { name: 'mail', routers: () => [mailRoutes], pages: mailPages, personalData: mailPersonalData },
  {
    name: 'accounts',
    routers: ({ singleSignOn, publicUrl }) => [
      accountRoutes,
      signUpRoutes,
      affiliationRoutes,
      apiTokenRoutes,
      invitationRoutes,
      singleSignOnRoutes(singleSignOn && createOidcClient(singleSignOn), publicUrl),
    ],
    seedDemo: seedAccountsDemo,
    pages: accountPages,
    personalData: accountsPersonalData,
  },
  // Registering makes a cluster (clusters) and gives its registrant a role (accounts): after both.
  { name: 'forming-networks', routers: () => [formingNetworkRoutes], pages: formingNetworkPages },
  // Exports and erases what every feature above declares, without knowing any of them.
  {
    name: 'personal-data',
    routers: () => [personalDataRoutes(PERSONAL_DATA)],
    pages: personalDataPages,
  },
  {
    name: 'calls',
    routers: () => [callRoutes({ notifyApplicants: notifyApplicantsOfExtension })],
    pages: callPages,
    seedDemo: seedCallsDemo,
  },
  {
    name: 'applications',
    routers: () => [applicationRoutes],
    pages: applicationPages,
    slots: applicationSlots,
    seedDemo: seedApplicationsDemo,
    personalData: applicationsPersonalData,
  },
  {
    name: 'assessments',
    routers: () => [assessmentRoutes],
    pages: assessmentPages,
    slots: assessmentSlots,
    seedDemo: seedAssessmentsDemo,
    personalData: assessmentsPersonalData,
  },
  // The budget ledger: frames, commitments and payments against the clusters' engagements.
  {
    name: 'budget',
    routers: () => [budgetRoutes],
    pages: budgetPages,
    slots: budgetSlots,
    seedDemo: seedBudgetDemo,
  },
  // A cluster's years of operating aid against the cap, from the engagements and levels above.
  {
    name: 'state-aid',
    routers: () => [stateAidRoutes],
    pages: stateAidPages,
    // The clock on the cluster profile, for programme staff.
    slots: stateAidSlots,
  },
  // A round's decisions: engagements (clusters), commitments (budget), the clock (state-aid).
  {
    name: 'decisions',
    routers: () => [decisionRoutes],
    pages: decisionPages,
    slots: decisionSlots,
    seedDemo: seedDecisionsDemo,
  },
  // Last: the signed-in person's start page offers what every feature before it lets them do.
  { name: 'home', routers: () => [], pages: homePages },
] as const satisfies readonly Feature[];

/** Every feature's personal-data declaration, in the features' order: the order erasure runs in. */
export const PERSONAL_DATA: readonly PersonalData[] = FEATURES.flatMap((feature) =>
  'personalData' in feature ? [feature.personalData] : [],
);

export type FeatureName = (typeof FEATURES)[number]['name'];

/** Every feature's parts in other features' slots, in the features' order. */
export const SLOT_FILLS: readonly SlotFill[] = FEATURES.flatMap((feature): readonly SlotFill[] =>
  'slots' in feature ? feature.slots : [],
);
