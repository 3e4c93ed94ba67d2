// The one contract between the UI and the library. Each method names its input schema (zod, checked
// by the dispatcher before any handler runs) and its result type. Electron IPC, the browser-mode
// HTTP host and the CLI all serve exactly this map; the renderer calls it through one client.
import { z } from 'zod';
import {
  ARTICLE_FORMATS,
  ARTICLE_SORT_KEYS,
  HIGHLIGHT_COLORS,
  MAX_IMPORT_BYTES,
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
  type FigureFacets,
  type PeriodReading,
  type QuantityReading,
  type TrashedArticle,
  type UndoResult,
  type UnitDescription,
  type Verdict
} from './evidence';
import {
  chartSpecChanges,
  chartSpecFields,
  chartSpecInputSchema,
  type Chart,
  type ChartSummary
} from './charts/chart-spec';
import type { ChartData, ChartPointDetail } from './charts/chart-data';
import {
  EXCHANGE_FORMATS,
  MAX_PROJECT_FILE_BYTES,
  MERGE_RESOLUTIONS,
  type BackupInfo,
  type ExchangeExport,
  type LibrarySettings,
  type MergePlan,
  type MergeReport,
  type MergeReportSummary,
  type ItemProjects,
  type ProjectExport,
  type ProjectSummary
} from './projects';
import { PAPER_SIZES, type PrintedPdf, type PrintJob } from './print';
import { JOB_TOKEN_PATTERN, type JobProgress } from './jobs';

/** Declares a result type without a runtime value. */
function returns<T>(): T {
  return undefined as T;
}

const id = z.string().min(1, 'an id is required').max(100);
const jobToken = z.string().regex(JOB_TOKEN_PATTERN, 'a job token is 8–100 letters, digits, - or _');
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

const projectFileData = z
  .string()
  .min(1, 'the project file is empty')
  .max(Math.ceil((MAX_PROJECT_FILE_BYTES * 4) / 3) + 4, `the project file is larger than ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB`)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file data is not valid base64');
const projectName = z.string().trim().min(1, 'a project needs a name').max(300);
// A print document carries its fonts and charts; 60 MB stays within the browser-mode host's request limit.
const MAX_PRINT_HTML_CHARS = 60_000_000;

