// Deterministic text for the synthetic library: a seeded PRNG, a Zipf-distributed vocabulary (real
// English words at the head, pronounceable made-up words in the long tail, so that FTS5 sees a
// realistic number of distinct terms) and the rare-earth domain words analysts actually search for.

/** mulberry32: tiny, fast and good enough for test data. Same seed, same stream, on every machine. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
    uuid: () => {
      const hex: string[] = [];
      for (let i = 0; i < 16; i += 1) {
        let byte = Math.floor(next() * 256);
        if (i === 6) byte = (byte & 0x0f) | 0x40;
        if (i === 8) byte = (byte & 0x3f) | 0x80;
        hex.push(byte.toString(16).padStart(2, '0'));
      }
      const h = hex.join('');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    }
  };
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
  uuid(): string;
}

// The head of the distribution: function words and common prose, roughly in frequency order.
const COMMON = `the of and to a in that is was for on it with as by he at from his be this are have an or
which but not they were had their its one has been also who more would there after can than other when
new into two first will year years said about most over only some such these may state world between
government people out time could all during percent market like while under what three since last
through company production supply countries country report according us both much where before however
because million demand prices price share global trade export exports imports import industry industrial
officials official analysts analyst said says data figures figure total output estimate estimates per
tons tonnes metric capacity plant plants process processing project projects policy policies companies
investment investors billion cost costs security strategic national domestic foreign major large small
higher lower rise fell increase decline growth early late month months week quarter annual record level
levels source sources chain chains critical minerals mineral metals metal materials material ore deposit
deposits reserves reserve resources resource mining mined miners mines technology technologies electric
vehicles vehicle batteries battery wind turbines turbine motors motor defence defense military control
controls licence license quota quotas ban restrictions restriction tariff tariffs agreement deal deals
partner partners western eastern southern northern region regional province local environmental
environment waste water pollution permits permit approval court law laws rules rule plan plans agency
department ministry minister president secretary council committee study studies research researchers
university paper journal reported reporting press statement interview told noted added warned argued
claimed suggested showed shows shown found find finding findings evidence case cases example examples
question questions problem problems issue issues risk risks concern concerns effort efforts way ways
part parts half third quarter number numbers amount amounts share shares rate rates term terms period
periods history past future current recent recently still already yet even just well far long short
high low good better best bad worse worst key main central important significant substantial limited
little few many several each every any no none without within across against toward towards around
near behind beyond below above among along although though unless whether either neither nor so then
thus therefore instead rather almost nearly roughly about approximately exactly perhaps likely unlikely
possible impossible clear unclear true false right wrong real actual actually really quite very too
make makes made making take takes took taken give gives gave given use uses used using build builds built
building work works worked working move moves moved moving hold holds held holding keep keeps kept keeping
begin began begun start started starting end ended ending open opened close closed run ran running
bring brought buy bought sell sold selling pay paid paying expect expected expecting plan planned
planning hope hoped seek sought seeking meet met meeting reach reached reaching remain remained
remaining become became becoming seem seemed seeming appear appeared help helped helping change changed
changing lead led leading follow followed following produce produced producing refine refined refines`;

// Words the analysts of the sample project search for. Each gets a place in the Zipf ranking
// (rank ~ how common it is in reporting on critical minerals) and is also a possible article topic.
export const DOMAIN_WORDS: { word: string; rank: number }[] = [
  { word: 'China', rank: 40 },
  { word: 'rare', rank: 55 },
  { word: 'earth', rank: 60 },
  { word: 'earths', rank: 120 },
  { word: 'Chinese', rank: 90 },
  { word: 'refining', rank: 150 },
  { word: 'magnets', rank: 180 },
  { word: 'magnet', rank: 260 },
  { word: 'USGS', rank: 420 },
  { word: 'Burma', rank: 380 },
  { word: 'Myanmar', rank: 450 },
  { word: 'neodymium', rank: 520 },
  { word: 'dysprosium', rank: 900 },
  { word: 'terbium', rank: 1400 },
  { word: 'praseodymium', rank: 1500 },
  { word: 'lanthanum', rank: 2200 },
  { word: 'cerium', rank: 2100 },
  { word: 'yttrium', rank: 2600 },
  { word: 'samarium', rank: 3200 },
  { word: 'gadolinium', rank: 4200 },
  { word: 'europium', rank: 5200 },
  { word: 'oxide', rank: 330 },
  { word: 'oxides', rank: 700 },
  { word: 'concentrate', rank: 800 },
  { word: 'separation', rank: 600 },
  { word: 'smelting', rank: 1100 },
  { word: 'Bayan', rank: 1700 },
  { word: 'Obo', rank: 1750 },
  { word: 'Mongolia', rank: 1300 },
  { word: 'Inner', rank: 700 },
  { word: 'Mountain', rank: 650 },
  { word: 'Pass', rank: 660 },
  { word: 'California', rank: 1000 },
  { word: 'Lynas', rank: 1600 },
  { word: 'Malaysia', rank: 1200 },
  { word: 'Australia', rank: 340 },
  { word: 'Australian', rank: 950 },
  { word: 'Nigeria', rank: 1250 },
  { word: 'Thailand', rank: 1350 },
  { word: 'Vietnam', rank: 1450 },
  { word: 'Brazil', rank: 1550 },
  { word: 'India', rank: 560 },
  { word: 'Russia', rank: 620 },
  { word: 'Greenland', rank: 2400 },
  { word: 'Kvanefjeld', rank: 6000 },
  { word: 'Kachin', rank: 3000 },
  { word: 'ionic', rank: 2500 },
  { word: 'clay', rank: 1900 },
  { word: 'permanent', rank: 760 },
  { word: 'sintered', rank: 3500 },
  { word: 'NdFeB', rank: 3800 },
  { word: 'heavy', rank: 300 },
  { word: 'light', rank: 310 },
  { word: 'supply', rank: 70 },
  { word: 'Geological', rank: 1050 },
  { word: 'Survey', rank: 1020 },
  { word: 'Mineral', rank: 480 },
  { word: 'Commodity', rank: 1150 },
  { word: 'Summaries', rank: 1800 },
  { word: 'stockpile', rank: 2000 },
  { word: 'stockpiles', rank: 2300 },
  { word: 'smuggling', rank: 2700 },
  { word: 'consolidation', rank: 2900 },
  { word: 'Ganzhou', rank: 5500 },
  { word: 'Baotou', rank: 4800 }
];

export const DOMAIN_PHRASES = [
  'mine production',
  'rare earth oxide',
  'magnet manufacturing',
  'refining capacity',
  'export controls',
  'heavy rare earths',
  'separation plants',
  'permanent magnets',
  'USGS figures',
  'Mineral Commodity Summaries',
  'world total',
  'known reserves',
  'supply chain',
  'Mountain Pass mine',
  'Bayan Obo deposit'
];

const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'qu', 'r', 's', 'sh', 'st', 't', 'tr', 'v', 'w', 'z'];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ea', 'ou', 'y'];
const CODAS = ['', '', 'n', 'r', 's', 't', 'l', 'm', 'nd', 'st', 'rk', 'ng'];

export const VOCABULARY_SIZE = 16_000;
const ZIPF_TABLE_BITS = 20;

export interface Vocabulary {
  /** Words in rank order (index 0 is the most frequent). */
  words: string[];
  /** Samples a word index by Zipf's law in O(1). */
  sample(random: Random): string;
  /** Common words only (the top 600): titles and headings use these plus topic words. */
  common: string[];
}

