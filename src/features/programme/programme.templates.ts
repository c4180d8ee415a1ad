import type { AddLevelBody, SetUpProgrammeBody } from './programme.contract';

/** A programme to start from: its editable fields and its levels, as the API takes them. */
export type ProgrammeTemplate = {
  programme: Required<SetUpProgrammeBody>;
  levels: AddLevelBody[];
};

/**
 * The levels of Norwegian Innovation Clusters as public sources describe them. Operating aid is
 * support for running the cluster organisation, which the EEA rules cap at ten years in all. A
 * pre-project prepares a cluster rather than running one, and the sub-programme for mature
 * clusters was opened for clusters that had used up those years, so it funds projects instead.
 */
export const NIC_LEVELS: AddLevelBody[] = [
  {
    code: 'pre_project',
    name: { nb: 'Forprosjekt', en: 'Pre-project' },
    description: {
      nb: 'Et kort prosjekt som avklarer grunnlaget for et klyngesamarbeid før søknad til programmet.',
      en: 'A short project that tests the ground for cluster collaboration before applying to the programme.',
    },
    durationYears: 1,
    extensionYears: 0,
    openFromYear: 2002,
    openToYear: null,
    funded: true,
    operatingAid: false,
  },
  {
    code: 'hub_node',
    name: { nb: 'Hub-node', en: 'Hub-node' },
    description: {
      nb: 'Et mindre eller nyere nettverk som kobler seg til en etablert klynge (huben) for kompetanse og nettverk.',
      en: 'A smaller or newer network attached to an established cluster (the hub) for its expertise and network.',
    },
    durationYears: 3,
    extensionYears: 0,
    openFromYear: 2022,
    openToYear: null,
    funded: true,
    operatingAid: true,
  },
  {
    code: 'arena',
    name: { nb: 'Arena', en: 'Arena' },
    description: {
      nb: 'For klynger i tidlig fase som skal bygge et forpliktende samarbeid mellom partnerne.',
      en: 'For early-stage clusters building committed collaboration among their partners.',
    },
    durationYears: 3,
    extensionYears: 2,
    openFromYear: 2002,
    openToYear: null,
    funded: true,
    operatingAid: true,
  },
  {
    code: 'arena_pro',
    name: { nb: 'Arena Pro', en: 'Arena Pro' },
    description: {
      nb: 'For modne klynger med nasjonal betydning og et tydelig potensial for vekst.',
      en: 'For mature clusters of national importance with clear growth potential.',
    },
    durationYears: 5,
    extensionYears: 0,
    openFromYear: 2019,
    openToYear: null,
    funded: true,
    operatingAid: true,
  },
  {
    code: 'nce',
    name: { nb: 'Norwegian Centres of Expertise (NCE)', en: 'Norwegian Centres of Expertise (NCE)' },
    description: {
      nb: 'Programnivå for nasjonalt ledende klynger fram til 2018. Siden 2019 er NCE et merkenavn under Arena Pro.',
      en: 'Programme level for nationally leading clusters until 2018. Since 2019 NCE is a brand granted during Arena Pro.',
    },
    durationYears: 10,
    extensionYears: 0,
    openFromYear: 2006,
    openToYear: 2018,
    funded: true,
    operatingAid: true,
  },
  {
    code: 'mature_project',
    name: { nb: 'Delprogram for modne klynger', en: 'Mature clusters sub-programme' },
    description: {
      nb: 'Tidsavgrensede prosjekter for klynger som har vært gjennom programmet og vil videre.',
      en: 'Time-limited projects for clusters that have been through the programme and want to go further.',
    },
    durationYears: 3,
    extensionYears: 0,
    openFromYear: 2023,
    openToYear: null,
    funded: true,
    operatingAid: false,
  },
  {
    code: 'global',
    name: { nb: 'Global Centres of Expertise (GCE)', en: 'Global Centres of Expertise (GCE)' },
    description: {
      nb: 'For klynger med en global posisjon og internasjonale verdikjeder.',
      en: 'For clusters with a global position and international value chains.',
    },
    durationYears: 10,
    extensionYears: 0,
    openFromYear: 2014,
    openToYear: null,
    funded: true,
    operatingAid: true,
  },
];

/**
 * The national programme as `klynge init-programme --template norway` writes it: the operators by
 * their organisation numbers (press contacts are the programme's to fill in), the levels above,
 * NCE as a brand granted during Arena Pro since 2019, and the ten-year cap on operating aid.
 */
const NORWAY: ProgrammeTemplate = {
  programme: {
    name: { nb: 'Klyngeprogrammet Norwegian Innovation Clusters', en: 'Norwegian Innovation Clusters' },
    description: {
      nb:
        'Det nasjonale klyngeprogrammet. Innovasjon Norge driver det sammen med Siva og Forskningsrådet, ' +
        'med finansiering fra Nærings- og fiskeridepartementet og Kommunal- og distriktsdepartementet.',
      en:
        'The national cluster programme, run by Innovation Norway together with Siva and the Research Council ' +
        'of Norway, funded by two ministries.',
    },
    operatorOrganisations: [
      { orgnr: '986399445', name: 'Innovasjon Norge', pressContact: null },
      { orgnr: '986813241', name: 'Siva', pressContact: null },
      { orgnr: '970141669', name: 'Forskningsrådet', pressContact: null },
    ],
    operatingAidCapYears: 10,
    brands: [
      {
        code: 'nce',
        name: { nb: 'NCE – Norwegian Centres of Expertise', en: 'NCE – Norwegian Centres of Expertise' },
        duringLevel: 'arena_pro',
        fromYear: 2019,
      },
    ],
  },
  levels: NIC_LEVELS,
};

export const PROGRAMME_TEMPLATES = { norway: NORWAY } as const satisfies Record<string, ProgrammeTemplate>;

export type ProgrammeTemplateName = keyof typeof PROGRAMME_TEMPLATES;

export function isProgrammeTemplateName(name: string): name is ProgrammeTemplateName {
  return Object.hasOwn(PROGRAMME_TEMPLATES, name);
}
