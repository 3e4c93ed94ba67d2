// A deterministic synthetic library for the benchmarks: articles with their Tiptap documents,
// search rows and tags, highlights with real selectors, and then figures, claims with evidence
// links, and saved charts (synthetic-evidence.ts), written straight into a library that core's own
// migrations created. Rows are inserted with prepared statements in large transactions
// (going through the contract would take hours at full size and measure the import, not the library).
//
// The file is cached under bench/.cache/, keyed by size, seed, schema and the generator's source, so
// re-runs skip generation; any change to the migrations or to these files makes a new one.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRange } from '../src/core/annotations/anchoring';
import { openLibrary } from '../src/core/db/library';
import { MIGRATIONS } from '../src/core/db/migrations';
import { indexDocumentText } from '../src/shared/document-text';
import { articleIndexValues, INSERT_ARTICLE_FTS } from '../src/core/search/search-index';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../src/shared/domain';
import { writeEvidence, type EvidenceManifest } from './synthetic-evidence';
import { makeArticle, pickTopic, sentence } from './synthetic-text';
import { AUTHORS, buildVocabulary, createRandom, PUBLISHERS, TAGS, type Random } from './vocabulary';

export interface LibrarySize {
  name: string;
  articles: number;
  highlights: number;
  minWords: number;
  maxWords: number;
  /** The one long article the reader benchmarks open (added on top of `articles`). */
  longArticleWords: number;
  longArticleHighlights: number;
  figures: number;
  claims: number;
  charts: number;
}

export const SIZES = {
  full: {
    name: 'full', articles: 10_000, highlights: 100_000, minWords: 1_000, maxWords: 10_000, longArticleWords: 50_000, longArticleHighlights: 2_000,
    figures: 200_000, claims: 50_000, charts: 1_000
  },
  // Scaled like the articles (3%).
  small: {
    name: 'small', articles: 300, highlights: 3_000, minWords: 1_000, maxWords: 10_000, longArticleWords: 50_000, longArticleHighlights: 2_000,
    figures: 6_000, claims: 1_500, charts: 30
  }
} satisfies Record<string, LibrarySize>;

export const DEFAULT_SEED = 20250117;

export interface LibraryManifest {
  key: string;
  size: LibrarySize;
  seed: number;
  schemaVersion: number;
  articles: number;
  highlights: number;
  notes: number;
  words: number;
  longArticle: { id: string; title: string; words: number; highlights: number };
  evidence: EvidenceManifest;
  generationSeconds: number;
  bytes: number;
}

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = join(BENCH_DIR, '.cache');

/** Size + seed + schema version + a digest of the migrations and of the generator's own source. */
export function cacheKey(size: LibrarySize, seed: number): string {
  const digest = createHash('sha256');
  digest.update(JSON.stringify(size));
  for (const migration of MIGRATIONS) digest.update(migration.sql);
  for (const file of ['generate-library.ts', 'synthetic-text.ts', 'vocabulary.ts', 'synthetic-evidence.ts', 'evidence-vocabulary.ts']) digest.update(readFileSync(join(BENCH_DIR, file)));
  const schemaVersion = MIGRATIONS[MIGRATIONS.length - 1].version;
  return `${size.name}-seed${seed}-schema${schemaVersion}-${digest.digest('hex').slice(0, 10)}`;
}

const COLOR_WEIGHTS: [HighlightColor, number][] = [
  ['yellow', 0.5],
  ['green', 0.15],
  ['blue', 0.15],
  ['pink', 0.12],
  ['purple', 0.08]
];

function pickColor(random: Random): HighlightColor {
  let u = random.next();
  for (const [color, weight] of COLOR_WEIGHTS) {
    u -= weight;
    if (u < 0) return color;
  }
  return HIGHLIGHT_COLORS[0];
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10;
}

/**
 * A highlight range that starts and ends on word boundaries inside one paragraph: 2–40 words,
 * mostly a phrase or a clause, like what analysts select.
 */
export function pickHighlightRange(random: Random, text: string): { start: number; end: number } | null {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    let start = random.int(0, text.length - 1);
    while (start > 0 && !isSpace(text.charCodeAt(start - 1))) start -= 1;
    while (start < text.length && isSpace(text.charCodeAt(start))) start += 1;
    const wanted = random.chance(0.7) ? random.int(2, 12) : random.int(13, 40);
    let end = start;
    for (let word = 0; word < wanted && end < text.length; word += 1) {
      while (end < text.length && !isSpace(text.charCodeAt(end))) end += 1;
      if (word < wanted - 1 && end < text.length && text.charCodeAt(end) === 32) end += 1;
      else break;
    }
    while (end > start && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end - start >= 3) return { start, end };
  }
  return null;
}

