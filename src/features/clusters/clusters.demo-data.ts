import type { LevelCode } from '../programme/levels';

/** One real Norwegian cluster as demo data: public facts only, descriptions in our own words. */
export type DemoCluster = {
  slug: string; // kebab-case, ascii, unique, e.g. 'arctic-cluster-team'
  name: string;
  shortName: string | null;
  descriptionNb: string; // 2–3 sentences, Bokmål
  descriptionEn: string; // the same in English
  foundedYear: number;
  website: string | null; // only if you are confident of the real URL, else null
  counties: string[]; // 2024 county numbers: '03','11','15','18','31','32','33','34','39','40','42','46','50','55','56'
  sectors: string[]; // SN2007 section letters ('C') or two-digit divisions ('24'); 1–4 entries
  focusAreas: { nb: string; en: string }[]; // 2–4 short phrases
  status: 'active' | 'ended';
  engagements: {
    level: LevelCode;
    startsOn: string; // 'YYYY-MM-DD'
    plannedEndOn: string; // after startsOn; starts + duration years minus a day
    extendedToOn?: string; // when extended
    endedOn?: string; // when stopped early or the cluster left the programme
    yearlyGrantNok: number; // whole NOK, e.g. 2_000_000
  }[]; // chronological, non-overlapping
  brands?: { code: 'nce'; startsOn: string; endsOn?: string }[]; // NCE brand during arena_pro, from 2019 at the earliest
  hubSlug?: string; // for a hub_node: the slug of its hub (which must be at arena_pro, nce, mature_project or global on the hub-node's start date)
};

