// Anchoring: finding a stored highlight again in the article text after the text may have been
// edited. Modelled on Hypothesis's match-quote.ts, but stricter: a highlight that lands on other
// words misleads the analyst, while an orphan only asks them to look, so every doubtful case orphans.
//
// Pure by design (no Node, DOM or database): it runs in the main process, the CLI and tests alike.
import search from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from '../../shared/domain';

export const CONTEXT_LENGTH = 32;

export type AnchorResult = { state: 'anchored' | 'moved' | 'fuzzy'; start: number; end: number } | { state: 'orphaned' };

const ORPHANED: AnchorResult = { state: 'orphaned' };

// Below this length a quote matches too many unrelated places to be matched approximately at all.
const MIN_FUZZY_QUOTE_LENGTH = 4;
// Below this length even an exact occurrence is not evidence on its own ("the", "data", a name):
// the surrounding context must confirm it.
const SHORT_QUOTE_LENGTH = 16;
// Up to one context's length, an approximate match with several errors can be a different phrase
// built from the same common words, so it needs either context or a near-exact quote.
const MEDIUM_QUOTE_LENGTH = CONTEXT_LENGTH;
const NEAR_EXACT_QUOTE_SIMILARITY = 0.9;
// Edit similarity a fuzzy quote must reach; maxErrors is derived from it so that the search never
// returns a candidate we would reject anyway.
const MIN_QUOTE_SIMILARITY = 0.75;
// Myers' search costs O(maxErrors / 32 · text length); the cap keeps very long quotes affordable
// while still allowing a paragraph-sized quote dozens of edited words.
const MAX_FUZZY_ERRORS = 256;
// A context side "confirms" a candidate when it is at most a quarter edited. Unrelated English
// windows of 32 characters score roughly 0.3–0.5 against each other, so 0.75 is well clear of chance,
// and a side shorter than 8 characters (the quote sat near a text edge) is too short to count.
const STRONG_CONTEXT_SIMILARITY = 0.75;
const MIN_CONTEXT_EVIDENCE_LENGTH = 8;
// Extra text compared beyond the stored context, so that words inserted next to the quote cost
// their own length instead of pushing the whole context out of alignment.
const CONTEXT_SLACK = 16;
// Relative weights of a fuzzy candidate's evidence (as in Hypothesis): the quote dominates, context
// separates near-equal quotes, and position only breaks what is otherwise a tie.
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;
// How far a fuzzy match may be widened to the word it cut into; beyond that it is no word.
const MAX_WORD_SNAP = 32;

/** Selectors for text[start, end). prefix = up to 32 chars before, suffix = up to 32 chars after. Throws RangeError if the range is empty or out of bounds. */
export function describeRange(
  text: string,
  start: number,
  end: number
): { quote: TextQuoteSelector; position: TextPositionSelector } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) {
    throw new RangeError(`The range [${start}, ${end}) is empty or outside the text of ${text.length} characters.`);
  }
  let prefixStart = Math.max(0, start - CONTEXT_LENGTH);
  // A context cut through a surrogate pair would store half a character, which no later text can match.
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1))) {
    prefixStart += 1;
  }
  let suffixEnd = Math.min(text.length, end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && isLowSurrogate(text.charCodeAt(suffixEnd))) {
    suffixEnd -= 1;
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd)
    },
    position: { type: 'TextPositionSelector', start, end }
  };
}

/**
 * All start offsets where `exact` occurs in text (used by the CLI to refuse ambiguous quotes).
 * Overlapping occurrences count ("aa" occurs twice in "aaa"), since each is a distinct place the
 * quote could point at.
 */
export function findExactOccurrences(text: string, exact: string, limit = Infinity): number[] {
  const found: number[] = [];
  if (exact.length === 0 || !(limit > 0)) return found;
  for (let at = text.indexOf(exact); at !== -1 && found.length < limit; at = text.indexOf(exact, at + 1)) {
    found.push(at);
  }
  return found;
}

