// Full-text search, top 50 with snippets, as the library's search box asks for it.
import { buildMatchQuery } from '../../src/core/search/search';
import { SEARCH_MATCH_END, SEARCH_MATCH_START } from '../../src/shared/domain';
import { ARTICLE_HITS, NOTE_HITS } from '../baseline-sql';
import { finishRow, type BenchGroup } from '../context';
import { summarize } from '../measure';
import { buildVocabulary, createRandom, DOMAIN_WORDS } from '../vocabulary';

const LIMIT = 50;

// What analysts of the sample project type: names, elements, phrases, and words still being typed.
const DOMAIN_QUERIES = [
  'China', 'Burma', 'neodymium', 'dysprosium', 'terbium', 'USGS', 'refining', 'magnets', 'mine production',
  'China refining', 'rare earth', 'rare earth oxide', 'heavy rare earths', 'Burma dysprosium', 'Myanmar Kachin',
  'USGS mine production', 'neodymium magnets', 'magnet manufacturing', 'export controls', 'Bayan Obo',
  'Mountain Pass', 'Lynas Malaysia', 'ionic clay', 'separation plants', 'permanent magnets', 'Chinese quotas',
  '"mine production"', '"rare earth oxide"', '"export controls"', 'stockpile', 'smuggling Burma', 'Greenland Kvanefjeld',
  'neo', 'neody', 'dysp', 'refin', 'magn', 'Chi', 'Bur', 'US', 'prod', 'Myan', 'Aus', 'sep', 'China 2024', 'USGS 2025', '69.2%',
  'world total ', 'China ', 'magnets '
];

/** 100 queries: the analyst's vocabulary above, then words and pairs drawn from the library's vocabulary. */
export function searchQueries(seed: number): string[] {
  const random = createRandom(seed + 101);
  const vocabulary = buildVocabulary(seed);
  const queries = [...DOMAIN_QUERIES];
  while (queries.length < 100) {
    const kind = queries.length % 5;
    // Ranks drawn log-uniformly from 30 (past "the", "of", "and", which nobody searches for) to the rarest.
    const low = Math.log(30);
    const high = Math.log(vocabulary.words.length - 1);
    const word = () => vocabulary.words[Math.floor(Math.exp(low + random.next() * (high - low)))];
    if (kind === 0) queries.push(word());
    else if (kind === 1) queries.push(`${word()} ${random.pick(DOMAIN_WORDS).word}`);
    else if (kind === 2) queries.push(`${word()} ${word()} ${word()}`);
    else if (kind === 3) queries.push(word().slice(0, random.int(3, 5)));
    else queries.push(`${word()} `);
  }
  return queries;
}

interface HitRow {
  article_id: string;
  snippet: string;
  highlight_id: string | null;
}

