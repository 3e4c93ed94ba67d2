// The rare-earth vocabulary of the synthetic figures, claims and charts: metrics with the kind of
// quantity they measure, the unit spellings analysts type for them, their typical size and how
// often they are reported; the entities they are reported for (countries and regions, companies,
// mine projects, price markets); and the publications typed-in figures are cited from. Lists are
// ordered by how often each item turns up in reporting, and picked with Zipf weights, so a few
// values dominate and a long tail gives the figures view's facets many values.
import type { Random } from './vocabulary';

/** A kind of quantity; all figures of one metric share it, so every metric can be charted. */
export type QuantityFamily = 'mass' | 'share' | 'change' | 'price-usd' | 'price-cny' | 'money' | 'count';

export type EntityPool = 'countries' | 'companies' | 'projects' | 'markets';

/** How a metric's periods are reported. */
export type PeriodStyle = 'year' | 'quarter' | 'month' | 'half';

/** Who publishes a metric: sources are matched to metrics by this. */
export type MetricKind = 'production' | 'trade' | 'price' | 'company' | 'policy';

export interface MetricDefinition {
  name: string;
  family: QuantityFamily;
  kind: MetricKind;
  /** Size for the largest entity, per year, in the family's first unit (t, %, USD/kg, CNY/t, million USD). */
  typical: number;
  entities: EntityPool;
  periods: PeriodStyle[];
}

/** Unit spellings per family: [typed unit, value in that unit per value in the first unit, weight]. */
export const FAMILY_UNITS: Record<QuantityFamily, [string, number, number][]> = {
  mass: [
    ['t', 1, 0.62],
    ['tonnes', 1, 0.12],
    ['metric tons', 1, 0.04],
    ['kt', 0.001, 0.22]
  ],
  share: [['%', 1, 1]],
  change: [['%', 1, 1]],
  'price-usd': [
    ['USD/kg', 1, 0.72],
    ['$/kg', 1, 0.1],
    ['USD/t', 1000, 0.18]
  ],
  'price-cny': [
    ['CNY/t', 1, 0.7],
    ['RMB/t', 1, 0.15],
    ['CNY/kg', 0.001, 0.15]
  ],
  money: [
    ['million USD', 1, 0.6],
    ['USD', 1e6, 0.25],
    ['billion USD', 0.001, 0.15]
  ],
  count: [['', 1, 1]]
};

const ELEMENT_PRICES: [string, number][] = [
  ['NdPr oxide', 62],
  ['dysprosium oxide', 260],
  ['terbium oxide', 950],
  ['neodymium oxide', 68],
  ['praseodymium oxide', 66],
  ['neodymium metal', 80],
  ['dysprosium metal', 340],
  ['terbium metal', 1250],
  ['lanthanum oxide', 1.1],
  ['cerium oxide', 1.2],
  ['europium oxide', 28],
  ['yttrium oxide', 7.5],
  ['samarium oxide', 2.4],
  ['gadolinium oxide', 24],
  ['holmium oxide', 75],
  ['erbium oxide', 38],
  ['lutetium oxide', 780],
  ['scandium oxide', 900],
  ['NdFeB magnet (N52)', 95],
  ['ferro-dysprosium', 300]
];

const TRADED_PRODUCTS = [
  'rare-earth magnets',
  'rare-earth compounds',
  'ore concentrate',
  'mixed rare-earth carbonate',
  'rare-earth metals and alloys',
  'NdFeB magnets',
  'cerium compounds',
  'lanthanum compounds',
  'yttrium compounds',
  'ferrocerium',
  'dysprosium products',
  'terbium products',
  'samarium-cobalt magnets',
  'scandium oxide',
  'monazite concentrate'
];

const OXIDE_OUTPUTS = ['NdPr oxide', 'dysprosium oxide', 'terbium oxide', 'lanthanum oxide', 'cerium oxide', 'yttrium oxide', 'mixed carbonate', 'separated oxides'];