function note(random: Random, vocabulary: ReturnType<typeof buildVocabulary>, topic: string[]): string {
  const kind = random.int(0, 3);
  const text = sentence(random, vocabulary, topic, random.int(4, 16)).text;
  if (kind === 0) return `USGS ${random.pick(['2024', '2025'])} edition: ${random.int(1, 99)}.${random.int(0, 9)}%. ${text}`;
  if (kind === 1) return `Check against ${random.pick(topic)} figures. ${text}`;
  return text;
}

/** Splits `total` highlights over articles: a third of articles have none, the rest a long-tailed number. */
function highlightCounts(random: Random, articleWords: number[], total: number): number[] {
  const weights = articleWords.map((words) => (random.chance(0.33) ? 0 : -Math.log(1 - random.next()) * (words / 5_000)));
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const counts = weights.map((weight) => Math.floor((weight / sum) * total));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; missing > 0; i = (i + 1) % counts.length) {
    if (weights[i] > 0 || sum === 1) {
      counts[i] += 1;
      missing -= 1;
    }
  }
  return counts;
}

function isoDate(base: number, offsetMinutes: number): string {
  return new Date(base + offsetMinutes * 60_000).toISOString();
}

export interface GenerateOptions {
  size: LibrarySize;
  seed?: number;
  /** Called now and then with the number of articles written. */
  onProgress?: (articlesWritten: number, total: number) => void;
  log?: (line: string) => void;
}

/** Writes a new library at `path` (which must not exist). */
export function generateLibrary(path: string, options: GenerateOptions): LibraryManifest {
  const started = performance.now();
  const { size } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (existsSync(path)) throw new Error(`${path} already exists`);

  // Core's migrations create the schema; then the connection is switched to bulk-load settings.
  // The file is only renamed into place once complete, so no journal is needed.
  // Core's own inserts (figures) read the library's clock; the generator sets it to each row's date.
  const base = Date.UTC(2022, 0, 3, 8, 0, 0);
  let clock = new Date(base).toISOString();
  const library = openLibrary(path, { now: () => new Date(clock) });
  const { db } = library;
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -524288');
  db.pragma('temp_store = MEMORY');
  db.pragma('foreign_keys = OFF');

  const insertArticle = db.prepare(
    `INSERT INTO articles (id, title, author, publisher, url, published_at, file_name, format, content_hash,
       source_html, doc_json, body_text, imported_at, added_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, 'html', ?, ?, ?, ?, ?, ?, ?)`
  );
  const insertArticleFts = db.prepare(INSERT_ARTICLE_FTS);
  const insertHighlight = db.prepare(
    `INSERT INTO highlights (id, article_id, color, note, quote_exact, quote_prefix, quote_suffix,
       position_start, position_end, anchor_state, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?)`
  );
  const insertNoteFts = db.prepare('INSERT INTO note_fts (rowid, note) VALUES (?, ?)');
  const insertTag = db.prepare('INSERT INTO tags (id, name) VALUES (?, ?)');
  const insertArticleTag = db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)');

  const random = createRandom(seed);
  const vocabulary = buildVocabulary(seed);

  // The migration gives the default project a random id; a seeded one keeps the file reproducible.
  db.prepare('UPDATE projects SET id = ?, created_at = ?, updated_at = ? WHERE is_default = 1').run(createRandom(seed ^ 0x9a0).uuid(), clock, clock);

  db.transaction(() => TAGS.forEach((name, index) => insertTag.run(index + 1, name)))();

  const articleWords = Array.from({ length: size.articles }, () => random.int(size.minWords, size.maxWords));
  const counts = highlightCounts(random, articleWords, size.highlights);
  // The long article is added last, so it is on the first page of the library.
  articleWords.push(size.longArticleWords);
  counts.push(size.longArticleHighlights);

  let highlightsWritten = 0;
  let notesWritten = 0;
  let wordsWritten = 0;
  let longArticle: LibraryManifest['longArticle'] | null = null;
  const BATCH = 250;

  const writeArticle = (index: number) => {
    const article = makeArticle(random, vocabulary, articleWords[index]);
    const { text } = indexDocumentText(article.doc);
    const id = random.uuid();
    const isLong = index === size.articles;
    const title = isLong ? `Long read: ${article.title}` : article.title;
    const publisher = random.chance(0.9) ? random.pick(PUBLISHERS) : null;
    const added = isoDate(base, index * 97 + random.int(0, 60));
    const published = random.chance(0.9)
      ? `${random.int(2012, 2025)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`
      : null;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 60);
    const { lastInsertRowid } = insertArticle.run(
      id,
      title,
      random.chance(0.8) ? random.pick(AUTHORS) : null,
      publisher,
      publisher ? `https://${publisher.toLowerCase().replace(/[^a-z]+/g, '')}.example/${index}/${slug}` : null,
      published,
      random.chance(0.5) ? `${slug}.html` : null,
      createHash('sha256').update(text).digest('hex'),
      article.html,
      JSON.stringify(article.doc),
      text,
      added,
      added,
      added
    );
    insertArticleFts.run(...articleIndexValues(lastInsertRowid, title, text));
    const tagCount = random.chance(0.4) ? 0 : random.int(1, 3);
    const tagIds = new Set<number>();
    while (tagIds.size < tagCount) tagIds.add(random.int(1, TAGS.length));
    for (const tagId of tagIds) insertArticleTag.run(id, tagId);

    const topic = article.topic.length ? article.topic : pickTopic(random);
    for (let h = 0; h < counts[index]; h += 1) {
      const range = pickHighlightRange(random, text);
      if (!range) continue;
      const { quote, position } = describeRange(text, range.start, range.end);
      const noteText = random.chance(0.35) ? note(random, vocabulary, topic) : '';
      const created = isoDate(base, index * 97 + 61 + h);
      const highlight = insertHighlight.run(
        random.uuid(),
        id,
        pickColor(random),
        noteText,
        quote.exact,
        quote.prefix,
        quote.suffix,
        position.start,
        position.end,
        created,
        created
      );
      if (noteText) {
        insertNoteFts.run(highlight.lastInsertRowid, noteText);
        notesWritten += 1;
      }
      highlightsWritten += 1;
    }
    wordsWritten += article.words;
    if (isLong) longArticle = { id, title, words: article.words, highlights: counts[index] };
  };

  const total = articleWords.length;
  for (let from = 0; from < total; from += BATCH) {
    db.transaction(() => {
      for (let index = from; index < Math.min(total, from + BATCH); index += 1) writeArticle(index);
    })();
    options.onProgress?.(Math.min(total, from + BATCH), total);
  }

  const evidence = writeEvidence(library, {
    counts: { figures: size.figures, claims: size.claims, charts: size.charts },
    seed,
    from: base,
    until: base + total * 97 * 60_000,
    setClock: (iso) => {
      clock = iso;
    },
    log: options.log
  });

  // Leave the file as a library Assay wrote: WAL mode, nothing pending.
  db.pragma('journal_mode = WAL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  const schemaVersion = library.schemaVersion;
  library.close();

  return {
    key: cacheKey(size, seed),
    size,
    seed,
    schemaVersion,
    articles: total,
    highlights: highlightsWritten,
    notes: notesWritten,
    words: wordsWritten,
    longArticle: longArticle!,
    evidence,
    generationSeconds: (performance.now() - started) / 1000,
    bytes: statSync(path).size
  };
}

