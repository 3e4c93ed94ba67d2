// Turns sanitised HTML into the article document (Tiptap JSON) and its plain text.
import { getSchema } from '@tiptap/core';
import { createRequire } from 'node:module';
import { DOMParser, Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { AssayError } from '../../shared/errors';
import { articleExtensions } from '../../shared/article-schema';
import { indexDocumentText } from '../../shared/document-text';
import type { DocumentNode } from '../../shared/domain';
import { sanitizeArticleHtml } from './sanitize-html';
import { parseSanitizedHtml } from './sanitized-html-tree';

export interface ArticleContent {
  /** Sanitised HTML as imported, kept for provenance. */
  html: string;
  doc: DocumentNode;
  text: string;
}

let extensions: ReturnType<typeof articleExtensions> | null = null;
let schema: Schema | null = null;
let parser: DOMParser | null = null;

function articleSchema(): Schema {
  extensions ??= articleExtensions();
  schema ??= getSchema(extensions);
  return schema;
}

// Tiptap's HTML parser (generateJSON) brings a whole DOM implementation (about a second to load)
// and builds a new window for every call. It only reads what the small tree below cannot, so most
// imports never load it.
let htmlToJson: typeof import('@tiptap/html/server').generateJSON | null = null;
function generateJSON(html: string): DocumentNode {
  htmlToJson ??= (createRequire(import.meta.url)('@tiptap/html/server') as typeof import('@tiptap/html/server')).generateJSON;
  extensions ??= articleExtensions();
  return htmlToJson(html, extensions) as DocumentNode;
}

/**
 * The document of sanitised HTML through the small tree (sanitized-html-tree.ts), or null when the
 * tree cannot stand in for a DOM there. Exported for the test that holds it to generateJSON and
 * for the import benchmark's breakdown.
 */
export function documentFromSanitizedTree(html: string): DocumentNode | null {
  const body = parseSanitizedHtml(html);
  if (!body) return null;
  parser ??= DOMParser.fromSchema(articleSchema());
  try {
    // The tree has the part of the DOM interface that the parser and the schema's rules read.
    return parser.parse(body as unknown as Parameters<DOMParser['parse']>[0]).toJSON() as DocumentNode;
  } catch {
    // A parse rule asked the tree something it cannot answer: generateJSON decides, as before.
    return null;
  }
}

/** Sanitised HTML to the article document: ProseMirror's parse of the DOM an HTML parser builds. */
function documentFromSanitizedHtml(html: string): DocumentNode {
  return documentFromSanitizedTree(html) ?? generateJSON(html);
}

// C0 controls other than tab and newline never belong in prose, and the search snippet markers
// rely on their absence.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function stripControlCharacters(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '');
}

// The article schema's tables have rows only; a caption is kept as the paragraph before its table.
// (Sanitised HTML: tags are lower case and these carry no attributes.)
const TABLE_CAPTION = /<table>(\s*)<caption>([\s\S]*?)<\/caption>/g;

export function documentFromHtml(rawHtml: string): ArticleContent {
  const html = sanitizeArticleHtml(stripControlCharacters(rawHtml));
  const doc = documentFromSanitizedHtml(html.replace(TABLE_CAPTION, '<p>$2</p><table>$1'));
  return { html, doc, text: indexDocumentText(doc).text };
}

/**
 * A document edited in the reader. It comes from outside core, so it is rebuilt through the
 * article schema: unknown nodes, marks or attributes are refused rather than stored.
 */
export function documentFromEditor(doc: DocumentNode): { doc: DocumentNode; text: string } {
  let node: ProseMirrorNode;
  try {
    node = ProseMirrorNode.fromJSON(articleSchema(), doc);
    node.check();
  } catch (error) {
    throw new AssayError('invalid_input', `The edited document does not fit the article schema: ${(error as Error).message}`);
  }
  if (node.type.name !== 'doc') throw new AssayError('invalid_input', 'The edited document must be a doc node.');
  const normalised = node.toJSON() as DocumentNode;
  const text = indexDocumentText(normalised).text;
  if (stripControlCharacters(text) !== text) {
    throw new AssayError('invalid_input', 'The edited document contains control characters.');
  }
  return { doc: normalised, text };
}
