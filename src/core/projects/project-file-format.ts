// The .assay project file, format version 1 (docs/project-file.md): a zip holding manifest.json and
// one JSON file per entity kind. Every record is checked with these schemas before anything is
// merged; a file from a teammate is untrusted input.
import { z } from 'zod';
import { ANCHOR_STATES, ARTICLE_FORMATS, HIGHLIGHT_COLORS } from '../../shared/domain';
import { COMPUTATION_KINDS, LINK_RELATIONS, QUALIFIERS, VERDICTS } from '../../shared/evidence';
import { MAX_PROJECT_FILE_BYTES } from '../../shared/projects';

export const PROJECT_FILE_FORMAT = 'assay-project';
export const PROJECT_FILE_VERSION = 1;
export const PROJECT_FILE_EXTENSION = '.assay';

/** Limits a file must keep within; checked on the zip's directory, before anything is inflated. */
export const PROJECT_FILE_LIMITS = {
  /** The .assay file itself (it travels base64-encoded through the contract). */
  maxFileBytes: MAX_PROJECT_FILE_BYTES,
  /** All entries together, uncompressed, as the zip declares them. */
  maxTotalUncompressedBytes: 512 * 1024 * 1024,
  maxEntryUncompressedBytes: 256 * 1024 * 1024,
  maxEntries: 32,
  /** Records of any one kind. */
  maxRecordsPerKind: 1_000_000
} as const;

export const ENTRY_NAMES = {
  manifest: 'manifest.json',
  project: 'project.json',
  articles: 'articles.json',
  highlights: 'highlights.json',
  claims: 'claims.json',
  figures: 'figures.json',
  links: 'links.json',
  charts: 'charts.json',
  tombstones: 'tombstones.json'
} as const;
export const DATA_ENTRIES = [
  ENTRY_NAMES.project,
  ENTRY_NAMES.articles,
  ENTRY_NAMES.highlights,
  ENTRY_NAMES.claims,
  ENTRY_NAMES.figures,
  ENTRY_NAMES.links,
  ENTRY_NAMES.charts,
  ENTRY_NAMES.tombstones
] as const;

// Stable ids: what this and other Assay libraries generate (UUIDs), and nothing that could be a
// path or carry markup.
const entityId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'an id must be 1–100 letters, digits, - or _');
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, 'a timestamp must be ISO 8601 UTC');
const text = (max: number) => z.string().max(max);
const nullableText = (max: number) => z.string().max(max).nullable();
const httpUrl = z
  .string()
  .max(2000)
  .refine((value) => /^https?:\/\//i.test(value), 'a URL must start with http:// or https://');
const tagList = z.array(z.string().trim().min(1).max(100)).max(100);
const isoDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'a date must be YYYY, YYYY-MM or YYYY-MM-DD');

export const manifestSchema = z
  .object({
    format: z.string(),
    formatVersion: z.number().int().min(1),
    appVersion: text(50),
    exportedAt: timestamp,
    exporterName: nullableText(200),
    projectId: entityId,
    projectName: text(300),
    counts: z.record(z.string().max(50), z.number().int().min(0)),
    entries: z.record(z.string().max(200), z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int().min(0) }).strict())
  })
  .strict();

export const projectRecordSchema = z
  .object({
    id: entityId,
    name: z.string().trim().min(1, 'a project needs a name').max(300),
    createdAt: timestamp,
    updatedAt: timestamp,
    articleIds: z.array(entityId).max(PROJECT_FILE_LIMITS.maxRecordsPerKind),
    items: z.array(z.object({ kind: z.enum(['claim', 'figure', 'chart']), id: entityId }).strict()).max(PROJECT_FILE_LIMITS.maxRecordsPerKind)
  })
  .strict();

// The document is checked against the article schema later (documentFromEditor); here only its
// shape and size.
const documentNode: z.ZodType<unknown> = z.lazy(() =>
  z
    .object({
      type: z.string().min(1).max(100),
      text: z.string().optional(),
      attrs: z.record(z.string(), z.unknown()).optional(),
      marks: z.array(z.object({ type: z.string().max(100), attrs: z.record(z.string(), z.unknown()).optional() }).strict()).optional(),
      content: z.array(documentNode).optional()
    })
    .strict()
);

export const articleRecordSchema = z
  .object({
    id: entityId,
    title: z.string().trim().min(1, 'an article needs a title').max(500),
    author: nullableText(300),
    publisher: nullableText(300),
    url: httpUrl.nullable(),
    publishedAt: isoDate.nullable(),
    fileName: nullableText(1000),
    format: z.enum(ARTICLE_FORMATS),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'the content hash must be SHA-256 hex'),
    sourceHtml: nullableText(50_000_000),
    doc: documentNode,
    bodyText: text(50_000_000),
    importedAt: timestamp,
    addedAt: timestamp,
    updatedAt: timestamp,
    tags: tagList
  })
  .strict();

