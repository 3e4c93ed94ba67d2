// From what the user gives us (pasted text, a file's bytes) to an article's content, a title, the
// citation fields the file declares, and what the analyst should check (warnings).
//
// One module per format does the reading: decode-text.ts + mojibake.ts (text encodings),
// web-page.ts (saved web pages), pdf-document.ts + pdf-layout.ts (PDF), word-document.ts (.docx).
// Each produces HTML, which article-document.ts sanitises and turns into the article document.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { marked } from 'marked';
import {
  MAX_IMPORT_BYTES,
  type ArticleFormat,
  type ContentFormat,
  type ImportWarning,
  type PageStart
} from '../../shared/domain';
import { AssayError } from '../../shared/errors';
import { documentFromHtml, stripControlCharacters, type ArticleContent } from './article-document';
import { decodeTextBytes, excerptAround } from './decode-text';
import { mojibakeWarning, repairMojibake, repairedWarning, type MojibakeRepair } from './mojibake';
import { pageStartsFromBlocks, remapPageStarts } from './page-map';
import { readPdf } from './pdf-document';
import { readWebPage, type SourceMetadata } from './web-page';
import { readWordDocument } from './word-document';

export { MAX_IMPORT_BYTES };

/** Citation fields read from the file, used where the analyst gave none. */
export type FileMetadata = Partial<Pick<SourceMetadata, 'author' | 'publisher' | 'url' | 'publishedAt'>>;

export interface PreparedArticle extends ArticleContent {
  format: ArticleFormat;
  /** A title read from the content (page metadata, <title>/<h1>, a heading, the first line). */
  suggestedTitle: string | null;
  contentHash: string;
  /** Citation fields the file declares (web page metadata, PDF and Word properties). */
  metadata?: FileMetadata;
  /** What the analyst should check; the article is imported all the same. */
  warnings?: ImportWarning[];
  /** PDF: where each page begins in `text`. */
  pages?: PageStart[] | null;
}

const FORMAT_BY_EXTENSION: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
  '.docx': 'docx'
};

export const IMPORTABLE_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

export function formatForFileName(fileName: string): ArticleFormat {
  const extension = extname(fileName).toLowerCase();
  const format = FORMAT_BY_EXTENSION[extension];
  if (!format) {
    const hint = extension === '.doc' ? ' Save it as .docx in Word first.' : '';
    throw new AssayError(
      'unsupported_format',
      `${fileName} is not a file Assay can import yet; use ${IMPORTABLE_EXTENSIONS.join(', ')}.${hint}`
    );
  }
  return format;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Plain text: blank lines separate paragraphs; wrapped lines inside a paragraph are rejoined. */
function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim().split('\n').map((line) => line.trim()).join(' '))
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
}

function decodeEntities(value: string): string {
  return value
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
}

function titleFromHtml(html: string): string | null {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  if (!match) return null;
  const title = decodeEntities(match[1].replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim();
  return title || null;
}

function firstLine(text: string): string | null {
  const line = text.split('\n').find((candidate) => candidate.trim().length > 0);
  if (!line) return null;
  const trimmed = line.trim();
  return trimmed.length > 160 ? `${trimmed.slice(0, 157)}…` : trimmed;
}

function firstHeading(html: string): string | null {
  const match = /<h[12][^>]*>([\s\S]*?)<\/h[12]>/i.exec(html);
  return match ? decodeEntities(match[1].replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim() || null : null;
}

interface Extras {
  suggestedTitle: string | null;
  metadata?: FileMetadata;
  warnings?: ImportWarning[];
}

/** The article document from HTML; refuses content without text. */
function finish(html: string, format: ArticleFormat, extras: Extras): PreparedArticle {
  const prepared = documentFromHtml(html);
  if (prepared.text.trim().length === 0) {
    throw new AssayError('invalid_input', 'The article has no readable text (after removing scripts and markup).');
  }
  return {
    ...prepared,
    format,
    suggestedTitle: extras.suggestedTitle ?? firstLine(prepared.text),
    contentHash: createHash('sha256').update(prepared.text).digest('hex'),
    metadata: extras.metadata,
    warnings: extras.warnings ?? []
  };
}

/** Pasted (or revised) content: no file, so no encoding to detect and no page to extract from. */
export function prepareArticle(content: string, format: ContentFormat): PreparedArticle {
  switch (format) {
    case 'html':
      return finish(content, format, { suggestedTitle: titleFromHtml(content) });
    case 'markdown': {
      const heading = /^\s{0,3}#\s+(.+?)\s*#*\s*$/m.exec(content);
      return finish(marked.parse(content, { async: false, gfm: true }), format, { suggestedTitle: heading ? heading[1] : null });
    }
    case 'text':
      return finish(textToHtml(content), format, { suggestedTitle: null });
  }
}

function checkSize(fileName: string, bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw new AssayError('unreadable_file', `${fileName} is empty, so nothing was imported.`);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AssayError(
      'unreadable_file',
      `${fileName} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; Assay imports files up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`
    );
  }
}

/** Every message names the file, so a batch summary or the CLI can show it as it is. */
function namingFile<T>(fileName: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof AssayError && !error.message.startsWith(fileName)) throw new AssayError(error.code, `${fileName}: ${error.message}`);
    throw error;
  }
}

