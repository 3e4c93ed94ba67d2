// Exporting a project (or a selection of articles) to a .assay file. The file holds the project's
// articles with their highlights, claims and figures, the evidence links between them, charts, and
// tombstones for what was deleted; plus whatever those reference outside the project (a figure
// another project's claim links to, say), so that every reference resolves inside the file.
import { AssayError } from '../../shared/errors';
import type { ProjectExport, ProjectFileManifest } from '../../shared/projects';
import type { Library } from '../db/library';
import type { JobHandle } from '../jobs/job-registry';
import { writeZip, writeZipAsync, type ZipContent } from './archive';
import { canonicalJson, canonicalLines, linesOfCanonicalJson, sha256Hex } from './canonical-json';
import {
  readArticle,
  readChart,
  readClaim,
  readEntity,
  readFigure,
  readHighlight,
  readLink,
  type LocalEntity
} from './local-records';
import {
  ENTRY_FOR_KIND,
  ENTRY_NAMES,
  PROJECT_FILE_FORMAT,
  PROJECT_FILE_VERSION,
  RECORD_KINDS,
  type ProjectRecord,
  type RecordByKind,
  type RecordKind,
  type Tombstone
} from './project-file-format';
import { getSetting, projectArticleIds, projectItemIds, projectRow } from './projects';
import { recordBaseIfAbsent } from './sync-base';

export interface ExportProgress {
  /** Reading the snapshot, serialising its articles (done/total articles), compressing the file. */
  phase: 'collect' | 'articles' | 'package';
  done: number;
  total: number;
}

export interface ExportOptions {
  projectId: string;
  /** Export only these articles (with their highlights, claims and figures) instead of the whole project. */
  articleIds?: string[];
  appVersion: string;
  onProgress?: (progress: ExportProgress) => void;
}

export interface ProjectSnapshot {
  project: ProjectRecord;
  records: { [K in RecordKind]: RecordByKind[K][] };
  tombstones: Tombstone[];
}

class ScopeCollector {
  readonly records: { [K in RecordKind]: Map<string, RecordByKind[K]> } = {
    article: new Map(),
    highlight: new Map(),
    claim: new Map(),
    figure: new Map(),
    link: new Map(),
    chart: new Map()
  };
  readonly tombstones = new Map<string, Tombstone>();
  private readonly pending: LocalEntity[] = [];
  /** References already followed (live or not), by `kind:id`. */
  private readonly looked = new Set<string>();

  constructor(private readonly library: Library) {}

  /** Adds an entity that is in the project: live, it is exported; deleted, it leaves a tombstone. */
  member(entity: LocalEntity | null): void {
    if (!entity) return;
    if (entity.deletedAt) {
      this.tombstones.set(`${entity.kind}:${entity.record.id}`, { kind: entity.kind, id: entity.record.id, deletedAt: entity.deletedAt });
      return;
    }
    this.include(entity);
  }

  /** Adds a live entity that something exported refers to. */
  include(entity: LocalEntity | null): void {
    if (!entity || !entity.live) return;
    const map = this.records[entity.kind] as Map<string, unknown>;
    if (map.has(entity.record.id)) return;
    map.set(entity.record.id, entity.record);
    this.pending.push(entity);
  }

  /**
   * Includes what a reference points to, reading it only the first time: every highlight of an
   * article refers to it, and reading a whole article (its text, document and source) again for
   * each of them made exports of large projects take minutes.
   */
  private refer(kind: RecordKind, id: string): void {
    const key = `${kind}:${id}`;
    if (this.looked.has(key) || (this.records[kind] as Map<string, unknown>).has(id)) return;
    this.looked.add(key);
    this.include(readEntity(this.library, kind, id));
  }