function metric(name: string, family: QuantityFamily, kind: MetricKind, typical: number, entities: EntityPool, periods: PeriodStyle[]): MetricDefinition {
  return { name, family, kind, typical, entities, periods };
}

/** Head first: the order sets each metric's weight. */
export const METRICS: MetricDefinition[] = [
  metric('mine production', 'mass', 'production', 270_000, 'countries', ['year', 'year', 'year', 'half', 'quarter']),
  metric('exports', 'mass', 'trade', 60_000, 'countries', ['month', 'year', 'quarter']),
  metric('refinery output', 'mass', 'production', 240_000, 'countries', ['year', 'year', 'quarter']),
  metric('magnet production', 'mass', 'production', 300_000, 'countries', ['year', 'year', 'quarter']),
  metric('share of world mine production', 'share', 'production', 69, 'countries', ['year']),
  metric('NdPr oxide price', 'price-usd', 'price', 62, 'markets', ['month', 'month', 'quarter', 'year']),
  metric('imports', 'mass', 'trade', 40_000, 'countries', ['month', 'year', 'quarter']),
  metric('reserves', 'mass', 'production', 44_000_000, 'countries', ['year']),
  metric('share of world refining', 'share', 'production', 90, 'countries', ['year']),
  metric('dysprosium oxide price', 'price-usd', 'price', 260, 'markets', ['month', 'quarter', 'year']),
  metric('mining quota', 'mass', 'policy', 270_000, 'countries', ['year', 'half']),
  metric('exports of rare-earth magnets', 'mass', 'trade', 58_000, 'countries', ['month', 'quarter', 'year']),
  metric('share of magnet production', 'share', 'production', 92, 'countries', ['year']),
  metric('terbium oxide price', 'price-usd', 'price', 950, 'markets', ['month', 'quarter']),
  metric('export value', 'money', 'trade', 4_200, 'countries', ['year', 'quarter', 'month']),
  metric('smelting and separation quota', 'mass', 'policy', 250_000, 'countries', ['year', 'half']),
  metric('separation capacity', 'mass', 'company', 60_000, 'companies', ['year']),
  metric('NdPr oxide output', 'mass', 'company', 10_500, 'companies', ['quarter', 'year', 'half']),
  metric('revenue', 'money', 'company', 1_400, 'companies', ['quarter', 'year', 'half']),
  metric('consumption', 'mass', 'production', 200_000, 'countries', ['year']),
  metric('NdPr oxide price (domestic)', 'price-cny', 'price', 450_000, 'markets', ['month', 'quarter']),
  metric('magnet capacity', 'mass', 'company', 40_000, 'companies', ['year']),
  metric('import dependence', 'share', 'trade', 80, 'countries', ['year']),
  metric('export growth', 'change', 'trade', 18, 'countries', ['year', 'quarter', 'month']),
  metric('stockpile', 'mass', 'policy', 20_000, 'countries', ['year']),
  metric('capital expenditure', 'money', 'company', 600, 'projects', ['year', 'half']),
  metric('ore grade', 'share', 'production', 6.5, 'projects', ['year']),
  metric('mineral resource', 'mass', 'company', 3_500_000, 'projects', ['year']),
  metric('concentrate production', 'mass', 'company', 25_000, 'projects', ['quarter', 'year']),
  metric('recovery rate', 'share', 'company', 72, 'projects', ['year']),
  metric('capacity utilisation', 'share', 'company', 78, 'companies', ['quarter', 'year']),
  metric('government funding', 'money', 'policy', 900, 'countries', ['year']),
  metric('import value', 'money', 'trade', 2_100, 'countries', ['year', 'quarter']),
  metric('recycled output', 'mass', 'production', 6_000, 'countries', ['year']),
  metric('operating mines', 'count', 'production', 40, 'countries', ['year']),
  metric('separation plants', 'count', 'production', 30, 'countries', ['year']),
  metric('share of US imports', 'share', 'trade', 70, 'countries', ['year']),
  metric('employees', 'count', 'company', 5_000, 'companies', ['year']),
  metric('offtake volume', 'mass', 'company', 8_000, 'companies', ['year']),
  metric('net profit', 'money', 'company', 300, 'companies', ['quarter', 'year']),
  ...ELEMENT_PRICES.slice(3).map(([name, typical]) => metric(`${name} price`, 'price-usd', 'price', typical, 'markets', ['month', 'quarter', 'year'])),
  ...ELEMENT_PRICES.slice(0, 8).map(([name, typical]) =>
    metric(`${name} price (domestic)`, 'price-cny', 'price', typical * 7_300, 'markets', ['month', 'quarter'])
  ),
  ...TRADED_PRODUCTS.map((product) => metric(`exports of ${product}`, 'mass', 'trade', 12_000, 'countries', ['month', 'quarter', 'year'])),
  ...TRADED_PRODUCTS.map((product) => metric(`imports of ${product}`, 'mass', 'trade', 9_000, 'countries', ['month', 'quarter', 'year'])),
  ...OXIDE_OUTPUTS.map((oxide) => metric(`${oxide} production`, 'mass', 'production', 30_000, 'countries', ['year', 'quarter'])),
  ...OXIDE_OUTPUTS.map((oxide) => metric(`${oxide} output (company)`, 'mass', 'company', 4_000, 'companies', ['quarter', 'year'])),
  ...TRADED_PRODUCTS.slice(0, 8).map((product) => metric(`export value of ${product}`, 'money', 'trade', 900, 'countries', ['year', 'quarter']))
];