export const highlightRecordSchema = z
  .object({
    id: entityId,
    articleId: entityId,
    color: z.enum(HIGHLIGHT_COLORS),
    note: text(100_000),
    quote: z.object({ exact: z.string().min(1).max(100_000), prefix: text(1000), suffix: text(1000) }).strict(),
    position: z
      .object({ start: z.number().int().min(0), end: z.number().int().min(0) })
      .strict()
      .refine((position) => position.end >= position.start, 'the position ends before it starts'),
    anchorState: z.enum(ANCHOR_STATES),
    createdAt: timestamp,
    updatedAt: timestamp
  })
  .strict();

const statedNumber = z
  .object({ value: z.number(), high: z.number().nullable(), unit: z.string().max(40), qualifier: z.enum(QUALIFIERS) })
  .strict();
const computation = z
  .object({ kind: z.enum(COMPUTATION_KINDS), aFigureId: entityId, bFigureId: entityId, tolerance: z.number().min(0).max(100) })
  .strict();

export const claimRecordSchema = z
  .object({
    id: entityId,
    articleId: entityId.nullable(),
    statement: z.string().trim().min(1, 'a claim needs a statement').max(20_000),
    verdict: z.enum(VERDICTS),
    rationale: text(100_000),
    stated: statedNumber.nullable(),
    computation: computation.nullable(),
    highlightIds: z.array(entityId).max(100),
    tags: tagList,
    createdAt: timestamp,
    updatedAt: timestamp
  })
  .strict();

export const figureRecordSchema = z
  .object({
    id: entityId,
    metric: z.string().trim().min(1).max(200),
    entity: z.string().trim().min(1).max(200),
    value: z.number(),
    high: z.number().nullable(),
    unit: z.string().trim().max(40),
    qualifier: z.enum(QUALIFIERS),
    period: z.string().trim().min(1).max(40),
    basis: nullableText(2000),
    notes: nullableText(20_000),
    highlightId: entityId.nullable(),
    citation: z
      .object({
        title: nullableText(500),
        publisher: nullableText(300),
        edition: nullableText(100),
        url: httpUrl.nullable(),
        page: nullableText(50)
      })
      .strict(),
    createdAt: timestamp,
    updatedAt: timestamp
  })
  .strict();

export const linkRecordSchema = z
  .object({
    id: entityId,
    claimId: entityId,
    targetKind: z.enum(['figure', 'claim']),
    targetId: entityId,
    relation: z.enum(LINK_RELATIONS),
    createdAt: timestamp
  })
  .strict();

export const chartRecordSchema = z
  .object({
    id: entityId,
    title: text(300),
    /** The chart specification as the charts module stores it (JSON object, without its id). */
    spec: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
    updatedAt: timestamp
  })
  .strict();

export const tombstoneSchema = z
  .object({
    kind: z.enum(['article', 'highlight', 'claim', 'figure', 'link', 'chart']),
    id: entityId,
    deletedAt: timestamp
  })
  .strict();

export type ProjectRecord = z.infer<typeof projectRecordSchema>;
export type ArticleRecord = z.infer<typeof articleRecordSchema>;
export type HighlightRecord = z.infer<typeof highlightRecordSchema>;
export type ClaimRecord = z.infer<typeof claimRecordSchema>;
export type FigureRecord = z.infer<typeof figureRecordSchema>;
export type LinkRecord = z.infer<typeof linkRecordSchema>;
export type ChartRecord = z.infer<typeof chartRecordSchema>;
export type Tombstone = z.infer<typeof tombstoneSchema>;
export type ProjectFileManifestRecord = z.infer<typeof manifestSchema>;

/** Kinds of record a file carries, with the entry each lives in. */
export const RECORD_KINDS = ['article', 'highlight', 'claim', 'figure', 'link', 'chart'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface RecordByKind {
  article: ArticleRecord;
  highlight: HighlightRecord;
  claim: ClaimRecord;
  figure: FigureRecord;
  link: LinkRecord;
  chart: ChartRecord;
}

export const ENTRY_FOR_KIND: Record<RecordKind, string> = {
  article: ENTRY_NAMES.articles,
  highlight: ENTRY_NAMES.highlights,
  claim: ENTRY_NAMES.claims,
  figure: ENTRY_NAMES.figures,
  link: ENTRY_NAMES.links,
  chart: ENTRY_NAMES.charts
};

export const SCHEMA_FOR_KIND = {
  article: articleRecordSchema,
  highlight: highlightRecordSchema,
  claim: claimRecordSchema,
  figure: figureRecordSchema,
  link: linkRecordSchema,
  chart: chartRecordSchema
} as const;

/** The content of a project file once read and checked. */
export interface ProjectFileContent {
  manifest: ProjectFileManifestRecord;
  project: ProjectRecord;
  records: { [K in RecordKind]: RecordByKind[K][] };
  tombstones: Tombstone[];
}