/** Re-anchor a stored highlight in (possibly edited) text. */
export function anchorSelectors(text: string, quote: TextQuoteSelector, position: TextPositionSelector | null): AnchorResult {
  const exact = quote.exact;
  if (exact.length === 0 || text.length === 0) return ORPHANED;
  // Stored context longer than ours (another tool's selectors) would only slow the comparisons down.
  const context: Context = { prefix: quote.prefix.slice(-CONTEXT_LENGTH), suffix: quote.suffix.slice(0, CONTEXT_LENGTH) };

  // Fast path, O(quote + context length): re-saving an unchanged article re-anchors thousands of
  // highlights and must not scan the text for each.
  // The old offset can hold the same words by coincidence (another "the", or the other copy of a
  // repeated sentence after paragraphs were swapped); one intact context side, a cheap comparison,
  // proves it is the same place. Otherwise the full search decides, and may still land here.
  if (position && holdsQuote(text, exact, position) && contextIntact(text, context, position.start, position.end)) {
    return { state: 'anchored', start: position.start, end: position.end };
  }
  const hint = position && Number.isFinite(position.start) ? clamp(position.start, 0, text.length) : null;

  const exactMatch = bestExactOccurrence(text, exact, context, hint);
  if (exactMatch) {
    const same = position !== null && exactMatch.start === position.start && exactMatch.end === position.end;
    // Without a stored position there is nothing that "still holds" the quote, and the caller must
    // record where it was found, so that counts as moved.
    return { state: same ? 'anchored' : 'moved', start: exactMatch.start, end: exactMatch.end };
  }

  const fuzzyMatch = bestFuzzyMatch(text, exact, context, hint);
  return fuzzyMatch ? { state: 'fuzzy', start: fuzzyMatch.start, end: fuzzyMatch.end } : ORPHANED;
}

interface Context {
  prefix: string;
  suffix: string;
}

interface Range {
  start: number;
  end: number;
}

interface ContextScore {
  prefix: number;
  suffix: number;
  /** At least one side is long enough and close enough to confirm the place on its own. */
  confirms: boolean;
}

function holdsQuote(text: string, exact: string, position: TextPositionSelector): boolean {
  const { start, end } = position;
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    end - start === exact.length &&
    text.startsWith(exact, start)
  );
}

function contextIntact(text: string, context: Context, start: number, end: number): boolean {
  const prefixIntact =
    context.prefix.length === 0 ? start === 0 : start >= context.prefix.length && text.startsWith(context.prefix, start - context.prefix.length);
  const suffixIntact = context.suffix.length === 0 ? end === text.length : text.startsWith(context.suffix, end);
  return prefixIntact || suffixIntact;
}

/**
 * The exact occurrence whose context matches best, nearest the old place on a tie. Short quotes
 * are only accepted where the context confirms them.
 */
function bestExactOccurrence(text: string, exact: string, context: Context, hint: number | null): Range | null {
  let best: { start: number; context: number; distance: number } | null = null;
  for (const start of findExactOccurrences(text, exact)) {
    const score = scoreContext(text, context, start, start + exact.length, exact.length < SHORT_QUOTE_LENGTH);
    if (exact.length < SHORT_QUOTE_LENGTH && !score.confirms) continue;
    const contextSum = score.prefix + score.suffix;
    const distance = hint === null ? 0 : Math.abs(start - hint);
    if (!best || contextSum > best.context || (contextSum === best.context && distance < best.distance)) {
      best = { start, context: contextSum, distance };
    }
  }
  return best ? { start: best.start, end: best.start + exact.length } : null;
}

function bestFuzzyMatch(text: string, exact: string, context: Context, hint: number | null): Range | null {
  if (exact.length < MIN_FUZZY_QUOTE_LENGTH) return null;
  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(exact.length * (1 - MIN_QUOTE_SIMILARITY)));
  let best: (Range & { score: number }) | null = null;
  const seen = new Set<string>();
  for (const match of fuzzyCandidates(text, exact, context, hint, maxErrors)) {
    // Error-free matches are exact occurrences, already judged (and rejected) above.
    if (match.errors === 0) continue;
    const quoteSimilarity = 1 - match.errors / exact.length;
    if (quoteSimilarity < MIN_QUOTE_SIMILARITY) continue;
    const range = snapToWords(text, exact, context, match.start, match.end);
    const key = `${range.start}:${range.end}`;
    if (seen.has(key)) continue;
    seen.add(key);

    const contextScore = scoreContext(text, context, range.start, range.end, exact.length < SHORT_QUOTE_LENGTH);
    if (exact.length < SHORT_QUOTE_LENGTH && !contextScore.confirms) continue;
    if (exact.length < MEDIUM_QUOTE_LENGTH && !contextScore.confirms && quoteSimilarity < NEAR_EXACT_QUOTE_SIMILARITY) continue;

    const positionScore = hint === null ? 0 : 1 - Math.abs(range.start - hint) / text.length;
    const score =
      QUOTE_WEIGHT * quoteSimilarity +
      PREFIX_WEIGHT * contextScore.prefix +
      SUFFIX_WEIGHT * contextScore.suffix +
      POSITION_WEIGHT * positionScore;
    if (!best || score > best.score) best = { ...range, score };
  }
  return best ? { start: best.start, end: best.end } : null;
}