export const ENTITIES: Record<EntityPool, string[]> = {
  countries: [
    'China', 'World', 'United States', 'Burma', 'Australia', 'Nigeria', 'Thailand', 'India', 'Russia', 'Vietnam', 'Brazil',
    'Japan', 'Malaysia', 'European Union', 'Madagascar', 'Laos', 'Germany', 'South Korea', 'Estonia', 'Canada', 'Greenland',
    'Inner Mongolia', 'Jiangxi', 'Tanzania', 'South Africa', 'Kazakhstan', 'Uzbekistan', 'Kachin State', 'Guangdong', 'Sichuan',
    'Chile', 'Sweden', 'Norway', 'France', 'United Kingdom', 'Netherlands', 'Italy', 'Turkey', 'Saudi Arabia', 'Indonesia',
    'Philippines', 'Mongolia', 'Kenya', 'Malawi', 'Uganda', 'Burundi', 'Angola', 'Namibia', 'Mexico', 'Taiwan', 'Austria',
    'Belgium', 'Poland', 'Finland', 'Spain', 'Czechia', 'Peru', 'Argentina', 'Egypt', 'Morocco', 'Pakistan', 'Sri Lanka',
    'United Arab Emirates', 'Kyrgyzstan', 'Tajikistan', 'Zambia', 'Mozambique', 'Fujian', 'Hunan', 'Guangxi', 'Yunnan',
    'Shandong', 'Shan State', 'Western Australia', 'Queensland', 'Northern Territory', 'California', 'Texas', 'Wyoming',
    'Baotou', 'Ganzhou', 'Longnan', 'Mianning', 'Pahang', 'Rest of world'
  ],
  companies: [
    'China Northern Rare Earth', 'China Rare Earth Group', 'Lynas Rare Earths', 'MP Materials', 'Shenghe Resources', 'Iluka Resources',
    'JL Mag', 'Ningbo Yunsheng', 'Neo Performance Materials', 'Energy Fuels', 'Arafura Rare Earths', 'Solvay', 'Shin-Etsu Chemical',
    'Proterial', 'TDK', 'Vacuumschmelze', 'Zhong Ke San Huan', 'Xiamen Tungsten', 'Ganzhou Rare Earth Group', 'Minmetals Rare Earth',
    'Baotou Steel', 'Chinalco', 'Australian Strategic Materials', 'Hastings Technology Metals', 'Pensana', 'Mkango Resources',
    'Rainbow Rare Earths', 'Peak Rare Earths', 'Vital Metals', 'USA Rare Earth', 'Noveon Magnetics', 'Niron Magnetics', 'Ucore',
    'Rare Element Resources', 'Aclara Resources', 'Serra Verde Mining', 'Less Common Metals', 'Carester', 'REEtec',
    'Leading Edge Materials', 'Torngat Metals', 'Defense Metals', 'Ionic Rare Earths', 'Meteoric Resources', 'Lindian Resources'
  ],
  projects: [
    'Mount Weld', 'Mountain Pass', 'Bayan Obo', 'Nolans', 'Browns Range', 'Kvanefjeld', 'Tanbreez', 'Songwe Hill', 'Ngualla',
    'Steenkampskraal', 'Lofdal', 'Makuutu', 'Serra Verde', 'Araxá', 'Round Top', 'Bear Lodge', 'Norra Kärr', 'Fen', 'Tomtor',
    'Dong Pao', 'Eneabba', 'Yangibana', 'Dubbo', 'Halleck Creek', 'Sheep Creek', 'Phalaborwa', 'Longonjo', 'Kangankunde',
    'Lovozero', 'Strange Lake', 'Nechalacho', 'Hoidas Lake', 'Ashram', 'Olserum', 'Per Geijer', 'Penco', 'La Paz', 'Caldeira',
    'Wigu Hill', 'Mrima Hill', 'Zandkopsdrift', 'Gakara', 'Sarfartoq', 'Wicheeda', 'Tantalus'
  ],
  markets: ['China', 'FOB China', 'CIF Europe', 'Europe', 'Japan', 'United States', 'Baotou', 'Ganzhou', 'India', 'South Korea']
};