export const DEMO_CLUSTERS: DemoCluster[] = [
  // ── Global level (GCE) ────────────────────────────────────────────────────────────────────────
  {
    slug: 'gce-blue-maritime-cluster',
    name: 'GCE Blue Maritime Cluster',
    shortName: 'Blue Maritime',
    descriptionNb:
      'Maritim klynge på Nordvestlandet som spenner over rederier, verft, skipsdesignere og utstyrsleverandører. Klyngen arbeider for grønn omstilling av skipsfarten og for å styrke eksporten av avanserte fartøy og systemer.',
    descriptionEn:
      'Maritime cluster in north-western Norway spanning shipowners, yards, ship designers and equipment suppliers. It works on the green transition of shipping and on strengthening exports of advanced vessels and systems.',
    foundedYear: 2006,
    website: null,
    counties: ['15'],
    sectors: ['C', '30', '50'],
    focusAreas: [
      { nb: 'Utslippsfri skipsfart', en: 'Zero-emission shipping' },
      { nb: 'Skipsdesign og verft', en: 'Ship design and shipyards' },
      { nb: 'Havromsoperasjoner', en: 'Offshore and ocean operations' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'nce',
        startsOn: '2006-07-01',
        plannedEndOn: '2016-06-30',
        endedOn: '2014-06-30',
        yearlyGrantNok: 6_000_000,
      },
      { level: 'global', startsOn: '2014-07-01', plannedEndOn: '2024-06-30', yearlyGrantNok: 9_000_000 },
      {
        level: 'mature_project',
        startsOn: '2024-07-01',
        plannedEndOn: '2027-06-30',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'gce-node',
    name: 'GCE NODE',
    shortName: 'NODE',
    descriptionNb:
      'Klynge på Agder for leverandører av boreutstyr, mekatronikk og systemer til energi- og havnæringene. Medlemmene samarbeider om teknologiutvikling, kompetanse og overgangen til nye markeder som havvind og grønn industri.',
    descriptionEn:
      'Agder-based cluster of suppliers of drilling equipment, mechatronics and systems for the energy and ocean industries. Members collaborate on technology development, skills and the move into new markets such as offshore wind and green industry.',
    foundedYear: 2005,
    website: 'https://gcenode.no',
    counties: ['42'],
    sectors: ['C', '28', '09'],
    focusAreas: [
      { nb: 'Mekatronikk', en: 'Mechatronics' },
      { nb: 'Havvind', en: 'Offshore wind' },
      { nb: 'Energiomstilling', en: 'Energy transition' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'nce',
        startsOn: '2009-07-01',
        plannedEndOn: '2019-06-30',
        endedOn: '2014-06-30',
        yearlyGrantNok: 5_500_000,
      },
      { level: 'global', startsOn: '2014-07-01', plannedEndOn: '2024-06-30', yearlyGrantNok: 9_000_000 },
      {
        level: 'mature_project',
        startsOn: '2024-07-01',
        plannedEndOn: '2027-06-30',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'gce-ocean-technology',
    name: 'GCE Ocean Technology',
    shortName: null,
    descriptionNb:
      'Havteknologiklynge i Bergensregionen som vokste fram fra subseanæringen og tidligere het NCE Subsea og GCE Subsea. Klyngen samler leverandører, operatører og forskningsmiljøer rundt teknologi for energi, havbruk og overvåking av havet.',
    descriptionEn:
      'Ocean technology cluster in the Bergen region that grew out of the subsea industry and was formerly called NCE Subsea and GCE Subsea. It brings suppliers, operators and research groups together around technology for energy, aquaculture and ocean monitoring.',
    foundedYear: 2006,
    website: null,
    counties: ['46'],
    sectors: ['B', '09', '28', '71'],
    focusAreas: [
      { nb: 'Subseateknologi', en: 'Subsea technology' },
      { nb: 'Havovervåking', en: 'Ocean monitoring' },
      { nb: 'Marine operasjoner', en: 'Marine operations' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'nce',
        startsOn: '2006-07-01',
        plannedEndOn: '2016-06-30',
        endedOn: '2015-06-30',
        yearlyGrantNok: 6_000_000,
      },
      { level: 'global', startsOn: '2015-07-01', plannedEndOn: '2025-06-30', yearlyGrantNok: 8_500_000 },
      {
        level: 'mature_project',
        startsOn: '2025-07-01',
        plannedEndOn: '2028-06-30',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },

  // ── Former NCE clusters ─────────────────────────────────────────────────────────────────────
  {
    slug: 'eyde-klyngen',
    name: 'Eyde-klyngen',
    shortName: 'Eyde',
    descriptionNb:
      'Klynge for prosessindustrien på Agder som knytter store produsenter av metaller og materialer sammen med leverandørene deres. Ambisjonen er en mest mulig bærekraftig prosessindustri gjennom energieffektivisering, sirkulære løsninger og nye materialer.',
    descriptionEn:
      'Cluster for the process industry in Agder, linking major producers of metals and materials with their suppliers. Its ambition is a process industry that is as sustainable as possible through energy efficiency, circular solutions and new materials.',
    foundedYear: 2007,
    website: 'https://www.eydecluster.com',
    counties: ['42'],
    sectors: ['C', '24', '20'],
    focusAreas: [
      { nb: 'Energieffektivisering', en: 'Energy efficiency' },
      { nb: 'Sirkulær prosessindustri', en: 'Circular process industry' },
      { nb: 'Avanserte materialer', en: 'Advanced materials' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2010-07-01',
        plannedEndOn: '2013-06-30',
        extendedToOn: '2015-06-30',
        yearlyGrantNok: 2_000_000,
      },
      {
        level: 'nce',
        startsOn: '2015-07-01',
        plannedEndOn: '2025-06-30',
        endedOn: '2020-06-30',
        yearlyGrantNok: 5_500_000,
      },
      { level: 'arena_pro', startsOn: '2020-07-01', plannedEndOn: '2025-06-30', yearlyGrantNok: 5_500_000 },
      {
        level: 'mature_project',
        startsOn: '2025-07-01',
        plannedEndOn: '2028-06-30',
        yearlyGrantNok: 2_000_000,
      },
    ],
    brands: [{ code: 'nce', startsOn: '2020-07-01', endsOn: '2025-06-30' }],
  },
  {
    slug: 'nce-seafood-innovation',
    name: 'NCE Seafood Innovation Cluster',
    shortName: 'NCE Seafood Innovation',
    descriptionNb:
      'Sjømatklynge med utgangspunkt i Bergen som samler havbruksselskaper, fiskeri, teknologileverandører og forskning. Klyngen driver fram innovasjon for mer bærekraftig sjømatproduksjon og bedre ressursutnyttelse.',
    descriptionEn:
      'Bergen-based seafood cluster gathering aquaculture companies, fisheries, technology suppliers and research. It drives innovation for more sustainable seafood production and better use of resources.',
    foundedYear: 2015,
    website: null,
    counties: ['46'],
    sectors: ['A', '03', '10'],
    focusAreas: [
      { nb: 'Bærekraftig havbruk', en: 'Sustainable aquaculture' },
      { nb: 'Fiskehelse', en: 'Fish health' },
      { nb: 'Fôr og ingredienser', en: 'Feed and ingredients' },
    ],
    status: 'active',
    engagements: [
      { level: 'nce', startsOn: '2015-07-01', plannedEndOn: '2025-06-30', yearlyGrantNok: 6_000_000 },
      {
        level: 'mature_project',
        startsOn: '2025-07-01',
        plannedEndOn: '2028-06-30',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'nce-media',
    name: 'NCE Media',
    shortName: null,
    descriptionNb:
      'Medieklynge i Bergen der mediehus, teknologiselskaper og utdanningsmiljøer er samlet rundt Media City Bergen. Klyngen utvikler ny medieteknologi og nye måter å produsere og formidle innhold på.',
    descriptionEn:
      'Media cluster in Bergen where media houses, technology companies and education are gathered around Media City Bergen. It develops new media technology and new ways of producing and distributing content.',
    foundedYear: 2010,
    website: null,
    counties: ['46'],
    sectors: ['J', '58', '59', '60'],
    focusAreas: [
      { nb: 'Medieteknologi', en: 'Media technology' },
      { nb: 'Innholdsproduksjon', en: 'Content production' },
      { nb: 'Datadrevet journalistikk', en: 'Data-driven journalism' },
    ],
    status: 'active',
    engagements: [
      { level: 'arena', startsOn: '2011-07-01', plannedEndOn: '2014-06-30', yearlyGrantNok: 2_000_000 },
      {
        level: 'nce',
        startsOn: '2014-07-01',
        plannedEndOn: '2024-06-30',
        endedOn: '2019-12-31',
        yearlyGrantNok: 5_500_000,
      },
      { level: 'arena_pro', startsOn: '2020-01-01', plannedEndOn: '2024-12-31', yearlyGrantNok: 5_000_000 },
      {
        level: 'mature_project',
        startsOn: '2025-01-01',
        plannedEndOn: '2027-12-31',
        yearlyGrantNok: 2_000_000,
      },
    ],
    brands: [{ code: 'nce', startsOn: '2020-01-01', endsOn: '2024-12-31' }],
  },
  {
    slug: 'maritime-cleantech',
    name: 'Maritime CleanTech',
    shortName: 'MCT',
    descriptionNb:
      'Vestlandsklynge for miljøvennlig maritim teknologi med verft, rederier, utstyrsleverandører og energiselskaper. Klyngen har hatt en sentral rolle i utviklingen av batteri- og hydrogenløsninger for skip.',
    descriptionEn:
      'West coast cluster for clean maritime technology with shipyards, shipowners, equipment makers and energy companies. It has played a central role in developing battery and hydrogen solutions for ships.',
    foundedYear: 2010,
    website: null,
    counties: ['46'],
    sectors: ['C', '30', '50'],
    focusAreas: [
      { nb: 'Elektrifisering av skip', en: 'Ship electrification' },
      { nb: 'Hydrogen og nye drivstoff', en: 'Hydrogen and new fuels' },
      { nb: 'Grønne verft', en: 'Green shipyards' },
    ],
    status: 'active',
    engagements: [
      { level: 'arena', startsOn: '2011-07-01', plannedEndOn: '2014-06-30', yearlyGrantNok: 1_900_000 },
      { level: 'nce', startsOn: '2014-07-01', plannedEndOn: '2024-06-30', yearlyGrantNok: 6_000_000 },
      {
        level: 'mature_project',
        startsOn: '2024-07-01',
        plannedEndOn: '2027-06-30',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'nce-ikuben',
    name: 'NCE iKuben',
    shortName: 'iKuben',
    descriptionNb:
      'Industriklynge i Møre og Romsdal med base i Molde. Klyngen hjelper industribedrifter med rask omstilling gjennom digitalisering, endringsledelse og nye forretningsmodeller.',
    descriptionEn:
      'Industrial cluster in Møre og Romsdal, based in Molde. It helps manufacturers transform quickly through digitalisation, change management and new business models.',
    foundedYear: 2011,
    website: null,
    counties: ['15'],
    sectors: ['C', '28', '62'],
    focusAreas: [
      { nb: 'Rask omstilling', en: 'Rapid transformation' },
      { nb: 'Digitalisering i industrien', en: 'Industrial digitalisation' },
      { nb: 'Endringsledelse', en: 'Change management' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2012-07-01',
        plannedEndOn: '2015-06-30',
        extendedToOn: '2017-06-30',
        yearlyGrantNok: 1_900_000,
      },
      { level: 'nce', startsOn: '2017-11-01', plannedEndOn: '2027-10-31', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'nce-finance-innovation',
    name: 'NCE Finance Innovation',
    shortName: 'Finance Innovation',
    descriptionNb:
      'Fintech-klynge i Bergen med banker, forsikringsselskaper, teknologiselskaper og akademia. Klyngen utvikler brukervennlige finansielle tjenester og vil gjøre finansteknologi til en norsk eksportnæring.',
    descriptionEn:
      'Fintech cluster in Bergen with banks, insurers, technology firms and academia. It develops user-friendly financial services and wants to make financial technology a Norwegian export industry.',
    foundedYear: 2017,
    website: 'https://www.financeinnovation.no',
    counties: ['46'],
    sectors: ['K', '64', '65', '62'],
    focusAreas: [
      { nb: 'Finansteknologi', en: 'Financial technology' },
      { nb: 'Bærekraftig finans', en: 'Sustainable finance' },
      { nb: 'Regulering og datadeling', en: 'Regulation and data sharing' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2017-11-01',
        plannedEndOn: '2020-10-31',
        endedOn: '2018-11-30',
        yearlyGrantNok: 2_200_000,
      },
      { level: 'nce', startsOn: '2018-12-01', plannedEndOn: '2028-11-30', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'nce-heidner-biocluster',
    name: 'NCE Heidner Biocluster',
    shortName: 'Heidner',
    descriptionNb:
      'Klynge for grønn bioøkonomi i Innlandet med hovedsete på Hamar. Medlemmene dekker verdikjeden fra husdyravl og genetikk til fôr, matproduksjon og bioraffinering.',
    descriptionEn:
      'Green bioeconomy cluster in Innlandet, headquartered in Hamar. Its members cover the value chain from animal breeding and genetics to feed, food production and biorefining.',
    foundedYear: 2011,
    website: 'https://heidner.no',
    counties: ['34'],
    sectors: ['A', '01', '10'],
    focusAreas: [
      { nb: 'Avl og genetikk', en: 'Breeding and genetics' },
      { nb: 'Bærekraftig fôr', en: 'Sustainable feed' },
      { nb: 'Bioraffinering', en: 'Biorefining' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2012-07-01',
        plannedEndOn: '2015-06-30',
        extendedToOn: '2017-06-30',
        yearlyGrantNok: 1_800_000,
      },
      { level: 'nce', startsOn: '2018-12-01', plannedEndOn: '2028-11-30', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'nce-blue-legasea',
    name: 'NCE Blue Legasea',
    shortName: 'Blue Legasea',
    descriptionNb:
      'Klynge på Sunnmøre for fiskeri, marine ingredienser og foredling av sjømat. Målet er å øke verdien av hver fisk gjennom bedre bruk av restråstoff og nye marine produkter.',
    descriptionEn:
      'Sunnmøre cluster for fisheries, marine ingredients and seafood processing. The goal is to raise the value of every fish through better use of by-products and new marine products.',
    foundedYear: 2015,
    website: null,
    counties: ['15'],
    sectors: ['A', '03', '10'],
    focusAreas: [
      { nb: 'Restråstoff', en: 'By-products' },
      { nb: 'Marine ingredienser', en: 'Marine ingredients' },
      { nb: 'Lønnsomt fiskeri', en: 'Profitable fisheries' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2016-07-01',
        plannedEndOn: '2019-06-30',
        endedOn: '2018-11-30',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'nce', startsOn: '2018-12-01', plannedEndOn: '2028-11-30', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'nce-aquatech-cluster',
    name: 'NCE Aquatech Cluster',
    shortName: 'Aquatech',
    descriptionNb:
      'Trøndersk klynge for teknologi og tjenester til havbruk, dannet da to tidligere Arena-prosjekter slo seg sammen. Klyngen arbeider for bærekraftig vekst i havbasert matproduksjon og er hub for nettverk langs kysten.',
    descriptionEn:
      'Trøndelag cluster for aquaculture technology and services, formed when two earlier Arena projects merged. It works for sustainable growth in ocean-based food production and serves as a hub for networks along the coast.',
    foundedYear: 2012,
    website: null,
    counties: ['50'],
    sectors: ['A', '03', '28'],
    focusAreas: [
      { nb: 'Havbruksteknologi', en: 'Aquaculture technology' },
      { nb: 'Fiskevelferd', en: 'Fish welfare' },
      { nb: 'Vannbehandling', en: 'Water treatment' },
    ],
    status: 'active',
    engagements: [
      { level: 'arena', startsOn: '2013-07-01', plannedEndOn: '2016-06-30', yearlyGrantNok: 2_000_000 },
      {
        level: 'nce',
        startsOn: '2016-07-01',
        plannedEndOn: '2026-06-30',
        endedOn: '2021-12-31',
        yearlyGrantNok: 6_000_000,
      },
      { level: 'arena_pro', startsOn: '2022-01-01', plannedEndOn: '2026-12-31', yearlyGrantNok: 5_500_000 },
    ],
    brands: [{ code: 'nce', startsOn: '2022-01-01' }],
  },
  {
    slug: 'oslo-cancer-cluster',
    name: 'Oslo Cancer Cluster',
    shortName: 'OCC',
    descriptionNb:
      'Klynge for kreftforskning og onkologi med base på campuset ved Radiumhospitalet i Oslo. Den kobler legemiddel- og bioteknologiselskaper, sykehus og forskere for å få nye kreftbehandlinger raskere fram til pasientene.',
    descriptionEn:
      'Cancer research and oncology cluster based on the Radium Hospital campus in Oslo. It connects pharmaceutical and biotech companies, hospitals and researchers to bring new cancer treatments to patients faster.',
    foundedYear: 2006,
    website: 'https://oslocancercluster.no',
    counties: ['03'],
    sectors: ['C', '21', '72'],
    focusAreas: [
      { nb: 'Kreftbehandling', en: 'Cancer treatment' },
      { nb: 'Kliniske studier', en: 'Clinical trials' },
      { nb: 'Presisjonsmedisin', en: 'Precision medicine' },
    ],
    status: 'active',
    engagements: [
      { level: 'nce', startsOn: '2007-07-01', plannedEndOn: '2017-06-30', yearlyGrantNok: 7_000_000 },
      {
        level: 'mature_project',
        startsOn: '2024-01-01',
        plannedEndOn: '2026-12-31',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'norway-health-tech',
    name: 'Norway Health Tech',
    shortName: null,
    descriptionNb:
      'Helseteknologiklynge i Osloregionen som tidligere het Oslo Medtech. Klyngen hjelper bedrifter innen medisinsk utstyr, digital helse og diagnostikk med å teste, skalere og nå internasjonale markeder.',
    descriptionEn:
      'Health technology cluster in the Oslo region, formerly called Oslo Medtech. It helps companies in medical devices, digital health and diagnostics to test, scale and reach international markets.',
    foundedYear: 2009,
    website: null,
    counties: ['03', '32'],
    sectors: ['C', '26', '32', 'Q'],
    focusAreas: [
      { nb: 'Medisinsk teknologi', en: 'Medical technology' },
      { nb: 'Digital helse', en: 'Digital health' },
      { nb: 'Testing i helsetjenesten', en: 'Testing in healthcare' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2010-07-01',
        plannedEndOn: '2013-06-30',
        extendedToOn: '2015-06-30',
        yearlyGrantNok: 2_000_000,
      },
      {
        level: 'nce',
        startsOn: '2015-07-01',
        plannedEndOn: '2025-06-30',
        endedOn: '2023-12-31',
        yearlyGrantNok: 5_500_000,
      },
      {
        level: 'mature_project',
        startsOn: '2024-01-01',
        plannedEndOn: '2026-12-31',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'nce-raufoss',
    name: 'NCE Raufoss',
    shortName: null,
    descriptionNb:
      'Industriklynge på Raufoss for lettvektsmaterialer og automatisert produksjon, i dag også kjent som NCE Manufacturing. Klyngen er tett knyttet til testfasilitetene og læringsfabrikken i industriparken og er et nasjonalt tyngdepunkt for vareproduserende industri.',
    descriptionEn:
      'Industrial cluster at Raufoss for lightweight materials and automated manufacturing, today also known as NCE Manufacturing. It is closely tied to the test facilities and learning factory in the industrial park and is a national centre of gravity for manufacturing.',
    foundedYear: 2006,
    website: null,
    counties: ['34'],
    sectors: ['C', '25', '29', '22'],
    focusAreas: [
      { nb: 'Lettvektsmaterialer', en: 'Lightweight materials' },
      { nb: 'Automatisert produksjon', en: 'Automated manufacturing' },
      { nb: 'Kompetanse for industrien', en: 'Industrial skills' },
    ],
    status: 'active',
    engagements: [
      { level: 'nce', startsOn: '2006-07-01', plannedEndOn: '2016-06-30', yearlyGrantNok: 6_000_000 },
      {
        level: 'nce',
        startsOn: '2016-07-01',
        plannedEndOn: '2026-06-30',
        endedOn: '2020-12-31',
        yearlyGrantNok: 5_000_000,
      },
      { level: 'arena_pro', startsOn: '2022-01-01', plannedEndOn: '2026-12-31', yearlyGrantNok: 5_000_000 },
    ],
    brands: [{ code: 'nce', startsOn: '2022-01-01' }],
  },
  {
    slug: 'nce-smart-energy-markets',
    name: 'NCE Smart Energy Markets',
    shortName: 'NCE Smart',
    descriptionNb:
      'Energiklynge i Halden for smarte kraftsystemer, digitalisering og nye markedsmodeller for energi. Klyngen kobler teknologiselskaper, nettselskaper og forskningsmiljøer.',
    descriptionEn:
      'Energy cluster in Halden focusing on smart power systems, digitalisation and new market models for energy. It connects technology companies, grid operators and research groups.',
    foundedYear: 2009,
    website: 'https://ncesmartenergymarkets.no',
    counties: ['31'],
    sectors: ['D', '35', '62'],
    focusAreas: [
      { nb: 'Smarte strømnett', en: 'Smart grids' },
      { nb: 'Energimarkeder', en: 'Energy markets' },
      { nb: 'Fornybareksport', en: 'Renewable energy exports' },
    ],
    status: 'active',
    engagements: [
      { level: 'nce', startsOn: '2009-07-01', plannedEndOn: '2019-06-30', yearlyGrantNok: 5_000_000 },
      { level: 'arena_pro', startsOn: '2022-01-01', plannedEndOn: '2026-12-31', yearlyGrantNok: 4_500_000 },
    ],
    brands: [{ code: 'nce', startsOn: '2022-01-01' }],
  },
  {
    slug: 'energy-valley',
    name: 'Energy Valley',
    shortName: null,
    descriptionNb:
      'Energiteknologiklynge langs aksen Oslo–Drammen–Kongsberg, tidligere kjent som Subsea Valley og NCE Energy Technology. Leverandører med bakgrunn fra olje og gass samarbeider her om omstilling til fornybar energi, karbonfangst og elektrifisering.',
    descriptionEn:
      'Energy technology cluster along the Oslo–Drammen–Kongsberg axis, formerly known as Subsea Valley and NCE Energy Technology. Suppliers with roots in oil and gas work together here on the shift to renewables, carbon capture and electrification.',
    foundedYear: 2010,
    website: null,
    counties: ['32', '33', '03'],
    sectors: ['D', '35', '28', '09'],
    focusAreas: [
      { nb: 'Fornybar energi', en: 'Renewable energy' },
      { nb: 'Karbonfangst og -lagring', en: 'Carbon capture and storage' },
      { nb: 'Teknologioverføring', en: 'Technology transfer' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2014-07-01',
        plannedEndOn: '2017-06-30',
        extendedToOn: '2019-06-30',
        endedOn: '2017-10-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'nce', startsOn: '2017-11-01', plannedEndOn: '2027-10-31', yearlyGrantNok: 5_000_000 },
    ],
  },

  // ── Arena Pro and Arena clusters ────────────────────────────────────────────────────────────
  {
    slug: 'arctic-cluster-team',
    name: 'Arctic Cluster Team',
    shortName: 'ACT',
    descriptionNb:
      'Klynge for prosessindustrien i nord med tyngdepunkt i Mo i Rana. Klyngen samler industribedrifter, leverandører og kunnskapsmiljøer om energieffektivisering, sirkulær ressursbruk og kompetanse.',
    descriptionEn:
      'Process industry cluster in the north, centred on Mo i Rana. It brings together plants, suppliers and knowledge institutions around energy efficiency, circular use of resources and skills.',
    foundedYear: 2017,
    website: 'https://arcticclusterteam.no',
    counties: ['18', '50', '55'],
    sectors: ['C', '24', '20'],
    focusAreas: [
      { nb: 'Prosessindustri', en: 'Process industry' },
      { nb: 'Sirkulær økonomi', en: 'Circular economy' },
      { nb: 'Kompetanseheving', en: 'Skills development' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2017-09-01',
        plannedEndOn: '2020-08-31',
        extendedToOn: '2022-08-31',
        endedOn: '2020-12-31',
        yearlyGrantNok: 2_200_000,
      },
      { level: 'arena_pro', startsOn: '2021-01-01', plannedEndOn: '2025-12-31', yearlyGrantNok: 5_000_000 },
      {
        level: 'mature_project',
        startsOn: '2026-01-01',
        plannedEndOn: '2028-12-31',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'norwegian-smart-care-cluster',
    name: 'Norwegian Smart Care Cluster',
    shortName: 'NSCC',
    descriptionNb:
      'Klynge i Stavangerregionen for velferdsteknologi og helseinnovasjon. Bedrifter og kommuner samarbeider om løsninger som gir bedre livskvalitet og mer bærekraftige helse- og omsorgstjenester.',
    descriptionEn:
      'Stavanger-region cluster for welfare technology and health innovation. Companies and municipalities work together on solutions that improve quality of life and make health and care services more sustainable.',
    foundedYear: 2014,
    website: null,
    counties: ['11'],
    sectors: ['Q', '88', '62'],
    focusAreas: [
      { nb: 'Velferdsteknologi', en: 'Welfare technology' },
      { nb: 'Helse hjemme', en: 'Care at home' },
      { nb: 'Offentlig-privat samarbeid', en: 'Public-private collaboration' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2015-07-01',
        plannedEndOn: '2018-06-30',
        extendedToOn: '2020-06-30',
        endedOn: '2019-12-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'arena_pro', startsOn: '2020-01-01', plannedEndOn: '2024-12-31', yearlyGrantNok: 5_000_000 },
      {
        level: 'mature_project',
        startsOn: '2025-01-01',
        plannedEndOn: '2027-12-31',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'norwegian-tunnel-safety-cluster',
    name: 'Norwegian Tunnel Safety Cluster',
    shortName: 'NTSC',
    descriptionNb:
      'Klynge i Rogaland for sikkerhet i tunneler og annen infrastruktur, der mange medlemmer har bakgrunn fra leverandørindustrien til olje og gass. Klyngen utvikler og kommersialiserer løsninger for tryggere og mer bærekraftig transportinfrastruktur.',
    descriptionEn:
      'Rogaland cluster for safety in tunnels and other infrastructure, where many members come from the oil and gas supply industry. It develops and commercialises solutions for safer and more sustainable transport infrastructure.',
    foundedYear: 2015,
    website: null,
    counties: ['11'],
    sectors: ['F', '42', '71'],
    focusAreas: [
      { nb: 'Tunnelsikkerhet', en: 'Tunnel safety' },
      { nb: 'Beredskap', en: 'Emergency preparedness' },
      { nb: 'Bærekraftig infrastruktur', en: 'Sustainable infrastructure' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2016-07-01',
        plannedEndOn: '2019-06-30',
        extendedToOn: '2021-06-30',
        endedOn: '2019-12-31',
        yearlyGrantNok: 1_900_000,
      },
      { level: 'arena_pro', startsOn: '2020-01-01', plannedEndOn: '2024-12-31', yearlyGrantNok: 4_500_000 },
      {
        level: 'mature_project',
        startsOn: '2025-01-01',
        plannedEndOn: '2027-12-31',
        yearlyGrantNok: 1_800_000,
      },
    ],
  },
  {
    slug: 'woodworks-cluster',
    name: 'Woodworks! Cluster',
    shortName: 'Woodworks',
    descriptionNb:
      'Skog- og treklynge i Trøndelag som startet som Arena Skog. Klyngen arbeider for fornyelse i skognæringen, fra bygging med tre til nye produkter basert på trefiber.',
    descriptionEn:
      'Forest and wood cluster in Trøndelag that began as Arena Skog. It works for renewal in the forest industry, from timber construction to new products based on wood fibre.',
    foundedYear: 2016,
    website: 'https://woodworkscluster.no',
    counties: ['50'],
    sectors: ['A', '02', '16'],
    focusAreas: [
      { nb: 'Skogbruk', en: 'Forestry' },
      { nb: 'Bygging med tre', en: 'Timber construction' },
      { nb: 'Trefiberbaserte produkter', en: 'Wood-fibre products' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2016-07-01',
        plannedEndOn: '2019-06-30',
        extendedToOn: '2021-06-30',
        endedOn: '2019-12-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'arena_pro', startsOn: '2020-01-01', plannedEndOn: '2024-12-31', yearlyGrantNok: 4_500_000 },
      {
        level: 'mature_project',
        startsOn: '2025-01-01',
        plannedEndOn: '2027-12-31',
        yearlyGrantNok: 1_800_000,
      },
    ],
  },
  {
    slug: 'nordic-edge',
    name: 'Nordic Edge',
    shortName: null,
    descriptionNb:
      'Smartby-klynge i Stavanger der bedrifter, kommuner og forskere utvikler løsninger for smartere og mer bærekraftige byer og lokalsamfunn. Klyngen startet som Arena Smart City og står også bak en stor nordisk smartbykonferanse.',
    descriptionEn:
      'Smart city cluster in Stavanger where companies, municipalities and researchers develop solutions for smarter and more sustainable cities and communities. It began as Arena Smart City and also runs a large Nordic smart city conference.',
    foundedYear: 2015,
    website: 'https://nordicedge.org',
    counties: ['11'],
    sectors: ['J', '62', '71'],
    focusAreas: [
      { nb: 'Smarte byer', en: 'Smart cities' },
      { nb: 'Mobilitet', en: 'Mobility' },
      { nb: 'Eksport av smartbyløsninger', en: 'Exporting smart city solutions' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2017-11-01',
        plannedEndOn: '2020-10-31',
        extendedToOn: '2022-10-31',
        endedOn: '2020-12-31',
        yearlyGrantNok: 2_200_000,
      },
      { level: 'arena_pro', startsOn: '2021-01-01', plannedEndOn: '2025-12-31', yearlyGrantNok: 6_000_000 },
      {
        level: 'mature_project',
        startsOn: '2026-01-01',
        plannedEndOn: '2028-12-31',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'ocean-hyway-cluster',
    name: 'Ocean Hyway Cluster',
    shortName: 'OHC',
    descriptionNb:
      'Nasjonal klynge for hydrogen i havnæringene med utgangspunkt i Florø. Klyngen bygger verdikjeder for produksjon, distribusjon og bruk av hydrogen i skipsfart og annen maritim virksomhet.',
    descriptionEn:
      'National cluster for hydrogen in the ocean industries, with its origins in Florø. It builds value chains for producing, distributing and using hydrogen in shipping and other maritime activity.',
    foundedYear: 2018,
    website: 'https://oceanhywaycluster.no',
    counties: ['46'],
    sectors: ['C', '20', '50'],
    focusAreas: [
      { nb: 'Hydrogen til sjøs', en: 'Hydrogen at sea' },
      { nb: 'Verdikjeder for hydrogen', en: 'Hydrogen value chains' },
      { nb: 'Nullutslippsfartøy', en: 'Zero-emission vessels' },
    ],
    status: 'active',
    engagements: [
      { level: 'arena', startsOn: '2019-01-01', plannedEndOn: '2021-12-31', yearlyGrantNok: 2_000_000 },
      { level: 'arena_pro', startsOn: '2022-01-01', plannedEndOn: '2026-12-31', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'norwegian-offshore-wind',
    name: 'Norwegian Offshore Wind',
    shortName: 'NOW',
    descriptionNb:
      'Nasjonal havvindklynge med røtter på Vestlandet og flere hundre medlemsbedrifter. Klyngen arbeider for en konkurransedyktig norsk leverandørkjede til både bunnfast og flytende havvind.',
    descriptionEn:
      'National offshore wind cluster with roots on the west coast and several hundred member companies. It works for a competitive Norwegian supply chain for both fixed and floating offshore wind.',
    foundedYear: 2016,
    website: 'https://norwegianoffshorewind.no',
    counties: ['46'],
    sectors: ['D', '35', '42', '33'],
    focusAreas: [
      { nb: 'Flytende havvind', en: 'Floating offshore wind' },
      { nb: 'Leverandørutvikling', en: 'Supplier development' },
      { nb: 'Hjemmemarked og eksport', en: 'Home market and exports' },
    ],
    status: 'active',
    engagements: [
      { level: 'arena', startsOn: '2019-01-01', plannedEndOn: '2021-12-31', yearlyGrantNok: 2_000_000 },
      { level: 'arena_pro', startsOn: '2022-01-01', plannedEndOn: '2026-12-31', yearlyGrantNok: 5_500_000 },
    ],
  },
  {
    slug: 'norwegian-wood-cluster',
    name: 'Norwegian Wood Cluster',
    shortName: 'NWC',
    descriptionNb:
      'Klynge i Innlandet for industrialisert bygging med tre, fra skog og sagbruk til ferdige bygg. Klyngen vil gjøre regionen til et internasjonalt kraftsenter for bærekraftig trebyggeri.',
    descriptionEn:
      'Innlandet cluster for industrialised timber construction, from forest and sawmills to finished buildings. It aims to make the region an international powerhouse for sustainable wood construction.',
    foundedYear: 2017,
    website: null,
    counties: ['34'],
    sectors: ['C', '16', '41'],
    focusAreas: [
      { nb: 'Industrialisert trebygging', en: 'Industrialised timber building' },
      { nb: 'Digitalisering og automasjon', en: 'Digitalisation and automation' },
      { nb: 'Klimavennlige bygg', en: 'Low-carbon buildings' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2021-01-01',
        plannedEndOn: '2023-12-31',
        extendedToOn: '2025-12-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'arena_pro', startsOn: '2026-01-01', plannedEndOn: '2030-12-31', yearlyGrantNok: 4_500_000 },
    ],
  },
  {
    slug: 'solenergiklyngen',
    name: 'Solenergiklyngen',
    shortName: null,
    descriptionNb:
      'Klynge for hele verdikjeden i norsk solenergi, med medlemmer på Østlandet og Sørlandet. Klyngen arbeider for vekst i solenergibransjen, både i Norge og i internasjonale markeder.',
    descriptionEn:
      'Cluster for the whole Norwegian solar energy value chain, with members in eastern and southern Norway. It works for growth in the solar industry both in Norway and in international markets.',
    foundedYear: 2015,
    website: null,
    counties: ['03', '32', '42'],
    sectors: ['D', '35', '27'],
    focusAreas: [
      { nb: 'Solkraft', en: 'Solar power' },
      { nb: 'Materialer og produksjon', en: 'Materials and manufacturing' },
      { nb: 'Energi i utviklingsland', en: 'Energy access in developing countries' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2016-07-01',
        plannedEndOn: '2019-06-30',
        extendedToOn: '2021-06-30',
        yearlyGrantNok: 1_900_000,
      },
      { level: 'arena_pro', startsOn: '2022-01-01', plannedEndOn: '2026-12-31', yearlyGrantNok: 4_000_000 },
    ],
  },
  {
    slug: 'ocean-autonomy-cluster',
    name: 'Ocean Autonomy Cluster',
    shortName: 'OAC',
    descriptionNb:
      'Klynge i Trondheim for autonome og fjernstyrte farkoster på og under havoverflaten. Bedrifter og forskningsmiljøer samarbeider om teknologi, testområder og regelverk for autonome operasjoner.',
    descriptionEn:
      'Trondheim cluster for autonomous and remotely operated craft on and below the sea surface. Companies and researchers collaborate on technology, test areas and regulation for autonomous operations.',
    foundedYear: 2019,
    website: null,
    counties: ['50'],
    sectors: ['C', '26', '30', '72'],
    focusAreas: [
      { nb: 'Autonome skip', en: 'Autonomous ships' },
      { nb: 'Undervannsroboter', en: 'Underwater robotics' },
      { nb: 'Testområder', en: 'Test areas' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2020-01-01',
        plannedEndOn: '2022-12-31',
        extendedToOn: '2024-12-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'arena_pro', startsOn: '2025-01-01', plannedEndOn: '2029-12-31', yearlyGrantNok: 4_500_000 },
    ],
  },
  {
    slug: 'construction-city-cluster',
    name: 'Construction City Cluster',
    shortName: null,
    descriptionNb:
      'Klynge for bygg-, anleggs- og eiendomsnæringen i Osloregionen. Klyngen vil effektivisere bygg og byggeprosesser, prøve ut nye samarbeidsformer og heve kompetansen i bransjen.',
    descriptionEn:
      'Cluster for the construction and property industry in the Oslo region. It seeks more efficient buildings and building processes, new forms of collaboration and higher skills across the industry.',
    foundedYear: 2019,
    website: null,
    counties: ['32', '03'],
    sectors: ['F', '41', '42', '71'],
    focusAreas: [
      { nb: 'Effektive byggeprosesser', en: 'Efficient building processes' },
      { nb: 'Nye samhandlingsformer', en: 'New ways of collaborating' },
      { nb: 'Kompetanse', en: 'Skills' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2020-01-01',
        plannedEndOn: '2022-12-31',
        extendedToOn: '2024-12-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'arena_pro', startsOn: '2025-01-01', plannedEndOn: '2029-12-31', yearlyGrantNok: 4_000_000 },
    ],
  },
  {
    slug: 'cluster-for-applied-ai',
    name: 'Cluster for Applied AI',
    shortName: null,
    descriptionNb:
      'Klynge i Halden for praktisk bruk av kunstig intelligens i næringsliv og offentlig sektor. Klyngen ser KI i sammenheng med cybersikkerhet, etikk, forretningsutvikling og organisasjon.',
    descriptionEn:
      'Halden-based cluster for the practical use of artificial intelligence in business and the public sector. It treats AI together with cyber security, ethics, business development and organisation.',
    foundedYear: 2020,
    website: null,
    counties: ['31'],
    sectors: ['J', '62', '72'],
    focusAreas: [
      { nb: 'Anvendt kunstig intelligens', en: 'Applied artificial intelligence' },
      { nb: 'Cybersikkerhet', en: 'Cyber security' },
      { nb: 'Ansvarlig KI', en: 'Responsible AI' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2021-01-01',
        plannedEndOn: '2023-12-31',
        extendedToOn: '2025-12-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'arena_pro', startsOn: '2026-01-01', plannedEndOn: '2030-12-31', yearlyGrantNok: 4_500_000 },
    ],
  },
  {
    slug: 'h2cluster',
    name: 'H2Cluster',
    shortName: null,
    descriptionNb:
      'Nasjonal hydrogenklynge med base i Lillestrøm-regionen. Klyngen samler et bredt spekter av aktører om innovasjon, verdiskaping og eksport innen hydrogenteknologi.',
    descriptionEn:
      'National hydrogen cluster based in the Lillestrøm region. It gathers a broad range of players around innovation, value creation and exports in hydrogen technology.',
    foundedYear: 2019,
    website: null,
    counties: ['32'],
    sectors: ['C', '20', '35'],
    focusAreas: [
      { nb: 'Hydrogenteknologi', en: 'Hydrogen technology' },
      { nb: 'Hjemmemarked for hydrogen', en: 'Domestic hydrogen market' },
      { nb: 'Eksport', en: 'Exports' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2021-01-01',
        plannedEndOn: '2023-12-31',
        extendedToOn: '2025-12-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'arena_pro', startsOn: '2026-01-01', plannedEndOn: '2030-12-31', yearlyGrantNok: 4_000_000 },
    ],
  },
  {
    slug: 'the-life-science-cluster',
    name: 'The Life Science Cluster',
    shortName: null,
    descriptionNb:
      'Livsvitenskapsklynge i Osloregionen med selskaper, sykehus, akademia og offentlige aktører. Klyngen arbeider for vekst, eksport og flere arbeidsplasser innen legemidler, bioteknologi og helse.',
    descriptionEn:
      'Life science cluster in the Oslo region with companies, hospitals, academia and public bodies. It works for growth, exports and more jobs in pharmaceuticals, biotechnology and health.',
    foundedYear: 2020,
    website: null,
    counties: ['03', '32'],
    sectors: ['C', '21', '72'],
    focusAreas: [
      { nb: 'Legemidler', en: 'Pharmaceuticals' },
      { nb: 'Investeringer i livsvitenskap', en: 'Life science investment' },
      { nb: 'Samarbeid mellom helseklynger', en: 'Collaboration between health clusters' },
    ],
    status: 'active',
    engagements: [
      { level: 'arena', startsOn: '2021-01-01', plannedEndOn: '2023-12-31', yearlyGrantNok: 2_000_000 },
      { level: 'arena_pro', startsOn: '2024-01-01', plannedEndOn: '2028-12-31', yearlyGrantNok: 4_000_000 },
    ],
  },
  {
    slug: 'oslo-edtech-cluster',
    name: 'Oslo EdTech Cluster',
    shortName: null,
    descriptionNb:
      'Klynge i Oslo for utdanningsteknologi med selskaper, skoleeiere og forskningsmiljøer. Klyngen vil bidra til bedre digitale læringsverktøy og hjelpe norske edtech-selskaper å vokse internasjonalt.',
    descriptionEn:
      'Oslo cluster for education technology with companies, school owners and researchers. It aims to improve digital learning tools and help Norwegian edtech companies grow internationally.',
    foundedYear: 2015,
    website: null,
    counties: ['03'],
    sectors: ['P', '85', '62'],
    focusAreas: [
      { nb: 'Digitale læremidler', en: 'Digital learning resources' },
      { nb: 'Skole og næringsliv', en: 'Schools and industry' },
      { nb: 'Internasjonal vekst', en: 'International growth' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2015-07-01',
        plannedEndOn: '2018-06-30',
        extendedToOn: '2020-06-30',
        yearlyGrantNok: 1_800_000,
      },
      { level: 'arena_pro', startsOn: '2024-07-01', plannedEndOn: '2029-06-30', yearlyGrantNok: 4_000_000 },
    ],
  },
  {
    slug: 'circular-wave',
    name: 'Circular Wave',
    shortName: null,
    descriptionNb:
      'Klynge for sirkulær økonomi rundt Oslofjorden, bygget på miljøer i Fredrikstad og Asker. Klyngen utvikler verdikjeder som gjør avfall og sidestrømmer som metaller, glass, batterier og plast til nye ressurser.',
    descriptionEn:
      'Circular economy cluster around the Oslofjord, built on communities in Fredrikstad and Asker. It develops value chains that turn waste and side streams such as metals, glass, batteries and plastics into new resources.',
    foundedYear: 2021,
    website: null,
    counties: ['31', '32'],
    sectors: ['E', '38', '39'],
    focusAreas: [
      { nb: 'Materialgjenvinning', en: 'Material recycling' },
      { nb: 'Sirkulære verdikjeder', en: 'Circular value chains' },
      { nb: 'Batterier og metaller', en: 'Batteries and metals' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2022-01-01',
        plannedEndOn: '2024-12-31',
        extendedToOn: '2026-12-31',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },
  {
    slug: 'energi-i-nord',
    name: 'Energi i Nord',
    shortName: null,
    descriptionNb:
      'Energiklynge som dekker hele Nord-Norge, fra Helgeland til Varanger. Målet er å gjøre landsdelen attraktiv for energiutvikling, fra produksjon og nett til ny industriell bruk av kraft.',
    descriptionEn:
      'Energy cluster covering all of Northern Norway, from Helgeland to Varanger. Its goal is to make the region attractive for energy development, from generation and grids to new industrial uses of power.',
    foundedYear: 2021,
    website: null,
    counties: ['18', '55', '56'],
    sectors: ['D', '35'],
    focusAreas: [
      { nb: 'Energiomstilling i Arktis', en: 'Energy transition in the Arctic' },
      { nb: 'Kraft og nett', en: 'Power and grids' },
      { nb: 'Ny grønn industri', en: 'New green industry' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2022-07-01',
        plannedEndOn: '2025-06-30',
        extendedToOn: '2027-06-30',
        yearlyGrantNok: 2_000_000,
      },
    ],
  },

  // ── Hub-nodes ───────────────────────────────────────────────────────────────────────────────
  {
    slug: 'marine-recycling-cluster',
    name: 'Marine Recycling Cluster',
    shortName: 'MRC',
    descriptionNb:
      'Klynge i Vesterålen for opprydding og gjenvinning av marint avfall. Medlemmene utvikler metoder og teknologi for å samle inn, sortere og gjenvinne plast og utrangert utstyr fra fiskeri og havbruk.',
    descriptionEn:
      'Vesterålen cluster for clean-up and recycling of marine litter. Members develop methods and technology to collect, sort and recycle plastic and discarded gear from fisheries and aquaculture.',
    foundedYear: 2019,
    website: null,
    counties: ['18'],
    sectors: ['E', '38', '39'],
    focusAreas: [
      { nb: 'Marin opprydding', en: 'Marine clean-up' },
      { nb: 'Gjenvinning av havplast', en: 'Recycling ocean plastic' },
      { nb: 'Utrangert oppdrettsutstyr', en: 'End-of-life aquaculture gear' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2020-01-01',
        plannedEndOn: '2022-12-31',
        extendedToOn: '2024-12-31',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'hub_node', startsOn: '2025-01-01', plannedEndOn: '2027-12-31', yearlyGrantNok: 800_000 },
    ],
    hubSlug: 'maritime-cleantech',
  },
  {
    slug: 'nosca-clean-ocean',
    name: 'NOSCA Clean Ocean',
    shortName: 'NOSCA',
    descriptionNb:
      'Nettverk med base i Bergen som bygger på norsk kompetanse innen oljevernberedskap. Klyngen utvikler teknologi og tjenester for å oppdage og håndtere oljesøl, plastforsøpling og skadelige algeoppblomstringer.',
    descriptionEn:
      'Bergen-based network building on Norwegian expertise in oil spill response. It develops technology and services to detect and handle oil spills, plastic pollution and harmful algal blooms.',
    foundedYear: 2012,
    website: null,
    counties: ['46'],
    sectors: ['E', '39', '71'],
    focusAreas: [
      { nb: 'Oljevern', en: 'Oil spill response' },
      { nb: 'Marin forsøpling', en: 'Marine litter' },
      { nb: 'Deteksjon og overvåking', en: 'Detection and monitoring' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2020-01-01',
        plannedEndOn: '2022-12-31',
        extendedToOn: '2024-12-31',
        yearlyGrantNok: 1_900_000,
      },
      { level: 'hub_node', startsOn: '2025-01-01', plannedEndOn: '2027-12-31', yearlyGrantNok: 700_000 },
    ],
    hubSlug: 'gce-ocean-technology',
  },
  {
    slug: 'codcluster',
    name: 'Codcluster',
    shortName: null,
    descriptionNb:
      'Klynge i Nordland for hele verdikjeden for torsk, fra fiske og oppdrett til foredling og marked. Samarbeidet startet som Arena-prosjektet Innovasjon Torskefisk.',
    descriptionEn:
      'Nordland cluster for the whole cod value chain, from catch and farming to processing and markets. The collaboration began as the Arena project Innovasjon Torskefisk.',
    foundedYear: 2014,
    website: null,
    counties: ['18'],
    sectors: ['A', '03', '10'],
    focusAreas: [
      { nb: 'Torskeoppdrett', en: 'Cod farming' },
      { nb: 'Fangstbasert akvakultur', en: 'Capture-based aquaculture' },
      { nb: 'Foredling og marked', en: 'Processing and markets' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2015-07-01',
        plannedEndOn: '2018-06-30',
        extendedToOn: '2020-06-30',
        yearlyGrantNok: 2_000_000,
      },
      { level: 'hub_node', startsOn: '2024-01-01', plannedEndOn: '2026-12-31', yearlyGrantNok: 700_000 },
    ],
    hubSlug: 'nce-seafood-innovation',
  },
  {
    slug: 'biotech-north',
    name: 'Biotech North',
    shortName: null,
    descriptionNb:
      'Bioteknologiklynge i Tromsø med vekt på marine bioaktive stoffer fra arktiske ressurser. Klyngen knytter gründere, sjømatbedrifter og forskning sammen for å skape produkter fra restråstoff og marin bioprospektering.',
    descriptionEn:
      'Biotechnology cluster in Tromsø focusing on marine bioactive compounds from Arctic resources. It links start-ups, seafood companies and researchers to create products from by-products and marine bioprospecting.',
    foundedYear: 2011,
    website: 'https://www.biotechnorth.no',
    counties: ['55'],
    sectors: ['M', '72', '21', '10'],
    focusAreas: [
      { nb: 'Marin bioteknologi', en: 'Marine biotechnology' },
      { nb: 'Bioprospektering', en: 'Bioprospecting' },
      { nb: 'Gründerstøtte', en: 'Start-up support' },
    ],
    status: 'active',
    engagements: [
      {
        level: 'arena',
        startsOn: '2013-07-01',
        plannedEndOn: '2016-06-30',
        extendedToOn: '2018-06-30',
        yearlyGrantNok: 1_800_000,
      },
      { level: 'hub_node', startsOn: '2024-07-01', plannedEndOn: '2027-06-30', yearlyGrantNok: 600_000 },
    ],
    hubSlug: 'nce-blue-legasea',
  },
  {
    slug: 'havbruksnettverk-helgeland',
    name: 'Havbruksnettverk Helgeland',
    shortName: null,
    descriptionNb:
      'Nettverk i Sandnessjøen for teknologi- og leverandørbedrifter innen havbruk på Helgeland. Som en av de to første hub-nodene i klyngeprogrammet samarbeidet nettverket tett med NCE Aquatech Cluster i Trondheim.',
    descriptionEn:
      'Sandnessjøen network of technology and supply companies serving aquaculture on Helgeland. As one of the first two hub-nodes in the cluster programme it worked closely with NCE Aquatech Cluster in Trondheim.',
    foundedYear: 2019,
    website: null,
    counties: ['18'],
    sectors: ['A', '03', 'C'],
    focusAreas: [
      { nb: 'Leverandører til havbruk', en: 'Aquaculture suppliers' },
      { nb: 'Teknologi for oppdrett', en: 'Fish farming technology' },
    ],
    status: 'ended',
    engagements: [
      {
        level: 'hub_node',
        startsOn: '2022-07-01',
        plannedEndOn: '2025-06-30',
        endedOn: '2025-06-30',
        yearlyGrantNok: 750_000,
      },
    ],
    hubSlug: 'nce-aquatech-cluster',
  },
  {
    slug: 'helseinn',
    name: 'HelseINN',
    shortName: null,
    descriptionNb:
      'Helsenettverk i Innlandet for bedrifter innen helse- og velferdsteknologi. Som hub-node samarbeidet nettverket med etablerte helseklynger for å styrke innovasjon og kompetanse i regionen.',
    descriptionEn:
      'Innlandet health network for companies in health and welfare technology. As a hub-node it worked with established health clusters to strengthen innovation and skills in the region.',
    foundedYear: 2020,
    website: null,
    counties: ['34'],
    sectors: ['Q', '86', '88'],
    focusAreas: [
      { nb: 'Helseteknologi', en: 'Health technology' },
      { nb: 'Samarbeid med kommunehelsetjenesten', en: 'Working with municipal health services' },
    ],
    status: 'ended',
    engagements: [
      {
        level: 'hub_node',
        startsOn: '2022-07-01',
        plannedEndOn: '2025-06-30',
        endedOn: '2025-06-30',
        yearlyGrantNok: 700_000,
      },
    ],
    hubSlug: 'norway-health-tech',
  },

  // ── Ended clusters ──────────────────────────────────────────────────────────────────────────
  {
    slug: 'mineralklynge-nord',
    name: 'Mineralklynge Nord',
    shortName: null,
    descriptionNb:
      'Klynge for mineralnæringen i Nord-Norge med bergverksselskaper, leverandører og kunnskapsmiljøer. Klyngen arbeidet for bærekraftig utvinning av mineraler og en sterkere leverandørindustri i landsdelen.',
    descriptionEn:
      'Cluster for the mining industry in Northern Norway, with mining companies, suppliers and knowledge institutions. It worked for sustainable extraction of minerals and a stronger supply industry in the region.',
    foundedYear: 2011,
    website: null,
    counties: ['18', '55', '56'],
    sectors: ['B', '07', '08'],
    focusAreas: [
      { nb: 'Bærekraftig gruvedrift', en: 'Sustainable mining' },
      { nb: 'Leverandørutvikling', en: 'Supplier development' },
      { nb: 'Kompetanse', en: 'Skills' },
    ],
    status: 'ended',
    engagements: [
      { level: 'pre_project', startsOn: '2011-09-01', plannedEndOn: '2012-06-30', yearlyGrantNok: 400_000 },
      {
        level: 'arena',
        startsOn: '2012-07-01',
        plannedEndOn: '2015-06-30',
        extendedToOn: '2017-06-30',
        yearlyGrantNok: 1_800_000,
      },
    ],
  },
  {
    slug: 'nce-culinology',
    name: 'NCE Culinology',
    shortName: null,
    descriptionNb:
      'Klynge i Stavangerregionen for mat, måltider og matteknologi. Den koblet matprodusenter, kokkefaget og forskning for å utvikle nye produkter og måltidskonsepter.',
    descriptionEn:
      'Stavanger-region cluster for food, meals and food technology. It connected food producers, the culinary trade and research to develop new products and meal concepts.',
    foundedYear: 2006,
    website: null,
    counties: ['11'],
    sectors: ['C', '10', '56'],
    focusAreas: [
      { nb: 'Matinnovasjon', en: 'Food innovation' },
      { nb: 'Måltidsløsninger', en: 'Meal solutions' },
    ],
    status: 'ended',
    engagements: [
      { level: 'nce', startsOn: '2007-07-01', plannedEndOn: '2017-06-30', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'nce-tourism-fjord-norway',
    name: 'NCE Tourism – Fjord Norway',
    shortName: 'NCE Tourism',
    descriptionNb:
      'Reiselivsklynge på Vestlandet for opplevelsesbasert turisme i fjordlandskapet. Klyngen arbeidet med produktutvikling, kvalitet og samarbeid mellom destinasjoner og reiselivsbedrifter.',
    descriptionEn:
      'West coast tourism cluster for experience-based tourism in the fjord landscape. It worked on product development, quality and collaboration between destinations and tourism businesses.',
    foundedYear: 2008,
    website: null,
    counties: ['46', '15', '11'],
    sectors: ['I', '55', '79'],
    focusAreas: [
      { nb: 'Opplevelsesturisme', en: 'Experience tourism' },
      { nb: 'Destinasjonsutvikling', en: 'Destination development' },
    ],
    status: 'ended',
    engagements: [
      { level: 'nce', startsOn: '2009-07-01', plannedEndOn: '2019-06-30', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'nce-instrumentation',
    name: 'NCE Instrumentation',
    shortName: null,
    descriptionNb:
      'Klynge i Trondheim for instrumentering, måleteknologi og sensorer. Bedrifter og forskningsmiljøer samarbeidet om teknologi for industri, energi og miljøovervåking.',
    descriptionEn:
      'Trondheim cluster for instrumentation, measurement technology and sensors. Companies and researchers collaborated on technology for industry, energy and environmental monitoring.',
    foundedYear: 2006,
    website: null,
    counties: ['50'],
    sectors: ['C', '26', '72'],
    focusAreas: [
      { nb: 'Sensorteknologi', en: 'Sensor technology' },
      { nb: 'Måleteknikk', en: 'Measurement engineering' },
    ],
    status: 'ended',
    engagements: [
      { level: 'nce', startsOn: '2007-07-01', plannedEndOn: '2017-06-30', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'nce-micro-and-nanotechnology',
    name: 'NCE Micro- and Nanotechnology',
    shortName: null,
    descriptionNb:
      'Klynge i Horten-området for mikro- og nanoteknologi, elektronikk og sensorsystemer. Den var blant de første NCE-klyngene og bygde videre på et langvarig elektronikkmiljø i Vestfold.',
    descriptionEn:
      'Cluster in the Horten area for micro and nanotechnology, electronics and sensor systems. It was among the first NCE clusters and built on a long-standing electronics community in Vestfold.',
    foundedYear: 2006,
    website: null,
    counties: ['39'],
    sectors: ['C', '26', '72'],
    focusAreas: [
      { nb: 'Mikrosystemer', en: 'Microsystems' },
      { nb: 'Elektronikkproduksjon', en: 'Electronics manufacturing' },
    ],
    status: 'ended',
    engagements: [
      { level: 'nce', startsOn: '2006-07-01', plannedEndOn: '2016-06-30', yearlyGrantNok: 6_000_000 },
    ],
  },
  {
    slug: 'nce-systems-engineering-kongsberg',
    name: 'NCE Systems Engineering Kongsberg',
    shortName: 'NCE SEK',
    descriptionNb:
      'Teknologiklynge i Kongsberg for systemutvikling i avanserte bransjer som forsvar, maritim sektor, bil og energi. Klyngen gjorde systems engineering til en felles kompetanse på tvers av bedriftene.',
    descriptionEn:
      'Technology cluster in Kongsberg for systems development in advanced industries such as defence, maritime, automotive and energy. It made systems engineering a shared competence across companies.',
    foundedYear: 2006,
    website: null,
    counties: ['33'],
    sectors: ['C', '28', '29', '62'],
    focusAreas: [
      { nb: 'Systems engineering', en: 'Systems engineering' },
      { nb: 'Komplekse produkter', en: 'Complex products' },
    ],
    status: 'ended',
    engagements: [
      { level: 'nce', startsOn: '2006-07-01', plannedEndOn: '2016-06-30', yearlyGrantNok: 6_000_000 },
    ],
  },
  {
    slug: 'nce-aquaculture',
    name: 'NCE Aquaculture',
    shortName: null,
    descriptionNb:
      'Havbruksklynge i Bodø-regionen med oppdrettere, leverandører og forskning. Klyngen arbeidet med kompetanse og teknologi for lønnsomt og bærekraftig oppdrett i nord.',
    descriptionEn:
      'Aquaculture cluster in the Bodø region with fish farmers, suppliers and research. It worked on skills and technology for profitable and sustainable farming in the north.',
    foundedYear: 2007,
    website: null,
    counties: ['18'],
    sectors: ['A', '03'],
    focusAreas: [
      { nb: 'Oppdrett i nord', en: 'Fish farming in the north' },
      { nb: 'Kompetanse', en: 'Skills' },
    ],
    status: 'ended',
    engagements: [
      { level: 'nce', startsOn: '2007-07-01', plannedEndOn: '2017-06-30', yearlyGrantNok: 5_000_000 },
    ],
  },
  {
    slug: 'arena-usus',
    name: 'Arena USUS',
    shortName: 'USUS',
    descriptionNb:
      'Reiselivsklynge på Agder for opplevelser, attraksjoner og overnatting. Arena-prosjektet styrket samarbeidet mellom reiselivsbedriftene og utviklet landsdelen som helårsdestinasjon.',
    descriptionEn:
      'Tourism cluster in Agder for experiences, attractions and accommodation. The Arena project strengthened collaboration among tourism businesses and developed the region as a year-round destination.',
    foundedYear: 2008,
    website: null,
    counties: ['42'],
    sectors: ['I', '55', '79', '93'],
    focusAreas: [
      { nb: 'Helårsturisme', en: 'Year-round tourism' },
      { nb: 'Opplevelsesnæring', en: 'Experience industry' },
    ],
    status: 'ended',
    engagements: [
      {
        level: 'arena',
        startsOn: '2008-07-01',
        plannedEndOn: '2011-06-30',
        extendedToOn: '2013-06-30',
        yearlyGrantNok: 1_500_000,
      },
    ],
  },
  {
    slug: 'norwegian-rooms',
    name: 'Norwegian Rooms',
    shortName: null,
    descriptionNb:
      'Klynge for møbel- og interiørbransjen med tyngdepunkt på Sunnmøre. Klyngen arbeidet med design, automatisering og internasjonal markedsføring av norske møbler.',
    descriptionEn:
      'Cluster for the furniture and interior industry centred on Sunnmøre. It worked on design, automation and international marketing of Norwegian furniture.',
    foundedYear: 2013,
    website: 'https://www.norwegianrooms.no',
    counties: ['15'],
    sectors: ['C', '31'],
    focusAreas: [
      { nb: 'Møbeldesign', en: 'Furniture design' },
      { nb: 'Automatisert produksjon', en: 'Automated production' },
      { nb: 'Internasjonale markeder', en: 'International markets' },
    ],
    status: 'ended',
    engagements: [
      {
        level: 'arena',
        startsOn: '2014-07-01',
        plannedEndOn: '2017-06-30',
        extendedToOn: '2019-06-30',
        yearlyGrantNok: 1_800_000,
      },
    ],
  },
  {
    slug: 'norwegian-fashion-hub',
    name: 'Norwegian Fashion Hub',
    shortName: null,
    descriptionNb:
      'Klynge i Oslo for mote, tekstil og design. Klyngen arbeidet med kompetanse, internasjonalisering og mer bærekraftige verdikjeder i motebransjen.',
    descriptionEn:
      'Oslo cluster for fashion, textiles and design. It worked on skills, internationalisation and more sustainable value chains in the fashion industry.',
    foundedYear: 2014,
    website: null,
    counties: ['03'],
    sectors: ['C', '14', '74'],
    focusAreas: [
      { nb: 'Bærekraftig mote', en: 'Sustainable fashion' },
      { nb: 'Internasjonalisering', en: 'Internationalisation' },
    ],
    status: 'ended',
    engagements: [
      {
        level: 'arena',
        startsOn: '2015-07-01',
        plannedEndOn: '2018-06-30',
        extendedToOn: '2020-06-30',
        yearlyGrantNok: 1_800_000,
      },
    ],
  },
  {
    slug: 'i4plastics',
    name: 'i4plastics',
    shortName: null,
    descriptionNb:
      'Klynge i Innlandet for plast- og komposittindustrien, med tett kobling til industrimiljøet på Raufoss. Arena-prosjektet arbeidet med materialteknologi, gjenvinning og automatisert produksjon av plastprodukter.',
    descriptionEn:
      'Innlandet cluster for the plastics and composites industry, closely tied to the Raufoss industrial community. The Arena project worked on materials technology, recycling and automated production of plastic products.',
    foundedYear: 2014,
    website: null,
    counties: ['34'],
    sectors: ['C', '22'],
    focusAreas: [
      { nb: 'Plast og kompositter', en: 'Plastics and composites' },
      { nb: 'Gjenvinning av plast', en: 'Plastic recycling' },
    ],
    status: 'ended',
    engagements: [
      {
        level: 'arena',
        startsOn: '2015-07-01',
        plannedEndOn: '2018-06-30',
        extendedToOn: '2020-06-30',
        yearlyGrantNok: 1_800_000,
      },
    ],
  },
  {
    slug: 'arena-arktisk-vedlikehold',
    name: 'Arena Arktisk Vedlikehold',
    shortName: null,
    descriptionNb:
      'Klynge i Finnmark for drift, vedlikehold og modifikasjon av industri- og energianlegg i nord. Arena-prosjektet styrket lokale leverandører slik at de kunne konkurrere om oppdrag under arktiske forhold.',
    descriptionEn:
      'Finnmark cluster for operations, maintenance and modification of industrial and energy facilities in the north. The Arena project strengthened local suppliers so they could compete for work in Arctic conditions.',
    foundedYear: 2014,
    website: null,
    counties: ['56'],
    sectors: ['C', '33', '09'],
    focusAreas: [
      { nb: 'Vedlikehold og modifikasjon', en: 'Maintenance and modification' },
      { nb: 'Lokale leverandører', en: 'Local suppliers' },
    ],
    status: 'ended',
    engagements: [
      { level: 'arena', startsOn: '2015-07-01', plannedEndOn: '2018-06-30', yearlyGrantNok: 1_800_000 },
    ],
  },
  {
    slug: 'arena-olje-og-gassklynge-helgeland',
    name: 'Arena olje- og gassklynge Helgeland',
    shortName: null,
    descriptionNb:
      'Klynge for leverandører til olje- og gassvirksomheten utenfor Helgeland. Arena-prosjektet bygde kompetanse og samarbeid for å vinne oppdrag innen drift og vedlikehold av felt i Norskehavet.',
    descriptionEn:
      'Cluster for suppliers to oil and gas activity off Helgeland. The Arena project built skills and collaboration to win work in operating and maintaining fields in the Norwegian Sea.',
    foundedYear: 2014,
    website: null,
    counties: ['18'],
    sectors: ['B', '06', '09'],
    focusAreas: [
      { nb: 'Drift og vedlikehold', en: 'Operations and maintenance' },
      { nb: 'Regionale leverandører', en: 'Regional suppliers' },
    ],
    status: 'ended',
    engagements: [
      {
        level: 'arena',
        startsOn: '2015-07-01',
        plannedEndOn: '2018-06-30',
        extendedToOn: '2020-06-30',
        yearlyGrantNok: 1_800_000,
      },
    ],
  },
  {
    slug: 'tequity-cluster',
    name: 'Tequity Cluster',
    shortName: 'Tequity',
    descriptionNb:
      'Klynge i Trondheim for teknologibaserte oppstartsselskaper og kapital. Målet var å hjelpe regionens teknologiselskaper å vokse raskere ved å koble dem med investorer og etablert næringsliv.',
    descriptionEn:
      'Trondheim cluster for technology start-ups and capital. The aim was to help the region’s tech companies grow faster by linking them with investors and established industry.',
    foundedYear: 2016,
    website: null,
    counties: ['50'],
    sectors: ['J', '62', '64'],
    focusAreas: [
      { nb: 'Vekstselskaper', en: 'Scale-ups' },
      { nb: 'Tilgang på kapital', en: 'Access to capital' },
    ],
    status: 'ended',
    engagements: [
      { level: 'arena', startsOn: '2017-11-01', plannedEndOn: '2020-10-31', yearlyGrantNok: 2_200_000 },
    ],
  },
  {
    slug: 'arena-oslo-smart-event-city',
    name: 'Arena Oslo – The Smart Event City',
    shortName: null,
    descriptionNb:
      'Klynge i Oslo for arrangements-, møte- og opplevelsesnæringen. Den arbeidet for smartere og mer bærekraftige arrangementer og for å styrke Oslo som vertsby.',
    descriptionEn:
      'Oslo cluster for the events, meetings and experience industry. It worked for smarter and more sustainable events and to strengthen Oslo as a host city.',
    foundedYear: 2017,
    website: null,
    counties: ['03'],
    sectors: ['N', '82', '93'],
    focusAreas: [
      { nb: 'Bærekraftige arrangementer', en: 'Sustainable events' },
      { nb: 'Vertskapsattraktivitet', en: 'Attractiveness as a host city' },
    ],
    status: 'ended',
    engagements: [
      { level: 'arena', startsOn: '2017-11-01', plannedEndOn: '2020-10-31', yearlyGrantNok: 2_200_000 },
    ],
  },
  {
    slug: 'betongklyngen-n3c',
    name: 'Betongklyngen N3C',
    shortName: 'N3C',
    descriptionNb:
      'Klynge for bygg og betong i kaldt klima, med medlemmer i Troms, Nordland og Trøndelag. Målet var et ledende miljø for innovasjon og kompetanse innen betongarbeid under arktiske forhold.',
    descriptionEn:
      'Cluster for building and concrete in cold climates, with members in Troms, Nordland and Trøndelag. The goal was a leading community for innovation and skills in concrete work under Arctic conditions.',
    foundedYear: 2017,
    website: null,
    counties: ['55', '18', '50'],
    sectors: ['C', '23', '41', '42'],
    focusAreas: [
      { nb: 'Betong i kaldt klima', en: 'Concrete in cold climates' },
      { nb: 'Bærekraftig bygging', en: 'Sustainable construction' },
    ],
    status: 'ended',
    engagements: [
      {
        level: 'arena',
        startsOn: '2019-01-01',
        plannedEndOn: '2021-12-31',
        extendedToOn: '2023-12-31',
        yearlyGrantNok: 1_800_000,
      },
    ],
  },
];
