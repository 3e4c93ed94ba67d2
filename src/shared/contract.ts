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
import {
  COMPUTATION_KINDS,
  FIGURE_CSV_FIELDS,
  LINK_RELATIONS,
  QUALIFIERS,
  VERDICTS,
  type ClaimDetail,
  type ClaimSummary,
  type CompetingGroup,
  type CsvImportResult,
  type EvidenceLink,
  type Figure,
  type PeriodReading,
  type QuantityReading,
  type TrashedArticle,
  type UndoResult,
  type UnitDescription,
  type Verdict
} from './evidence';

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

const statedNumber = z
  .object({ value: z.number(), high: z.number().nullable(), unit: z.string().max(40), qualifier: z.enum(QUALIFIERS) })
  .strict();
const computation = z
  .object({
    kind: z.enum(COMPUTATION_KINDS),
    aFigureId: id,
    bFigureId: id,
    tolerance: z.number().min(0, 'the tolerance cannot be negative').max(100)
  })
  .strict();
const claimFields = {
  statement: z.string().max(20_000).optional(),
  verdict: z.enum(VERDICTS).optional(),
  rationale: z.string().max(100_000).optional(),
  tags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
  stated: statedNumber.nullable().optional(),
  computation: computation.nullable().optional()
};
// Numbers may arrive as typed ("270,000"); core reads them and names the field it cannot read.
const typedNumber = z.union([z.number(), z.string().max(100)]);
const citation = z
  .object({
    title: optionalText(500),
    publisher: optionalText(300),
    edition: optionalText(100),
    url: optionalText(2000),
    page: optionalText(50)
  })
  .strict();
const figureFields = {
  metric: z.string().max(200),
  entity: z.string().max(200),
  value: typedNumber,
  high: typedNumber.nullable().optional(),
  unit: z.string().max(40),
  period: z.string().max(40),
  qualifier: z.enum(QUALIFIERS).default('exact'),
  basis: optionalText(2000),
  notes: optionalText(20_000),
  highlightId: id.nullable().optional(),
  citation: citation.nullable().optional()
};
const figureFilter = {
  metric: z.string().max(200).nullable().optional(),
  entity: z.string().max(200).nullable().optional(),
  period: z.string().max(40).nullable().optional(),
  articleId: id.nullable().optional(),
  query: z.string().max(200).nullable().optional(),
  competingOnly: z.boolean().optional(),
  ids: z.array(id).max(100_000).optional()
};

// 50 MB of text is far beyond any article; past it the input is more likely a mistake or an attack.
const MAX_CONTENT_CHARS = 50_000_000;
// A CSV of a few hundred thousand figures.
const MAX_CSV_CHARS = 100_000_000;

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

  'articles.delete': {
    input: z.object({ id }).strict(),
    result: returns<{ id: string; title: string; claimCount: number }>()
  },
  'articles.restore': { input: z.object({ id }).strict(), result: returns<ArticleSummary>() },
  'articles.trash': { input: z.object({}).strict(), result: returns<TrashedArticle[]>() },

  'claims.create': {
    input: z.object({ highlightIds: z.array(id).max(100).optional(), articleId: id.nullable().optional(), ...claimFields }).strict(),
    result: returns<ClaimDetail>()
  },
  'claims.update': {
    input: z.object({ id, highlightIds: z.array(id).max(100).optional(), ...claimFields }).strict(),
    result: returns<ClaimDetail>()
  },
  'claims.delete': { input: z.object({ id }).strict(), result: returns<ClaimDetail>() },
  'claims.restore': { input: z.object({ id }).strict(), result: returns<ClaimDetail>() },
  'claims.get': { input: z.object({ id }).strict(), result: returns<ClaimDetail>() },
  'claims.list': {
    input: z
      .object({
        verdict: z.enum(VERDICTS).nullable().optional(),
        tag: z.string().max(100).nullable().optional(),
        articleId: id.nullable().optional(),
        highlightId: id.nullable().optional(),
        limit: z.number().int().min(1).max(1000).default(200),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    result: returns<{ items: ClaimSummary[]; total: number; countsByVerdict: Record<Verdict, number> }>()
  },
  'claims.tags': { input: z.object({}).strict(), result: returns<TagCount[]>() },

  'figures.create': { input: z.object(figureFields).strict(), result: returns<Figure>() },
  'figures.update': {
    input: z
      .object({
        id,
        ...Object.fromEntries(Object.entries(figureFields).map(([key, schema]) => [key, schema.optional()]))
      } as { id: typeof id } & { [K in keyof typeof figureFields]: z.ZodOptional<(typeof figureFields)[K]> })
      .strict(),
    result: returns<Figure>()
  },
  'figures.delete': { input: z.object({ id }).strict(), result: returns<Figure>() },
  'figures.restore': { input: z.object({ id }).strict(), result: returns<Figure>() },
  'figures.get': { input: z.object({ id }).strict(), result: returns<Figure & { linkedFrom: EvidenceLink[] }>() },
  'figures.list': {
    input: z
      .object({
        ...figureFilter,
        sort: z.enum(['metric', 'entity', 'period', 'value', 'added']).default('metric'),
        direction: z.enum(['asc', 'desc']).default('asc'),
        limit: z.number().int().min(1).max(5000).default(200),
        offset: z.number().int().min(0).default(0)
      })
      .strict(),
    result: returns<{ items: Figure[]; total: number }>()
  },
  /** Undo of a CSV import. */
  'figures.deleteMany': { input: z.object({ ids: z.array(id).max(1_000_000) }).strict(), result: returns<{ count: number }>() },
  'figures.restoreMany': { input: z.object({ ids: z.array(id).max(1_000_000) }).strict(), result: returns<{ count: number }>() },
  'figures.competing': { input: z.object({}).strict(), result: returns<CompetingGroup[]>() },
  'figures.importCsv': {
    input: z
      .object({
        csv: z.string().min(1, 'the CSV file is empty').max(MAX_CSV_CHARS),
        /** Figure field → CSV column name. */
        mapping: z.partialRecord(z.enum(FIGURE_CSV_FIELDS), z.string().min(1).max(200)),
        /** Values for fields no column fills (e.g. one unit for the whole file). */
        defaults: z.partialRecord(z.enum(FIGURE_CSV_FIELDS), z.string().max(500)).optional(),
        /** false: only a preview; true: add the valid rows. */
        commit: z.boolean().default(false),
        /** With commit: add the valid rows even though others have problems. */
        skipInvalid: z.boolean().default(false)
      })
      .strict(),
    result: returns<CsvImportResult>()
  },

  'links.create': {
    input: z
      .object({ claimId: id, targetKind: z.enum(['figure', 'claim']), targetId: id, relation: z.enum(LINK_RELATIONS) })
      .strict(),
    result: returns<EvidenceLink>()
  },
  'links.delete': { input: z.object({ id }).strict(), result: returns<EvidenceLink>() },
  'links.restore': { input: z.object({ id }).strict(), result: returns<EvidenceLink>() },

  'quantities.parse': {
    input: z.object({ text: z.string().max(5000) }).strict(),
    result: returns<{ quantity: QuantityReading | null; period: PeriodReading | null }>()
  },
  'units.list': { input: z.object({}).strict(), result: returns<UnitDescription[]>() },

  'history.undo': { input: z.object({}).strict(), result: returns<UndoResult>() },
  'history.peek': { input: z.object({}).strict(), result: returns<UndoResult>() },

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