/** Repairs unambiguous mojibake in decoded source text; reports the repair. */
function repairSource(fileName: string, source: string, warnings: ImportWarning[]): { text: string; repair: MojibakeRepair | null } {
  const repair = repairMojibake(source);
  if (!repair) return { text: source, repair: null };
  warnings.push(repairedWarning(fileName, repair));
  return { text: repair.text, repair };
}

/**
 * Flags what still looks mis-decoded in the article's final text, and shows a repair where it
 * now reads in the article (it was found in the source, markup and all).
 */
function flagMojibake(fileName: string, prepared: PreparedArticle, repair?: MojibakeRepair | null): PreparedArticle {
  const warnings = [...(prepared.warnings ?? [])];
  const at = repair ? prepared.text.indexOf(repair.example.to) : -1;
  const repaired = warnings.findIndex((warning) => warning.kind === 'mojibake-repaired');
  if (repaired >= 0 && at >= 0) warnings[repaired] = { ...warnings[repaired], excerpt: excerptAround(prepared.text, at) };
  const warning = mojibakeWarning(fileName, prepared.text);
  if (warning) warnings.push(warning);
  prepared.warnings = warnings;
  return prepared;
}

function prepareTextFile(fileName: string, bytes: Uint8Array, format: ContentFormat): PreparedArticle {
  const decoded = decodeTextBytes(bytes, fileName, { sniffDeclaredCharset: format === 'html' });
  const warnings = [...decoded.warnings];
  const { text: source, repair } = repairSource(fileName, decoded.text.replace(/^\ufeff/, ''), warnings);
  if (format !== 'html') return flagMojibake(fileName, { ...prepareArticle(source, format), warnings }, repair);
  const page = readWebPage(source);
  const { title, ...metadata } = page.metadata;
  return flagMojibake(
    fileName,
    finish(page.html, 'html', { suggestedTitle: title ?? titleFromHtml(source), metadata, warnings }),
    repair
  );
}

/**
 * A file's bytes to an article, for the formats that can be read synchronously (text, Markdown,
 * web pages). PDF and Word files need prepareArticleFileAsync.
 */
export function prepareArticleFile(fileName: string, bytes: Uint8Array): PreparedArticle {
  return namingFile(fileName, () => {
    const format = formatForFileName(fileName);
    checkSize(fileName, bytes);
    if (format === 'pdf' || format === 'docx') {
      throw new AssayError('internal', `${fileName}: PDF and Word files are read asynchronously (prepareArticleFileAsync).`);
    }
    return prepareTextFile(fileName, bytes, format);
  });
}

function blocksToHtml(blocks: { kind: 'heading' | 'paragraph'; level: number; text: string }[]): string {
  return blocks
    .map((block) => {
      const tag = block.kind === 'heading' ? `h${block.level}` : 'p';
      return `<${tag}>${escapeHtml(block.text)}</${tag}>`;
    })
    .join('\n');
}

async function preparePdf(fileName: string, bytes: Uint8Array): Promise<PreparedArticle> {
  const pdf = await readPdf(bytes, fileName);
  // The text exactly as document-text.ts will join it: one line per block, spaces collapsed.
  const blocks = pdf.blocks
    .map((block) => {
      const text = stripControlCharacters(block.text).replace(/\s+/g, ' ');
      const lead = text.length - text.trimStart().length;
      return { ...block, text: text.trim(), pages: block.pages.map((entry) => ({ ...entry, at: Math.max(0, entry.at - lead) })) };
    })
    .filter((block) => block.text.length > 0);
  const firstTitle = blocks.find((block) => block.kind === 'heading' && block.pages[0].page === blocks[0]?.pages[0].page);
  const prepared = finish(blocksToHtml(blocks), 'pdf', {
    suggestedTitle: pdf.title ?? firstTitle?.text ?? null,
    metadata: { author: pdf.author },
    warnings: pdf.warnings
  });
  const expected = blocks.map((block) => block.text).join('\n');
  // Offsets were computed on the blocks; should parsing have changed the text anywhere, the page
  // starts are carried over by their words like after an edit.
  prepared.pages = remapPageStarts(pageStartsFromBlocks(blocks), expected, prepared.text);
  return flagMojibake(fileName, prepared);
}

async function prepareWord(fileName: string, bytes: Uint8Array): Promise<PreparedArticle> {
  const word = await readWordDocument(bytes, fileName);
  const warnings = [...word.warnings];
  const { text: html, repair } = repairSource(fileName, word.html, warnings);
  return flagMojibake(
    fileName,
    finish(html, 'docx', { suggestedTitle: word.title ?? firstHeading(html), metadata: { author: word.author }, warnings }),
    repair
  );
}

/** A file's bytes to an article, any format. Heavy: the app runs it in the import worker. */
export async function prepareArticleFileAsync(fileName: string, bytes: Uint8Array): Promise<PreparedArticle> {
  const format = namingFile(fileName, () => {
    const format = formatForFileName(fileName);
    checkSize(fileName, bytes);
    return format;
  });
  try {
    if (format === 'pdf') return await preparePdf(fileName, bytes);
    if (format === 'docx') return await prepareWord(fileName, bytes);
    return prepareArticleFile(fileName, bytes);
  } catch (error) {
    return namingFile(fileName, () => {
      throw error;
    });
  }
}