export interface SourceDefinition {
  publisher: string;
  title: string;
  kinds: MetricKind[];
  /** First and last edition year; an edition reports periods before it. */
  editions: [number, number];
  /** Builds a plausible address for an edition, or null when the source is rarely linked. */
  url: ((edition: number) => string) | null;
  /** How editions are named ("2025", "2025 edition", "Q3 2024"). */
  editionStyle: 'year' | 'edition' | 'quarter' | 'month';
}

/** Head first, like the metrics. */
export const SOURCES: SourceDefinition[] = [
  { publisher: 'USGS', title: 'Mineral Commodity Summaries: Rare Earths', kinds: ['production', 'trade'], editions: [2012, 2025], url: (year) => `https://pubs.usgs.gov/periodicals/mcs${year}/mcs${year}-rare-earths.pdf`, editionStyle: 'year' },
  { publisher: 'General Administration of Customs of China', title: 'Rare-earth export statistics', kinds: ['trade'], editions: [2015, 2025], url: null, editionStyle: 'month' },
  { publisher: 'Benchmark Mineral Intelligence', title: 'Rare Earths Price Assessment', kinds: ['price'], editions: [2019, 2025], url: null, editionStyle: 'month' },
  { publisher: 'Adamas Intelligence', title: 'Rare Earth Magnet Market Outlook', kinds: ['production', 'trade', 'price'], editions: [2018, 2025], url: null, editionStyle: 'edition' },
  { publisher: 'Ministry of Industry and Information Technology', title: 'Rare-earth mining and smelting quota notice', kinds: ['policy'], editions: [2014, 2025], url: null, editionStyle: 'year' },
  { publisher: 'Argus Media', title: 'Argus Rare Earths', kinds: ['price', 'trade'], editions: [2018, 2025], url: null, editionStyle: 'month' },
  { publisher: 'Lynas Rare Earths', title: 'Quarterly activities report', kinds: ['company'], editions: [2016, 2025], url: (year) => `https://lynasrareearths.com/reports/${year}`, editionStyle: 'quarter' },
  { publisher: 'MP Materials', title: 'Annual report (Form 10-K)', kinds: ['company'], editions: [2021, 2025], url: (year) => `https://investors.mpmaterials.com/sec-filings/${year}`, editionStyle: 'year' },
  { publisher: 'IEA', title: 'Global Critical Minerals Outlook', kinds: ['production', 'trade', 'policy'], editions: [2023, 2025], url: (year) => `https://www.iea.org/reports/global-critical-minerals-outlook-${year}`, editionStyle: 'year' },
  { publisher: 'Fastmarkets', title: 'Rare earths price report', kinds: ['price'], editions: [2017, 2025], url: null, editionStyle: 'month' },
  { publisher: 'Shanghai Metals Market', title: 'SMM rare-earth prices', kinds: ['price'], editions: [2016, 2025], url: null, editionStyle: 'month' },
  { publisher: 'European Commission', title: 'Study on the critical raw materials for the EU', kinds: ['production', 'trade', 'policy'], editions: [2017, 2023], url: (year) => `https://single-market-economy.ec.europa.eu/crm-${year}`, editionStyle: 'edition' },
  { publisher: 'China Rare Earth Industry Association', title: 'Annual industry statistics', kinds: ['production', 'company'], editions: [2014, 2025], url: null, editionStyle: 'year' },
  { publisher: 'Iluka Resources', title: 'Annual report', kinds: ['company'], editions: [2015, 2025], url: null, editionStyle: 'year' },
  { publisher: 'USGS', title: 'Minerals Yearbook: Rare Earths', kinds: ['production', 'trade'], editions: [2012, 2022], url: (year) => `https://www.usgs.gov/minerals-yearbook/rare-earths-${year}`, editionStyle: 'year' },
  { publisher: 'JOGMEC', title: 'Mineral resources material flow', kinds: ['trade', 'production'], editions: [2015, 2024], url: null, editionStyle: 'year' },
  { publisher: 'British Geological Survey', title: 'World mineral production', kinds: ['production'], editions: [2014, 2024], url: (year) => `https://www.bgs.ac.uk/world-mineral-production-${year}`, editionStyle: 'edition' },
  { publisher: 'UN Comtrade', title: 'Trade data: HS 2846, 2805, 8505', kinds: ['trade'], editions: [2014, 2025], url: null, editionStyle: 'year' },
  { publisher: 'Global Witness', title: "Myanmar's poisoned mountains", kinds: ['production', 'trade'], editions: [2022, 2024], url: (year) => `https://www.globalwitness.org/en/campaigns/natural-resource-governance/myanmar-${year}`, editionStyle: 'year' },
  { publisher: 'US Department of Energy', title: 'Critical Materials Assessment', kinds: ['production', 'policy'], editions: [2019, 2023], url: null, editionStyle: 'year' },
  { publisher: 'Wood Mackenzie', title: 'Rare earths market service', kinds: ['production', 'price', 'company'], editions: [2018, 2025], url: null, editionStyle: 'quarter' },
  { publisher: 'Company filings', title: 'Feasibility study', kinds: ['company'], editions: [2016, 2025], url: null, editionStyle: 'year' }
];

