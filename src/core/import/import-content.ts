// From what the user gives us (pasted text, a file's bytes) to an article's content and a title.
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { marked } from 'marked';
import type { ArticleFormat } from '../../shared/domain';
import { AssayError } from '../../shared/errors';
import { documentFromHtml, type ArticleContent } from './article-document';
import { decodeTextBytes } from './decode-text';

export interface PreparedArticle extends ArticleContent {
  format: ArticleFormat;
  /** A title read from the content (HTML <title>/<h1>, Markdown heading, first line of text). */
  suggestedTitle: string | null;
  contentHash: string;
}

const FORMAT_BY_EXTENSION: Record<string, ArticleFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html'
};

export const IMPORTABLE_EXTENSIONS = Object.keys(FORMAT_BY_EXTENSION);

// A single article beyond this is almost certainly not an article; refusing keeps the UI responsive.
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function formatForFileName(fileName: string): ArticleFormat {
  const format = FORMAT_BY_EXTENSION[extname(fileName).toLowerCase()];
  if (!format) {
    throw new AssayError(
      'unsupported_format',
      `${fileName} is not a file Assay can import yet; use ${IMPORTABLE_EXTENSIONS.join(', ')}.`
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

export function prepareArticle(content: string, format: ArticleFormat): PreparedArticle {
  let html: string;
  let suggestedTitle: string | null;
  switch (format) {
    case 'html':
      html = content;
      suggestedTitle = titleFromHtml(content);
      break;
    case 'markdown': {
      html = marked.parse(content, { async: false, gfm: true });
      const heading = /^\s{0,3}#\s+(.+?)\s*#*\s*$/m.exec(content);
      suggestedTitle = heading ? heading[1] : null;
      break;
    }
    case 'text':
      html = textToHtml(content);
      suggestedTitle = null;
      break;
  }
  const prepared = documentFromHtml(html);
  if (prepared.text.trim().length === 0) {
    throw new AssayError('invalid_input', 'The article has no readable text (after removing scripts and markup).');
  }
  return {
    ...prepared,
    format,
    suggestedTitle: suggestedTitle ?? firstLine(prepared.text),
    contentHash: createHash('sha256').update(prepared.text).digest('hex')
  };
}

export function prepareArticleFile(fileName: string, bytes: Uint8Array): PreparedArticle {
  const format = formatForFileName(fileName);
  if (bytes.byteLength === 0) throw new AssayError('unreadable_file', `${fileName} is empty, so nothing was imported.`);
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AssayError(
      'unreadable_file',
      `${fileName} is ${(bytes.byteLength / 1024 / 1024).toFixed(0)} MB; Assay imports articles up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`
    );
  }
  const { text } = decodeTextBytes(bytes, fileName);
  try {
    return prepareArticle(text, format);
  } catch (error) {
    if (error instanceof AssayError) throw new AssayError(error.code, `${fileName}: ${error.message}`);
    throw error;
  }
}
