// Turns sanitised HTML into the article document (Tiptap JSON) and its plain text.
import { getSchema } from '@tiptap/core';
import { createRequire } from 'node:module';
import { Node as ProseMirrorNode, type Schema } from '@tiptap/pm/model';
import { AssayError } from '../../shared/errors';
import { articleExtensions } from '../../shared/article-schema';
import { indexDocumentText } from '../../shared/document-text';
import type { DocumentNode } from '../../shared/domain';
import { sanitizeArticleHtml } from './sanitize-html';

export interface ArticleContent {
  /** Sanitised HTML as imported, kept for provenance. */
  html: string;
  doc: DocumentNode;
  text: string;
}

let extensions: ReturnType<typeof articleExtensions> | null = null;
// The HTML parser brings a whole DOM implementation (about a second to load); only imports need
// it, so commands that never import do not pay for it.
let htmlToJson: typeof import('@tiptap/html/server').generateJSON | null = null;
function generateJSON(html: string, list: ReturnType<typeof articleExtensions>) {
  htmlToJson ??= (createRequire(import.meta.url)('@tiptap/html/server') as typeof import('@tiptap/html/server')).generateJSON;
  return htmlToJson(html, list);
}
let schema: Schema | null = null;

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
  extensions ??= articleExtensions();
  const doc = generateJSON(html.replace(TABLE_CAPTION, '<p>$2</p><table>$1'), extensions) as DocumentNode;
  return { html, doc, text: indexDocumentText(doc).text };
}

/**
 * A document edited in the reader. It comes from outside core, so it is rebuilt through the
 * article schema: unknown nodes, marks or attributes are refused rather than stored.
 */
export function documentFromEditor(doc: DocumentNode): { doc: DocumentNode; text: string } {
  extensions ??= articleExtensions();
  schema ??= getSchema(extensions);
  let node: ProseMirrorNode;
  try {
    node = ProseMirrorNode.fromJSON(schema, doc);
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
