// The one contract between the UI and the library. Each method names its input schema (zod, checked
// by the dispatcher before any handler runs) and its result type. Electron IPC, the browser-mode
// HTTP host and the CLI all serve exactly this map; the renderer calls it through one client.
import { z } from 'zod';
import {
  ARTICLE_FORMATS,
  ARTICLE_SORT_KEYS,
  HIGHLIGHT_COLORS,
  type ArticleDetail,
  type ArticleSummary,
  type Highlight,
  type ImportedArticle,
  type LibraryInfo,
  type ReanchorReport,
  type SearchHit,
  type TagCount
} from './domain';

/** Declares a result type without a runtime value. */
function returns<T>(): T {
  return undefined as T;
}

const id = z.string().min(1, 'an id is required').max(100);
const optionalText = (max: number) => z.string().max(max).nullable().optional();
const isoDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date must be YYYY, YYYY-MM or YYYY-MM-DD');

const documentNode: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1),
      text: z.string().optional(),
      attrs: z.record(z.string(), z.unknown()).optional(),
      marks: z.array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() })).optional(),
      content: z.array(documentNode).optional()
    })
    .strict()
);

export const metadataInput = z.object({
  title: z.string().trim().min(1, 'a title is required').max(500).optional(),
  author: optionalText(300),
  publisher: optionalText(300),
  url: z
    .string()
    .max(2000)
    .refine((value) => value === '' || /^https?:\/\//i.test(value), 'a URL must start with http:// or https://')
    .nullable()
    .optional(),
  publishedAt: isoDate.or(z.literal('')).nullable().optional()
});

// 50 MB of text is far beyond any article; past it the input is more likely a mistake or an attack.
const MAX_CONTENT_CHARS = 50_000_000;

export const contract = {
  'library.info': { input: z.object({}).strict(), result: returns<LibraryInfo>() },

  'articles.list': {
    input: z
      .object({
        sort: z.enum(ARTICLE_SORT_KEYS).default('added'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        tag: z.string().max(100).nullable().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    result: returns<{ items: ArticleSummary[]; total: number }>()
  },
  'articles.get': { input: z.object({ id }).strict(), result: returns<ArticleDetail>() },
  'articles.create': {
    input: metadataInput
      .extend({
        content: z.string().min(1, 'the article has no content').max(MAX_CONTENT_CHARS),
        format: z.enum(ARTICLE_FORMATS),
        tags: z.array(z.string().trim().min(1).max(100)).max(100).optional()
      })
      .strict(),
    result: returns<ArticleSummary>()
  },
  'articles.importFile': {
    input: z
      .object({
        fileName: z.string().min(1).max(1000),
        /** The file's bytes, base64-encoded (both transports carry JSON). */
        dataBase64: z
          .string()
          .max(Math.ceil((MAX_CONTENT_CHARS * 4) / 3) + 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file data is not valid base64')
      })
      .strict(),
    result: returns<ImportedArticle>()
  },
  'articles.updateMetadata': {
    input: metadataInput.extend({ id, tags: z.array(z.string().trim().min(1).max(100)).max(100).optional() }).strict(),
    result: returns<ArticleSummary>()
  },
  'articles.updateDocument': {
    input: z.object({ id, doc: documentNode }).strict(),
    result: returns<{ article: ArticleDetail; reanchor: ReanchorReport }>()
  },
  'articles.revise': {
    input: z
      .object({ id, content: z.string().min(1).max(MAX_CONTENT_CHARS), format: z.enum(ARTICLE_FORMATS) })
      .strict(),
    result: returns<{ article: ArticleDetail; reanchor: ReanchorReport }>()
  },

  'tags.list': { input: z.object({}).strict(), result: returns<TagCount[]>() },

  'highlights.create': {
    input: z
      .object({
        articleId: id,
        color: z.enum(HIGHLIGHT_COLORS).default('yellow'),
        note: z.string().max(100_000).default(''),
        /** Either a text range (from the reader)… */
        start: z.number().int().min(0).optional(),
        end: z.number().int().min(0).optional(),
        /** …or an exact quote to find (from the CLI); with a range, it must match the range. */
        exact: z.string().min(1).max(100_000).optional()
      })
      .strict()
      .refine((value) => value.exact !== undefined || (value.start !== undefined && value.end !== undefined), {
        message: 'give either start and end, or the exact quote'
      })
      .refine((value) => value.start === undefined || value.end === undefined || value.end > value.start, {
        message: 'end must be after start'
      }),
    result: returns<Highlight>()
  },
  'highlights.update': {
    input: z
      .object({ id, color: z.enum(HIGHLIGHT_COLORS).optional(), note: z.string().max(100_000).optional() })
      .strict(),
    result: returns<Highlight>()
  },
  'highlights.delete': { input: z.object({ id }).strict(), result: returns<Highlight>() },
  /** Undoes a delete. */
  'highlights.restore': { input: z.object({ id }).strict(), result: returns<Highlight>() },

  'search.query': {
    input: z
      .object({
        query: z.string().max(1000),
        limit: z.number().int().min(1).max(200).default(50)
      })
      .strict(),
    result: returns<SearchHit[]>()
  }
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** What a caller passes (defaults may be omitted). */
export type MethodInput<K extends MethodName> = z.input<Contract[K]['input']>;
/** What a handler receives (after parsing and defaults). */
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>;
export type MethodResult<K extends MethodName> = Contract[K]['result'];

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