interface Match {
  start: number;
  end: number;
  errors: number;
}

/**
 * approx-string-match reports only the globally lowest-cost matches, so a similar phrase elsewhere
 * would hide the edited quote at its real place. Two local searches recover that place: inside
 * the best match of context+quote+context, and around the old position.
 */
function fuzzyCandidates(text: string, exact: string, context: Context, hint: number | null, maxErrors: number): Match[] {
  const candidates = search(text, exact, maxErrors);

  const framed = context.prefix + exact + context.suffix;
  if (framed.length > exact.length) {
    const framedErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(framed.length * (1 - MIN_QUOTE_SIMILARITY)));
    // Ends of equally good framed matches cluster around one place; a few suffice.
    for (const region of search(text, framed, framedErrors).slice(0, 8)) {
      candidates.push(...searchWithin(text, exact, maxErrors, region.start, region.end));
    }
  }

  if (hint !== null) {
    const reach = 2 * CONTEXT_LENGTH + maxErrors;
    candidates.push(...searchWithin(text, exact, maxErrors, hint - reach, hint + exact.length + reach));
  }
  return candidates;
}

function searchWithin(text: string, exact: string, maxErrors: number, from: number, to: number): Match[] {
  const start = clamp(from, 0, text.length);
  const end = clamp(to, start, text.length);
  return search(text.slice(start, end), exact, maxErrors).map((m) => ({ start: m.start + start, end: m.end + start, errors: m.errors }));
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

function isWordCharacter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== '' && WORD_CHARACTER.test(ch);
}

/**
 * An edit at the edge of a quote ("He said" → "She said") lets the cheapest alignment start or end
 * inside a word. Where the stored quote began or ended on a word boundary, widen the match to the
 * whole word, so that the highlight covers the edited words rather than a fragment of them.
 */
function snapToWords(text: string, exact: string, context: Context, start: number, end: number): Range {
  let snappedStart = start;
  if (isWordCharacter(exact[0]) && !isWordCharacter(context.prefix.at(-1))) {
    while (snappedStart > 0 && isWordCharacter(text[snappedStart - 1]) && isWordCharacter(text[snappedStart])) snappedStart -= 1;
    if (start - snappedStart > MAX_WORD_SNAP) snappedStart = start;
  }
  let snappedEnd = end;
  if (isWordCharacter(exact.at(-1)) && !isWordCharacter(context.suffix[0])) {
    while (snappedEnd < text.length && isWordCharacter(text[snappedEnd - 1]) && isWordCharacter(text[snappedEnd])) snappedEnd += 1;
    if (snappedEnd - end > MAX_WORD_SNAP) snappedEnd = end;
  }
  return { start: snappedStart, end: snappedEnd };
}

/**
 * How well the stored context matches around a candidate. With `mustConfirm` (short quotes, where
 * an unconfirmed candidate is discarded anyway) each side is first measured only up to the
 * confirming distance: a common word has thousands of occurrences, nearly all of them unrelated,
 * and the capped measure abandons those after a few characters.
 */
function scoreContext(text: string, context: Context, start: number, end: number, mustConfirm: boolean): ContextScore {
  if (mustConfirm) {
    const prefixConfirms = sideConfirms(text, context.prefix, start, -1);
    const suffixConfirms = !prefixConfirms && sideConfirms(text, context.suffix, end, 1);
    if (!prefixConfirms && !suffixConfirms) return { prefix: 0, suffix: 0, confirms: false };
  }
  const prefix = sideSimilarity(text, context.prefix, start, -1);
  const suffix = sideSimilarity(text, context.suffix, end, 1);
  const confirms =
    (context.prefix.length >= MIN_CONTEXT_EVIDENCE_LENGTH && prefix >= STRONG_CONTEXT_SIMILARITY) ||
    (context.suffix.length >= MIN_CONTEXT_EVIDENCE_LENGTH && suffix >= STRONG_CONTEXT_SIMILARITY);
  return { prefix, suffix, confirms };
}