export const searchGroup: BenchGroup = {
  id: 'search',
  title: 'full-text search',
  run(context) {
    const { library, dispatcher } = context.session();
    const db = library.db;
    const articleHits = db.prepare(ARTICLE_HITS);
    const noteHits = db.prepare(NOTE_HITS);
    const queries = searchQueries(context.seed);
    const passes = context.small ? 1 : 3;

    const assay = (query: string) => dispatcher.call('search.query', { query, limit: LIMIT });
    const raw = (match: string) => {
      const articles = articleHits.all(SEARCH_MATCH_START, SEARCH_MATCH_END, match, LIMIT) as HitRow[];
      const notes = noteHits.all(SEARCH_MATCH_START, SEARCH_MATCH_END, match, LIMIT) as HitRow[];
      return [...articles, ...notes];
    };
    // The MATCH expression is built once, outside the timing: the baseline is the two FTS5 queries alone.
    const matches = queries.map((query) => buildMatchQuery(query) ?? '""');

    let mismatches = 0;
    let empty = 0;
    const hitCounts: number[] = [];
    queries.forEach((query, index) => {
      const hits = assay(query);
      // The same hits with the same snippets: each of Assay's hits is a row of the baseline.
      const rawRows = new Set(raw(matches[index]).map((row) => `${row.article_id} ${row.highlight_id} ${row.snippet}`));
      if (!hits.every((hit) => rawRows.has(`${hit.articleId} ${hit.highlightId} ${hit.snippet}`))) mismatches += 1;
      if (hits.length === 0) empty += 1;
      hitCounts.push(hits.length);
    });

    const assayTimes: number[] = [];
    const rawTimes: number[] = [];
    for (let pass = 0; pass < passes; pass += 1) {
      queries.forEach((query, index) => {
        // Alternate which side goes first, so neither always meets a cache the other warmed.
        const order = (pass + index) % 2 === 0 ? ['assay', 'raw'] : ['raw', 'assay'];
        for (const side of order) {
          const start = performance.now();
          if (side === 'assay') assay(query);
          else raw(matches[index]);
          (side === 'assay' ? assayTimes : rawTimes).push(performance.now() - start);
        }
      });
    }
    const a = summarize(assayTimes);
    const b = summarize(rawTimes);

    // Where the time goes: ranking alone, ranking + snippets, and the note query, per query (p50/p95).
    const rankOnly = db.prepare('SELECT rowid FROM article_fts WHERE article_fts MATCH ? ORDER BY rank LIMIT ?');
    const parts = { rank: [] as number[], articles: [] as number[], notes: [] as number[] };
    matches.forEach((match) => {
      let start = performance.now();
      rankOnly.all(match, LIMIT);
      parts.rank.push(performance.now() - start);
      start = performance.now();
      articleHits.all(SEARCH_MATCH_START, SEARCH_MATCH_END, match, LIMIT);
      parts.articles.push(performance.now() - start);
      start = performance.now();
      noteHits.all(SEARCH_MATCH_START, SEARCH_MATCH_END, match, LIMIT);
      parts.notes.push(performance.now() - start);
    });
    const rank = summarize(parts.rank);
    const withSnippets = summarize(parts.articles);
    const noteQuery = summarize(parts.notes);
    const byClass = (from: number, to: number) => summarize(assayTimes.filter((_, i) => i % queries.length >= from && i % queries.length < to));
    const domain = byClass(0, DOMAIN_QUERIES.length);
    const sampled = byClass(DOMAIN_QUERIES.length, queries.length);
    const slowest = queries
      .map((query, index) => ({ query, ms: Math.max(...assayTimes.filter((_, i) => i % queries.length === index)) }))
      .sort((x, y) => y.ms - x.ms)
      .slice(0, 5);
    const notes = [
      `${queries.length} queries (1–3 words, quoted phrases, prefixes such as "neody" and "Chi"; the last word matches as a prefix, as in the search box), ${passes} timed passes after one warm-up pass; top ${LIMIT} with snippets from articles and from highlight notes.`,
      'Assay: search.query through the dispatcher (zod, buildMatchQuery, the article and the note FTS5 queries, merge per article). Baseline: the same two FTS5 CTE queries with the same MATCH string on the raw connection.',
      `Where the time goes (raw, per query, p50 / p95): article FTS5 query ranked without snippets ${rank.p50.toFixed(1)} / ${rank.p95.toFixed(1)} ms; the same with snippets, each cut from the first of the 16 body columns with a match (the article half of search) ${withSnippets.p50.toFixed(1)} / ${withSnippets.p95.toFixed(1)} ms; the note query ${noteQuery.p50.toFixed(1)} / ${noteQuery.p95.toFixed(1)} ms.`,
      `By kind (Assay, p50 / p95): the ${DOMAIN_QUERIES.length} analyst queries ${domain.p50.toFixed(1)} / ${domain.p95.toFixed(1)} ms; the ${queries.length - DOMAIN_QUERIES.length} drawn from the vocabulary ${sampled.p50.toFixed(1)} / ${sampled.p95.toFixed(1)} ms.`,
      `Hits per query: median ${summarize(hitCounts).p50}, ${empty} queries found nothing. Slowest (max over passes): ${slowest.map((entry) => `"${entry.query}" ${entry.ms.toFixed(1)} ms`).join(', ')}.`
    ];
    if (mismatches) notes.push(`WARNING: for ${mismatches} queries Assay returned hits or snippets the baseline did not.`);
    return [
      finishRow({
        id: 'search',
        operation: 'full-text search, top 50 with snippets (100 queries)',
        unit: 'ms',
        n: a.n,
        p50: a.p50,
        p95: a.p95,
        baselineP50: b.p50,
        baselineP95: b.p95,
        ratio: a.p50 / b.p50,
        ratioKind: 'time',
        targets: [
          { metric: 'p95', max: 30, unit: 'ms', label: 'p95 ≤ 30 ms' },
          { metric: 'ratio', max: 1.5, unit: '×', label: '≤ 1.5× raw FTS5' }
        ],
        notes,
        details: { assay: a, baseline: b, p95Ratio: a.p95 / b.p95, rankOnly: rank, articleQueryWithSnippets: withSnippets, noteQuery, domain, sampled, queries, slowest, mismatches }
      })
    ];
  }
};