  /** Follows references until everything exported can be resolved inside the file. */
  close(): void {
    while (this.pending.length > 0) {
      const entity = this.pending.pop()!;
      switch (entity.kind) {
        case 'highlight':
          this.refer('article', (entity.record as RecordByKind['highlight']).articleId);
          break;
        case 'claim': {
          const claim = entity.record as RecordByKind['claim'];
          if (claim.articleId) this.refer('article', claim.articleId);
          for (const highlightId of claim.highlightIds) this.refer('highlight', highlightId);
          if (claim.computation) {
            this.refer('figure', claim.computation.aFigureId);
            this.refer('figure', claim.computation.bFigureId);
          }
          break;
        }
        case 'figure': {
          const figure = entity.record as RecordByKind['figure'];
          if (figure.highlightId) this.refer('highlight', figure.highlightId);
          break;
        }
        case 'link': {
          const link = entity.record as RecordByKind['link'];
          this.refer('claim', link.claimId);
          this.refer(link.targetKind, link.targetId);
          break;
        }
        case 'chart': {
          // A chart of chosen figures takes them along; one by metric resolves against what is there.
          const figureIds = (entity.record as RecordByKind['chart']).spec.selection as { figureIds?: unknown } | undefined;
          if (figureIds && Array.isArray(figureIds.figureIds)) {
            for (const figureId of figureIds.figureIds) if (typeof figureId === 'string') this.refer('figure', figureId);
          }
          break;
        }
        case 'article':
          break;
      }
    }
  }
}

function ids(library: Library, sql: string, ...parameters: unknown[]): string[] {
  return (library.statement(sql).all(...parameters) as { id: string }[]).map((row) => row.id);
}

/** Ids by their owner's id (`SELECT id, … AS owner`). */
function groupIds(library: Library, sql: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of library.statement(sql).all() as { id: string; owner: string }[]) {
    const group = groups.get(row.owner);
    if (group) group.push(row.id);
    else groups.set(row.owner, [row.id]);
  }
  return groups;
}

/** The deleted highlights, claims and figures (of live highlights) of every article, by article. */
function deletedMembersByArticle(library: Library) {
  return {
    highlights: groupIds(library, 'SELECT id, article_id AS owner FROM highlights WHERE deleted_at IS NOT NULL'),
    claims: groupIds(library, 'SELECT id, article_id AS owner FROM claims WHERE deleted_at IS NOT NULL AND article_id IS NOT NULL'),
    figures: groupIds(
      library,
      `SELECT f.id, h.article_id AS owner FROM figures f JOIN highlights h ON h.id = f.highlight_id
       WHERE f.deleted_at IS NOT NULL AND h.deleted_at IS NULL`
    )
  };
}