/** The same vocabulary for a given seed; made-up words come from a separate stream so they never shift. */
export function buildVocabulary(seed: number): Vocabulary {
  const random = createRandom(seed ^ 0x5eed);
  const head = [...new Set(COMMON.split(/\s+/).filter(Boolean))];
  const seen = new Set<string>([...head, ...DOMAIN_WORDS.map((entry) => entry.word.toLowerCase())]);
  const words: string[] = [...head];
  while (words.length < VOCABULARY_SIZE - DOMAIN_WORDS.length) {
    // Mostly two syllables, as in English prose: 4–9 letters.
    const syllables = random.chance(0.6) ? 2 : random.chance(0.6) ? 3 : 1;
    let word = '';
    for (let i = 0; i < syllables; i += 1) word += random.pick(ONSETS) + random.pick(NUCLEI) + (i === syllables - 1 ? random.pick(CODAS) : '');
    if (word.length < 4 || word.length > 11 || seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  // Domain words go in at their ranks (in rank order, so earlier inserts do not shift later ones).
  for (const entry of [...DOMAIN_WORDS].sort((a, b) => a.rank - b.rank)) words.splice(entry.rank, 0, entry.word);

  // Zipf with s = 1 and a small offset (as in natural-language corpora), quantised into a lookup
  // table so that sampling 55 million words costs one array read each.
  const size = 1 << ZIPF_TABLE_BITS;
  const table = new Uint16Array(size);
  let total = 0;
  for (let rank = 0; rank < words.length; rank += 1) total += 1 / (rank + 2.7);
  let cumulative = 0;
  let slot = 0;
  for (let rank = 0; rank < words.length; rank += 1) {
    cumulative += 1 / (rank + 2.7) / total;
    const until = Math.min(size, Math.round(cumulative * size));
    for (; slot < until; slot += 1) table[slot] = rank;
  }
  for (; slot < size; slot += 1) table[slot] = words.length - 1;

  return {
    words,
    sample: (r) => words[table[(r.next() * size) | 0]],
    common: words.slice(0, 600)
  };
}

export const PUBLISHERS = [
  'Reuters', 'Financial Times', 'Bloomberg', 'Mining Weekly', 'The Economist', 'Nikkei Asia', 'South China Morning Post',
  'Australian Financial Review', 'Wall Street Journal', 'Caixin', 'Argus Media', 'Fastmarkets', 'Benchmark Mineral Intelligence',
  'The Diplomat', 'Foreign Policy', 'Global Witness', 'Mining.com', 'Asia Times', 'Politico Europe', 'Le Monde'
];

export const AUTHORS = [
  'A. Okafor', 'M. Chen', 'L. Fernández', 'S. Nakamura', 'J. Müller', 'R. Patel', 'E. Novak', 'K. Wang', 'D. Thompson',
  'H. Kim', 'P. Rossi', 'T. Adeyemi', 'C. Dubois', 'N. Ivanova', 'B. Singh', 'Y. Tanaka', 'F. Haddad', 'G. Larsen'
];

export const TAGS = [
  'china', 'burma', 'usgs', 'refining', 'magnets', 'mining', 'exports', 'policy', 'prices', 'australia', 'united-states',
  'heavy-ree', 'dysprosium', 'neodymium', 'recycling', 'stockpiles', 'environment', 'smuggling', 'defence', 'ev',
  'wind', 'to-check', 'verified', 'disputed', 'background'
];
