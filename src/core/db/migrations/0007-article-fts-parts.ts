// Rebuilds the article index for fast snippets (issue 8, see docs/benchmarks.md):
//
// - The article text is split over 16 body columns, consecutive runs of paragraphs of about equal
//   length (cut only at line breaks; short articles fill fewer columns). Search builds a hit's
//   snippet from the first column with a match instead of re-tokenising the whole article, which
//   was nearly all of the search time. Ranking is unchanged: every body column weighs 1.0 and bm25
//   counts hits and length over the whole row, as it did over the one body column.
// - Prefix indexes for 2 and 3 characters: the last word is matched as a prefix while it is being
//   typed, and a short prefix ("US", "Chi") otherwise merges the entries of hundreds of terms.
//
// Existing libraries are re-indexed from their articles (including those in the trash, as before),
// split as search-index.ts splits new text. The recursion walks one article at a time, carrying its
// parts along, so memory stays bounded by one article. This SQL is checksummed: do not edit it.
const COLUMNS = 16;
const MIN_PART_LENGTH = 1500;

const columns = Array.from({ length: COLUMNS }, (_, index) => (index === 0 ? 'body' : `body${index + 1}`));
// Each step of the recursion finds where the next part ends, as a character offset (end1…end16);
// rows carry offsets, not text, so that the recursion's queue stays small.
const ends = Array.from({ length: COLUMNS }, (_, index) => `end${index + 1}`);
// Where the next part ends: at the first line break at or after part_length characters into the
// rest, or at the end of the text (always, for the last column).
const nextEnd = `CASE WHEN s.part = ${COLUMNS - 1} THEN s.total ELSE coalesce(
      nullif(instr(substr(a.body_text, s.rest_start + s.part_length + 1), char(10)), 0) + s.rest_start + s.part_length - 1,
      s.total) END`;
const partStart = (index: number) => (index === 0 ? '0' : `(s.${ends[index - 1]} + 1)`);
// An article's first row: nothing split off yet.
const firstRowOf = (alias: string) =>
  `${alias}.rowid, 0, 0, length(${alias}.body_text), max(${MIN_PART_LENGTH}, (length(${alias}.body_text) + ${COLUMNS - 1}) / ${COLUMNS}), ${ends.map(() => 'NULL').join(', ')}`;

export default `
DROP TABLE article_fts;
CREATE VIRTUAL TABLE article_fts USING fts5 (
  title, ${columns.join(', ')},
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);
-- Titles weigh more than body text; every part of the body the same.
INSERT INTO article_fts (article_fts, rank) VALUES ('rank', 'bm25(4.0${', 1.0'.repeat(COLUMNS)})');

INSERT INTO article_fts (rowid, title, ${columns.join(', ')})
WITH RECURSIVE split (article, part, rest_start, total, part_length, ${ends.join(', ')}) AS (
  SELECT ${firstRowOf('a')} FROM (SELECT rowid, body_text FROM articles ORDER BY rowid LIMIT 1) a
  UNION ALL
  -- The next part of the same article; the last column takes all that is left.
  SELECT s.article, s.part + 1, ${nextEnd} + 1, s.total, s.part_length,
    ${ends.map((name, index) => `CASE WHEN s.part = ${index} THEN ${nextEnd} ELSE s.${name} END`).join(',\n    ')}
  FROM split s JOIN articles a ON a.rowid = s.article WHERE s.rest_start < s.total
  UNION ALL
  -- Once an article is split, the next one.
  SELECT ${firstRowOf('a')} FROM split s JOIN articles a ON a.rowid = (SELECT min(rowid) FROM articles WHERE rowid > s.article)
  WHERE s.rest_start >= s.total
)
SELECT s.article, a.title,
  ${ends.map((name, index) => `substr(a.body_text, ${partStart(index)} + 1, s.${name} - ${partStart(index)})`).join(',\n  ')}
FROM split s JOIN articles a ON a.rowid = s.article WHERE s.rest_start >= s.total;
`;