export const FIGURE_NOTES = [
  'estimate',
  'rounded',
  'as first published',
  'excludes undocumented production',
  'includes material imported from Burma',
  'preliminary',
  'total rare-earth oxide',
  'annualised from the quarter',
  'reported in the company’s presentation',
  'from the table, not the text'
];

export const MASS_BASES = ['REO', 'REO', 'REO', 'gross weight', 'contained metal', 'TREO'];

/** Picks index i of n with probability ∝ 1 / (i + offset): the head of a list is common, its tail rare. */
export function zipfIndex(random: Random, n: number, offset = 1.5): number {
  // Inverse of the continuous approximation of the harmonic CDF: cheap and good enough.
  const u = random.next();
  const index = Math.floor(offset * Math.pow((n + offset) / offset, u) - offset);
  return Math.min(n - 1, Math.max(0, index));
}

/** One option's first element, with probability ∝ weight(option). */
export function pickWeighted<Option extends readonly [unknown, ...unknown[]]>(random: Random, options: readonly Option[], weight: (option: Option) => number): Option[0] {
  let total = 0;
  for (const option of options) total += weight(option);
  let u = random.next() * total;
  for (const option of options) {
    u -= weight(option);
    if (u < 0) return option[0];
  }
  return options[options.length - 1][0];
}