/** Everything a project file for this project (or selection) holds, as records. */
export function collectProject(library: Library, options: Omit<ExportOptions, 'appVersion'>): ProjectSnapshot {
  const project = projectRow(library, options.projectId);
  const selection = options.articleIds ? [...new Set(options.articleIds)].sort() : null;
  if (selection) {
    for (const articleId of selection) {
      if (!library.statement('SELECT 1 FROM articles WHERE id = ?').get(articleId)) {
        throw new AssayError('invalid_input', `articleIds: there is no article ${articleId}.`);
      }
    }
  }
  const articleIds = selection ?? projectArticleIds(library, options.projectId);
  const items = selection ? { claims: [], figures: [], charts: [] } : projectItemIds(library, options.projectId);
  const collector = new ScopeCollector(library);
  const total = articleIds.length + items.claims.length + items.figures.length + items.charts.length;
  let done = 0;
  const tick = () => {
    done += 1;
    if (options.onProgress && (done % 25 === 0 || done === total)) options.onProgress({ phase: 'collect', done, total });
  };
  options.onProgress?.({ phase: 'collect', done: 0, total });

  const memberArticles: string[] = [];
  // No index covers deleted rows (the indexes are partial, WHERE deleted_at IS NULL), so the
  // deleted ones are read in one scan each instead of scanning the table once per article.
  const deleted = deletedMembersByArticle(library);
  for (const articleId of articleIds) {
    const article = readArticle(library, articleId);
    collector.member(article);
    // Deleted members travel as tombstones only: a library that never had them cannot list them.
    if (article?.live) memberArticles.push(articleId);
    if (article) {
      // Of an article in the trash only deletions travel (its other content is hidden with it).
      const member = article.live ? (entity: LocalEntity | null) => collector.member(entity) : (entity: LocalEntity | null) => {
        if (entity?.deletedAt) collector.member(entity);
      };
      for (const id of ids(library, 'SELECT id FROM highlights WHERE article_id = ? AND deleted_at IS NULL', articleId)) member(readHighlight(library, id));
      for (const id of deleted.highlights.get(articleId) ?? []) member(readHighlight(library, id));
      for (const id of ids(library, 'SELECT id FROM claims WHERE article_id = ? AND deleted_at IS NULL', articleId)) member(readClaim(library, id));
      for (const id of deleted.claims.get(articleId) ?? []) member(readClaim(library, id));
      for (const id of ids(
        library,
        `SELECT f.id FROM highlights h JOIN figures f ON f.highlight_id = h.id
         WHERE h.article_id = ? AND h.deleted_at IS NULL AND f.deleted_at IS NULL`,
        articleId
      )) {
        member(readFigure(library, id));
      }
      for (const id of deleted.figures.get(articleId) ?? []) member(readFigure(library, id));
    }
    tick();
  }
  const memberItems: ProjectRecord['items'] = [];
  const addItem = (entity: LocalEntity | null) => {
    // A claim whose article is in the trash is hidden with it; it is neither exported nor deleted.
    if (!entity || (!entity.live && !entity.deletedAt)) return;
    collector.member(entity);
    if (entity.live) memberItems.push({ kind: entity.kind as 'claim' | 'figure' | 'chart', id: entity.record.id });
  };
  for (const id of items.claims) {
    addItem(readClaim(library, id));
    tick();
  }
  for (const id of items.figures) {
    addItem(readFigure(library, id));
    tick();
  }
  for (const id of items.charts) {
    addItem(readChart(library, id));
    tick();
  }
  // The evidence links of every exported claim (including claims pulled in as link targets).
  collector.close();
  const deletedLinks = groupIds(library, 'SELECT id, claim_id AS owner FROM evidence_links WHERE deleted_at IS NOT NULL');
  for (const claimId of [...collector.records.claim.keys()].sort()) {
    for (const id of ids(library, 'SELECT id FROM evidence_links WHERE claim_id = ? AND deleted_at IS NULL', claimId)) {
      collector.include(readLink(library, id));
    }
    for (const id of deletedLinks.get(claimId) ?? []) collector.member(readLink(library, id));
  }
  collector.close();
  if (!selection) {
    // Deletions received from teammates for entities this library never had, so that passing the
    // project on passes them on too.
    for (const row of library
      .statement('SELECT entity_kind AS kind, entity_id AS id, deleted_at AS deletedAt FROM received_tombstones WHERE project_id = ?')
      .all(options.projectId) as Tombstone[]) {
      if (!readEntity(library, row.kind, row.id)) collector.tombstones.set(`${row.kind}:${row.id}`, row);
    }
  }

  const sortById = <T extends { id: string }>(map: Map<string, T>) => [...map.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    project: {
      id: project.id,
      name: project.name,
      createdAt: project.createdAt,
      updatedAt: project.updatedAt,
      articleIds: memberArticles,
      items: memberItems.sort((a, b) => (a.kind === b.kind ? (a.id < b.id ? -1 : 1) : a.kind < b.kind ? -1 : 1))
    },
    records: {
      article: sortById(collector.records.article),
      highlight: sortById(collector.records.highlight),
      claim: sortById(collector.records.claim),
      figure: sortById(collector.records.figure),
      link: sortById(collector.records.link),
      chart: sortById(collector.records.chart)
    },
    tombstones: [...collector.tombstones.values()].sort((a, b) =>
      a.kind === b.kind ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.kind < b.kind ? -1 : 1
    )
  };
}