export interface CachedLibrary {
  path: string;
  manifest: LibraryManifest;
  /** False when this call generated it. */
  cached: boolean;
}

/** The cached library for this size and seed, generating it first if needed. */
export function ensureLibrary(options: GenerateOptions & { cacheDir?: string; log?: (line: string) => void }): CachedLibrary {
  const seed = options.seed ?? DEFAULT_SEED;
  const cacheDir = options.cacheDir ?? CACHE_DIR;
  const key = cacheKey(options.size, seed);
  const path = join(cacheDir, `${key}.sqlite`);
  const manifestPath = join(cacheDir, `${key}.json`);
  if (existsSync(path) && existsSync(manifestPath)) {
    return { path, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) as LibraryManifest, cached: true };
  }
  mkdirSync(cacheDir, { recursive: true });
  const partial = join(cacheDir, `${key}.partial.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
  options.log?.(
    `Generating the ${options.size.name} library (${options.size.articles} articles, ${options.size.highlights} highlights, ` +
      `${options.size.figures} figures, ${options.size.claims} claims, ${options.size.charts} charts, seed ${seed})…`
  );
  let lastReport = performance.now();
  const manifest = generateLibrary(partial, {
    ...options,
    seed,
    onProgress: (done, total) => {
      options.onProgress?.(done, total);
      if (performance.now() - lastReport > 15_000 || done === total) {
        lastReport = performance.now();
        options.log?.(`  ${done}/${total} articles written`);
      }
    }
  });
  for (const suffix of ['-wal', '-shm']) rmSync(partial + suffix, { force: true });
  renameSync(partial, path);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  options.log?.(`Generated in ${manifest.generationSeconds.toFixed(1)} s (${(manifest.bytes / 1024 / 1024).toFixed(0)} MB): ${path}`);
  return { path, manifest, cached: false };
}