export const contract = {
  'library.info': { input: z.object({}).strict(), result: returns<LibraryInfo>() },

  'articles.list': {
    input: z
      .object({
        sort: z.enum(ARTICLE_SORT_KEYS).default('added'),
        direction: z.enum(['asc', 'desc']).default('desc'),
        tag: z.string().max(100).nullable().optional(),
        /** Only the articles of this project. */
        projectId: id.nullable().optional(),
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
        tags: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
        /** The project the article joins; default: the default project. */
        projectId: id.nullable().optional()
      })
      .strict(),
    result: returns<ArticleSummary>()
  },
  'articles.importFile': {
    input: z
      .object({
        fileName: z.string().min(1).max(1000),
        /** The project the article joins; default: the default project. */
        projectId: id.nullable().optional(),
        /** The file's bytes, base64-encoded (both transports carry JSON). */
        dataBase64: z
          .string()
          // A little past the limit, so that core (not zod) says how large the file is.
          .max(Math.ceil(((MAX_IMPORT_BYTES + 1024) * 4) / 3) + 4, `the file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'the file data is not valid base64')
      })
      .strict(),
    /** Parses the file before its transaction: transports call it with invokeAsync (see dispatcher.ts). */
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
  'figures.facets': { input: z.object({}).strict(), result: returns<FigureFacets>() },
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

  // Charts: saved specs resolved against the live figures (src/core/charts).
  'charts.create': { input: z.object(chartSpecFields).strict(), result: returns<Chart>() },
  'charts.update': { input: z.object({ id, ...chartSpecChanges }).strict(), result: returns<Chart>() },
  'charts.delete': { input: z.object({ id }).strict(), result: returns<Chart>() },
  'charts.restore': { input: z.object({ id }).strict(), result: returns<Chart>() },
  'charts.list': { input: z.object({}).strict(), result: returns<ChartSummary[]>() },
  'charts.get': { input: z.object({ id }).strict(), result: returns<{ chart: Chart; data: ChartData }>() },
  /** Provenance of points of a compact (large) series, by the figure row ids its columns carry: for tooltips and clicks. */
  'charts.pointDetails': {
    input: z.object({ figureRowIds: z.array(z.number().int().positive()).min(1).max(500) }).strict(),
    result: returns<ChartPointDetail[]>()
  },
  /** An unsaved spec's data, for the chart builder. */
  'charts.preview': { input: z.object(chartSpecFields).strict(), result: returns<ChartData>() },
  /** A saved chart (id) or an unsaved one (spec) as SVG, drawn without a window. */
  'charts.renderSvg': {
    input: z
      .object({
        id: id.optional(),
        spec: chartSpecInputSchema.optional(),
        width: z.number().int().min(120).max(8000).optional(),
        height: z.number().int().min(120).max(8000).optional()
      })
      .strict()
      .refine((value) => (value.id === undefined) !== (value.spec === undefined), { message: 'give either the id of a saved chart or a spec' }),
    result: returns<{ svg: string }>()
  },

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
  },

  // Projects, project files (.assay) and their merge, backups: docs/project-file.md.
  'projects.list': { input: z.object({}).strict(), result: returns<ProjectSummary[]>() },
  'projects.create': { input: z.object({ name: projectName }).strict(), result: returns<ProjectSummary>() },
  'projects.rename': { input: z.object({ id, name: projectName }).strict(), result: returns<ProjectSummary>() },
  'projects.addArticles': {
    input: z.object({ projectId: id, articleIds: z.array(id).min(1).max(100_000) }).strict(),
    result: returns<ProjectSummary>()
  },
  /** An article left in no project goes back to the default project. */
  'projects.removeArticles': {
    input: z.object({ projectId: id, articleIds: z.array(id).min(1).max(100_000) }).strict(),
    result: returns<ProjectSummary>()
  },
  /** Claims without an article, figures without a highlight, and charts join a project explicitly. */
  'projects.addItems': {
    input: z
      .object({ projectId: id, items: z.array(z.object({ kind: z.enum(['claim', 'figure', 'chart']), id }).strict()).min(1).max(100_000) })
      .strict(),
    result: returns<ProjectSummary>()
  },
  /** Takes claims, figures and charts filed in a project out of it (one in no project is the default project's). */
  'projects.removeItems': {
    input: z
      .object({ projectId: id, items: z.array(z.object({ kind: z.enum(['claim', 'figure', 'chart']), id }).strict()).min(1).max(100_000) })
      .strict(),
    result: returns<ProjectSummary>()
  },
  /** The projects a claim, figure or chart is in, and whether through its article or filed explicitly. */
  'projects.ofItem': {
    input: z.object({ kind: z.enum(['claim', 'figure', 'chart']), id }).strict(),
    result: returns<ItemProjects>()
  },
  /**
   * The project (default: the default project), or only the given articles, as a .assay file.
   * With a progressToken, jobs.progress reports how far it is and jobs.cancel stops it; transports
   * call it with invokeAsync, so those calls are answered while it runs.
   */
  'projects.export': {
    input: z
      .object({
        projectId: id.nullable().optional(),
        articleIds: z.array(id).min(1).max(100_000).optional(),
        progressToken: jobToken.optional()
      })
      .strict(),
    result: returns<ProjectExport>()
  },
  /** What importing the file would do; writes nothing. */
  'projects.previewImport': {
    input: z.object({ dataBase64: projectFileData, fileName: z.string().max(1000).nullable().optional() }).strict(),
    result: returns<MergePlan>()
  },
  /** Backs the library up, then merges the file in one transaction; every conflict needs a resolution. */
  'projects.applyImport': {
    input: z
      .object({
        dataBase64: projectFileData,
        fileName: z.string().max(1000).nullable().optional(),
        /** Conflict id (the entity's id) → mine, theirs or both (keep both: claims only). */
        resolutions: z.record(id, z.enum(MERGE_RESOLUTIONS)).default({})
      })
      .strict(),
    result: returns<MergeReport>()
  },
  'projects.mergeReports': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    result: returns<MergeReportSummary[]>()
  },
  'projects.mergeReport': { input: z.object({ id }).strict(), result: returns<MergeReport>() },
  'projects.settings': { input: z.object({}).strict(), result: returns<LibrarySettings>() },
  'projects.updateSettings': {
    input: z.object({ exporterName: z.string().max(200).nullable() }).strict(),
    result: returns<LibrarySettings>()
  },
  'library.backups': { input: z.object({}).strict(), result: returns<BackupInfo[]>() },
  'library.backup': { input: z.object({}).strict(), result: returns<BackupInfo | null>() },
  /** Replaces the library's content with the backup's (after backing up the current state). */
  'library.restoreBackup': {
    input: z.object({ name: z.string().min(1).max(200) }).strict(),
    result: returns<{ restored: string; rows: number; backupBeforeRestore: string | null }>()
  },
  /** Open formats: figures as CSV or a data package, highlights as W3C annotations, claims as ClaimReview, articles as CSL-JSON. */
  'exchange.export': {
    input: z.object({ format: z.enum(EXCHANGE_FORMATS), projectId: id.nullable().optional() }).strict(),
    result: returns<ExchangeExport>()
  },

  // Long calls started with a progress token (projects.export): how far they are, and stopping them.
  /** Null when no job has this token (not started yet, or finished long ago). */
  'jobs.progress': { input: z.object({ token: jobToken }).strict(), result: returns<JobProgress | null>() },
  /** Asks the job to stop; it then fails with the error code 'cancelled' and leaves nothing behind. */
  'jobs.cancel': { input: z.object({ token: jobToken }).strict(), result: returns<{ cancelled: boolean }>() },

  // Printing (src/core/print): the print document, and the PDF printed from it. print.pdf takes
  // back what print.document returned; the desktop app prints it in a hidden window, the CLI and
  // browser mode with headless Chromium.
  'print.document': {
    input: z
      .object({
        /** One article; or a dossier of a project, of chosen articles, or (none given) of the library. */
        articleId: id.optional(),
        projectId: id.optional(),
        articleIds: z.array(id).min(1).max(10_000).optional(),
        options: z
          .object({
            paper: z.enum(PAPER_SIZES).default('a4'),
            notes: z.boolean().default(true),
            verdicts: z.array(z.enum(VERDICTS)).min(1).max(VERDICTS.length).nullable().default(null),
            greyscale: z.boolean().default(false)
          })
          .strict()
          .prefault({})
      })
      .strict()
      .refine((value) => [value.articleId, value.projectId, value.articleIds].filter((scope) => scope !== undefined).length <= 1, {
        message: 'give at most one of articleId, projectId and articleIds'
      }),
    result: returns<PrintJob>()
  },
  'print.pdf': {
    input: z
      .object({
        html: z.string().min(1).max(MAX_PRINT_HTML_CHARS, 'the print document is too large'),
        title: z.string().max(1000),
        fileName: z.string().max(300),
        paper: z.enum(PAPER_SIZES),
        exportedAt: z.string().max(40),
        annotations: z
          .array(z.object({ highlightId: id, color: z.enum(HIGHLIGHT_COLORS), contents: z.string().max(200_000) }).strict())
          .max(1_000_000)
      })
      .strict(),
    /** Prints before its transaction: transports call it with invokeAsync (see dispatcher.ts). */
    result: returns<PrintedPdf>()
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