/** The entries of a project file, in their fixed order, without the manifest. */
export function snapshotEntries(snapshot: ProjectSnapshot): [string, string][] {
  return entriesFromJson(snapshot, serialiseAll(snapshot));
}

export function fileNameFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'project'}.assay`;
}

/** The snapshot, and what the manifest says of when and by whom, read in one transaction. */
export interface ExportRead {
  snapshot: ProjectSnapshot;
  exportedAt: string;
  exporterName: string | null;
}

/** Each record's canonical JSON, kind by kind, in the snapshot's order. */
type RecordJson = { [K in RecordKind]: string[] };

/** A project file ready to save: what `commitExport` records and returns. */
export interface PreparedExport {
  read: ExportRead;
  json: RecordJson;
  manifest: ProjectFileManifest;
  bytes: Uint8Array;
}

/**
 * Reads everything the file will hold in one (read) transaction, so the file is consistent even
 * when the serialising that follows pauses and other calls change the library meanwhile.
 */
export function readExportSnapshot(library: Library, options: Omit<ExportOptions, 'appVersion'>): ExportRead {
  return library.db.transaction(() => ({
    snapshot: collectProject(library, options),
    exportedAt: library.now(),
    exporterName: getSetting(library, 'exporterName')
  }))();
}

function emptyRecordJson(): RecordJson {
  return { article: [], highlight: [], claim: [], figure: [], link: [], chart: [] };
}

/**
 * Serialises the snapshot record by record, articles first; yields after each record with the
 * articles done so far, so that an asynchronous export can pause between records.
 */
function* serialiseRecords(snapshot: ProjectSnapshot, json: RecordJson): Generator<ExportProgress> {
  const articles = snapshot.records.article.length;
  let articlesDone = 0;
  for (const kind of RECORD_KINDS) {
    for (const record of snapshot.records[kind]) {
      json[kind].push(canonicalJson(record));
      if (kind === 'article') articlesDone += 1;
      yield { phase: 'articles', done: articlesDone, total: articles };
    }
  }
}

function serialiseAll(snapshot: ProjectSnapshot): RecordJson {
  const json = emptyRecordJson();
  for (const _step of serialiseRecords(snapshot, json));
  return json;
}

function entriesFromJson(snapshot: ProjectSnapshot, json: RecordJson): [string, string][] {
  return [
    [ENTRY_NAMES.project, `${canonicalJson(snapshot.project)}\n`],
    ...RECORD_KINDS.map((kind) => [ENTRY_FOR_KIND[kind], linesOfCanonicalJson(json[kind])] as [string, string]),
    [ENTRY_NAMES.tombstones, canonicalLines(snapshot.tombstones)]
  ];
}

/** The zip's entries (manifest first) and the manifest, which lists every other entry's hash. */
function fileEntries(read: ExportRead, json: RecordJson, appVersion: string): { entries: [string, ZipContent][]; manifest: ProjectFileManifest } {
  const { snapshot } = read;
  // Each entry is encoded once, for its hash and for the zip alike (articles.json runs to 100 MB).
  const entries = entriesFromJson(snapshot, json).map(([name, content]): [string, Uint8Array] => [name, Buffer.from(content, 'utf8')]);
  const manifestEntries: ProjectFileManifest['entries'] = {};
  for (const [name, bytes] of entries) {
    manifestEntries[name] = { sha256: sha256Hex(bytes), size: bytes.byteLength };
  }
  const counts: Record<string, number> = { projectArticles: snapshot.project.articleIds.length, tombstones: snapshot.tombstones.length };
  for (const kind of RECORD_KINDS) counts[`${kind}s`] = snapshot.records[kind].length;
  const manifest: ProjectFileManifest = {
    format: PROJECT_FILE_FORMAT,
    formatVersion: PROJECT_FILE_VERSION,
    appVersion,
    exportedAt: read.exportedAt,
    exporterName: read.exporterName,
    projectId: snapshot.project.id,
    projectName: snapshot.project.name,
    counts,
    entries: manifestEntries
  };
  return { entries: [[ENTRY_NAMES.manifest, `${JSON.stringify(JSON.parse(canonicalJson(manifest)), null, 2)}\n`], ...entries], manifest };
}

/** Everything before the write, at once (for synchronous callers: the CLI's tests, nested calls). */
export function prepareExport(library: Library, options: ExportOptions): PreparedExport {
  const read = readExportSnapshot(library, options);
  const json = emptyRecordJson();
  let reported = -1;
  for (const step of serialiseRecords(read.snapshot, json)) {
    if (step.done !== reported && (step.done % 25 === 0 || step.done === step.total)) {
      reported = step.done;
      options.onProgress?.(step);
    }
  }
  if (reported === -1) options.onProgress?.({ phase: 'articles', done: 0, total: 0 });
  const { entries, manifest } = fileEntries(read, json, options.appVersion);
  options.onProgress?.({ phase: 'package', done: 0, total: 1 });
  const bytes = writeZip(entries);
  options.onProgress?.({ phase: 'package', done: 1, total: 1 });
  return { read, json, manifest, bytes };
}

export interface AsyncExportOptions extends ExportOptions {
  /** Checked between records; when it says stop, the export throws AssayError 'cancelled'. */
  job?: Pick<JobHandle, 'throwIfCancelled' | 'onCancel'>;
  /** How long serialising runs before it lets other calls in (tests set 0: after every record). */
  sliceMs?: number;
}

// How long the serialising runs before it lets other calls in (polls for progress, a cancel).
const SLICE_MS = 20;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * As prepareExport, but it pauses between records so that the process can answer other calls
 * (jobs.progress, jobs.cancel) while a large project is written, and compresses in a worker
 * thread. The bytes are the same as prepareExport's.
 */
export async function prepareExportAsync(library: Library, options: AsyncExportOptions): Promise<PreparedExport> {
  const { job, onProgress } = options;
  job?.throwIfCancelled();
  const read = readExportSnapshot(library, options);
  onProgress?.({ phase: 'articles', done: 0, total: read.snapshot.records.article.length });
  const json = emptyRecordJson();
  let sliceStarted = performance.now();
  for (const step of serialiseRecords(read.snapshot, json)) {
    if (performance.now() - sliceStarted < (options.sliceMs ?? SLICE_MS)) continue;
    onProgress?.(step);
    await nextTurn();
    job?.throwIfCancelled();
    sliceStarted = performance.now();
  }
  onProgress?.({ phase: 'articles', done: read.snapshot.records.article.length, total: read.snapshot.records.article.length });
  await nextTurn();
  job?.throwIfCancelled();
  const { entries, manifest } = fileEntries(read, json, options.appVersion);
  onProgress?.({ phase: 'package', done: 0, total: 1 });
  const bytes = await writeZipAsync(entries, job);
  onProgress?.({ phase: 'package', done: 1, total: 1 });
  return { read, json, manifest, bytes };
}

/**
 * The export's only write, in the caller's transaction: what we hand out becomes the common
 * ancestor for entities that have none yet (see sync-base.ts).
 */
export function commitExport(library: Library, prepared: PreparedExport): ProjectExport & { bytes: Uint8Array } {
  const { snapshot } = prepared.read;
  for (const kind of RECORD_KINDS) {
    snapshot.records[kind].forEach((record, index) => recordBaseIfAbsent(library, kind, record, prepared.json[kind][index]));
  }
  return {
    fileName: fileNameFor(snapshot.project.name),
    dataBase64: Buffer.from(prepared.bytes).toString('base64'),
    manifest: prepared.manifest,
    bytes: prepared.bytes
  };
}

export function exportProject(library: Library, options: ExportOptions): ProjectExport & { bytes: Uint8Array } {
  return library.db.transaction(() => commitExport(library, prepareExport(library, options)))();
}