function sideConfirms(text: string, stored: string, boundary: number, direction: 1 | -1): boolean {
  if (stored.length < MIN_CONTEXT_EVIDENCE_LENGTH) return false;
  const cap = Math.floor(stored.length * (1 - STRONG_CONTEXT_SIMILARITY));
  return contextDistance(text, stored, boundary, direction, cap) <= cap;
}

/**
 * Similarity in [0, 1] of a stored context side with the text next to a candidate. An empty stored
 * side means the quote touched the text's edge, which only a candidate at that edge reproduces.
 */
function sideSimilarity(text: string, stored: string, boundary: number, direction: 1 | -1): number {
  if (stored.length === 0) return (direction < 0 ? boundary === 0 : boundary === text.length) ? 1 : 0;
  return 1 - contextDistance(text, stored, boundary, direction, stored.length) / stored.length;
}

/**
 * Edit distance between a stored context side and the text on that side of `boundary`, aligned at
 * the boundary (the characters next to the quote matter most) with the far end of the text window
 * free, so that an insertion near the quote costs its length and no more. Walks outwards from the
 * boundary in both strings: backwards for the prefix, forwards for the suffix.
 *
 * Distances above `cap` are not needed, so only the diagonal band |i - j| <= cap is computed
 * (cells outside it exceed the cap) and the walk stops, returning cap + 1, once a whole row does.
 * With cap = stored.length the result is exact, since it never exceeds stored.length.
 */
function contextDistance(text: string, stored: string, boundary: number, direction: 1 | -1, cap: number): number {
  const m = stored.length;
  const over = cap + 1;
  const available = direction < 0 ? boundary : text.length - boundary;
  const n = Math.min(available, m + CONTEXT_SLACK);
  let previous = new Int32Array(n + 2);
  let current = new Int32Array(n + 2);
  for (let j = 0; j <= n + 1; j += 1) previous[j] = j <= cap ? j : over;
  for (let i = 1; i <= m; i += 1) {
    const c = direction < 0 ? stored.charCodeAt(m - i) : stored.charCodeAt(i - 1);
    const lo = Math.max(1, i - cap);
    const hi = Math.min(n, i + cap);
    current[0] = i <= cap ? i : over;
    current[lo - 1] = lo === 1 ? current[0] : over;
    let rowMin = current[lo - 1];
    for (let j = lo; j <= hi; j += 1) {
      const t = direction < 0 ? text.charCodeAt(boundary - j) : text.charCodeAt(boundary + j - 1);
      const substitute = previous[j - 1] + (c === t ? 0 : 1);
      const skipStored = previous[j] + 1;
      const skipText = current[j - 1] + 1;
      let cell = substitute < skipStored ? substitute : skipStored;
      if (skipText < cell) cell = skipText;
      if (cell > over) cell = over;
      current[j] = cell;
      if (cell < rowMin) rowMin = cell;
    }
    if (rowMin > cap) return over;
    // The next row reads one cell further right than this band reached.
    if (hi + 1 <= n) current[hi + 1] = over;
    [previous, current] = [current, previous];
  }
  let best = over;
  for (let j = Math.max(0, m - cap); j <= Math.min(n, m + cap); j += 1) if (previous[j] < best) best = previous[j];
  return best;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Where text positions go when oldText becomes newText, assuming one edited region (the common
 * prefix and suffix are unchanged). Positions before the region stay, positions after it shift by
 * the change in length, and positions inside it cannot be mapped (null). Re-anchoring uses the
 * mapped position as its first guess, so highlights after an edit are found without a search.
 */
export function mapPositionsThroughEdit(oldText: string, newText: string): (position: number, side: 'start' | 'end') => number | null {
  const shortest = Math.min(oldText.length, newText.length);
  let prefix = 0;
  while (prefix < shortest && oldText.charCodeAt(prefix) === newText.charCodeAt(prefix)) prefix += 1;
  let suffix = 0;
  while (
    suffix < shortest - prefix &&
    oldText.charCodeAt(oldText.length - 1 - suffix) === newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix += 1;
  }
  const editedEnd = oldText.length - suffix;
  const delta = newText.length - oldText.length;
  return (position, side) => {
    if (position < prefix || (side === 'end' && position === prefix)) return position;
    if (position > editedEnd || (side === 'start' && position === editedEnd)) return position + delta;
    return null;
  };
}
