// Synthetic articles: the Tiptap document (as core stores it) and the equivalent sanitised HTML.
import type { DocumentNode } from '../src/shared/domain';
import { DOMAIN_PHRASES, DOMAIN_WORDS, type Random, type Vocabulary } from './vocabulary';

export interface SyntheticArticle {
  title: string;
  doc: DocumentNode;
  /** The article body as sanitised HTML (what core keeps in source_html). */
  html: string;
  /** Domain words this article is "about"; they recur in its text, so ranking has something to rank. */
  topic: string[];
  words: number;
}

const TOPIC_WORD_RATE = 0.035;
const NUMBER_RATE = 0.18;
const PHRASE_RATE = 0.06;
const COMMA_RATE = 0.07;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function numberPhrase(random: Random): string {
  switch (random.int(0, 6)) {
    case 0:
      return `${random.int(1, 480)},000 tons`;
    case 1:
      return `${random.int(1, 99)}.${random.int(0, 9)}%`;
    case 2:
      return `in ${random.int(1990, 2025)}`;
    case 3:
      return `about ${random.int(2, 95)}%`;
    case 4:
      return `${random.int(1, 900)} million dollars`;
    case 5:
      return `${random.int(2, 60)},${random.int(100, 999)} tonnes`;
    default:
      return `by ${random.int(2026, 2040)}`;
  }
}

export function pickTopic(random: Random): string[] {
  const size = random.int(3, 7);
  const topic = new Set<string>();
  while (topic.size < size) topic.add(random.pick(DOMAIN_WORDS).word);
  return [...topic];
}

/** One sentence of about `wanted` words; returns the text and how many words it holds. */
export function sentence(random: Random, vocabulary: Vocabulary, topic: string[], wanted: number): { text: string; words: number } {
  const parts: string[] = [];
  let words = 0;
  const numberAt = random.chance(NUMBER_RATE) ? random.int(1, Math.max(1, wanted - 1)) : -1;
  const phraseAt = random.chance(PHRASE_RATE) ? random.int(1, Math.max(1, wanted - 1)) : -1;
  for (let i = 0; i < wanted; i += 1) {
    if (i === numberAt) {
      const phrase = numberPhrase(random);
      parts.push(phrase);
      words += phrase.split(' ').length;
      continue;
    }
    if (i === phraseAt) {
      const phrase = random.pick(DOMAIN_PHRASES);
      parts.push(phrase);
      words += phrase.split(' ').length;
      continue;
    }
    let word = topic.length > 0 && random.next() < TOPIC_WORD_RATE ? random.pick(topic) : vocabulary.sample(random);
    if (i > 0 && i < wanted - 1 && random.next() < COMMA_RATE) word += ',';
    parts.push(word);
    words += 1;
  }
  parts[0] = capitalise(parts[0]);
  return { text: `${parts.join(' ')}.`, words };
}

export function escapeHtml(value: string): string {
  return /[&<>"]/.test(value) ? value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;') : value;
}

export function makeTitle(random: Random, vocabulary: Vocabulary, topic: string[]): string {
  const length = random.int(4, 10);
  const words: string[] = [];
  for (let i = 0; i < length; i += 1) words.push(random.chance(0.3) ? random.pick(topic) : random.pick(vocabulary.common));
  words[0] = capitalise(words[0]);
  return words.join(' ');
}

export interface Block {
  kind: 'h1' | 'h2' | 'p';
  /** Text runs; an italic run has italic = true. */
  runs: { text: string; italic: boolean }[];
}

function blockToNode(block: Block): DocumentNode {
  const content: DocumentNode[] = block.runs.map((run) =>
    run.italic ? { type: 'text', marks: [{ type: 'italic' }], text: run.text } : { type: 'text', text: run.text }
  );
  if (block.kind === 'p') return { type: 'paragraph', content };
  return { type: 'heading', attrs: { level: block.kind === 'h1' ? 1 : 2 }, content };
}

export function blockToHtml(block: Block): string {
  const inner = block.runs.map((run) => (run.italic ? `<em>${escapeHtml(run.text)}</em>` : escapeHtml(run.text))).join('');
  return `<${block.kind}>${inner}</${block.kind}>`;
}

/** A paragraph's text, sometimes with an italic run cut at word boundaries. */
function paragraphRuns(random: Random, text: string): Block['runs'] {
  if (!random.chance(0.12)) return [{ text, italic: false }];
  const spaces: number[] = [];
  for (let at = text.indexOf(' '); at !== -1; at = text.indexOf(' ', at + 1)) spaces.push(at);
  if (spaces.length < 6) return [{ text, italic: false }];
  const from = random.int(1, spaces.length - 4);
  const to = Math.min(spaces.length - 1, from + random.int(1, 4));
  return [
    { text: text.slice(0, spaces[from] + 1), italic: false },
    { text: text.slice(spaces[from] + 1, spaces[to]), italic: true },
    { text: text.slice(spaces[to]), italic: false }
  ];
}

export function articleBlocks(random: Random, vocabulary: Vocabulary, topic: string[], title: string, totalWords: number): { blocks: Block[]; words: number } {
  const blocks: Block[] = [{ kind: 'h1', runs: [{ text: title, italic: false }] }];
  let words = 0;
  let paragraphsSinceHeading = 0;
  let nextHeading = random.int(4, 10);
  while (words < totalWords) {
    if (paragraphsSinceHeading >= nextHeading && totalWords - words > 200) {
      const heading = makeTitle(random, vocabulary, topic);
      blocks.push({ kind: 'h2', runs: [{ text: heading, italic: false }] });
      paragraphsSinceHeading = 0;
      nextHeading = random.int(4, 10);
    }
    const paragraphWords = Math.min(random.int(40, 180), Math.max(8, totalWords - words));
    const sentences: string[] = [];
    let inParagraph = 0;
    while (inParagraph < paragraphWords) {
      const wanted = Math.max(4, Math.min(random.int(6, 26), paragraphWords - inParagraph));
      const made = sentence(random, vocabulary, topic, wanted);
      sentences.push(made.text);
      inParagraph += made.words;
    }
    words += inParagraph;
    blocks.push({ kind: 'p', runs: paragraphRuns(random, sentences.join(' ')) });
    paragraphsSinceHeading += 1;
  }
  return { blocks, words };
}

/** An article of about `totalWords` words (plus its title and headings). */
export function makeArticle(random: Random, vocabulary: Vocabulary, totalWords: number): SyntheticArticle {
  const topic = pickTopic(random);
  const title = makeTitle(random, vocabulary, topic);
  const { blocks, words } = articleBlocks(random, vocabulary, topic, title, totalWords);
  return {
    title,
    topic,
    words,
    doc: { type: 'doc', content: blocks.map(blockToNode) },
    html: blocks.map(blockToHtml).join('')
  };
}
