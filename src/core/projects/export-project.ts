// Exporting a project (or a selection of articles) to a .assay file. The file holds the project's
// articles with their highlights, claims and figures, the evidence links between them, charts, and
// tombstones for what was deleted; plus whatever those reference outside the project (a figure
// another project's claim links to, say), so that every reference resolves inside the file.
import { AssayError } from '../../shared/errors';
import type { ProjectExport, ProjectFileManifest } from '../../shared/projects';
import type { Library } from '../db/library';
import { writeZip } from './archive';
import { canonicalJson, canonicalLines, sha256Hex } from './canonical-json';
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
  phase: 'collect' | 'write';
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

  /** Follows references until everything exported can be resolved inside the file. */
  close(): void {
    while (this.pending.length > 0) {
      const entity = this.pending.pop()!;
      switch (entity.kind) {
        case 'highlight':
          this.include(readArticle(this.library, (entity.record as RecordByKind['highlight']).articleId));
          break;
        case 'claim': {
          const claim = entity.record as RecordByKind['claim'];
          if (claim.articleId) this.include(readArticle(this.library, claim.articleId));
          for (const highlightId of claim.highlightIds) this.include(readHighlight(this.library, highlightId));
          if (claim.computation) {
            this.include(readFigure(this.library, claim.computation.aFigureId));
            this.include(readFigure(this.library, claim.computation.bFigureId));
          }
          break;
        }
        case 'figure': {
          const figure = entity.record as RecordByKind['figure'];
          if (figure.highlightId) this.include(readHighlight(this.library, figure.highlightId));
          break;
        }
        case 'link': {
          const link = entity.record as RecordByKind['link'];
          this.include(readClaim(this.library, link.claimId));
          this.include(readEntity(this.library, link.targetKind, link.targetId));
          break;
        }
        case 'chart': {
          // A chart of chosen figures takes them along; one by metric resolves against what is there.
          const figureIds = (entity.record as RecordByKind['chart']).spec.selection as { figureIds?: unknown } | undefined;
          if (figureIds && Array.isArray(figureIds.figureIds)) {
            for (const figureId of figureIds.figureIds) if (typeof figureId === 'string') this.include(readFigure(this.library, figureId));
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
      for (const id of ids(library, 'SELECT id FROM highlights WHERE article_id = ? ORDER BY id', articleId)) member(readHighlight(library, id));
      for (const id of ids(library, 'SELECT id FROM claims WHERE article_id = ? ORDER BY id', articleId)) member(readClaim(library, id));
      for (const id of ids(
        library,
        `SELECT f.id FROM figures f JOIN highlights h ON h.id = f.highlight_id
         WHERE h.article_id = ? AND h.deleted_at IS NULL ORDER BY f.id`,
        articleId
      )) {
        member(readFigure(library, id));
      }
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
  for (const claimId of [...collector.records.claim.keys()].sort()) {
    for (const id of ids(library, 'SELECT id FROM evidence_links WHERE claim_id = ? ORDER BY id', claimId)) {
      const link = readLink(library, id);
      if (link?.deletedAt) collector.member(link);
      else collector.include(link);
    }
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
  return [
    [ENTRY_NAMES.project, `${canonicalJson(snapshot.project)}\n`],
    ...RECORD_KINDS.map((kind) => [ENTRY_FOR_KIND[kind], canonicalLines(snapshot.records[kind])] as [string, string]),
    [ENTRY_NAMES.tombstones, canonicalLines(snapshot.tombstones)]
  ];
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

export function exportProject(library: Library, options: ExportOptions): ProjectExport & { bytes: Uint8Array } {
  const snapshot = collectProject(library, options);
  const entries = snapshotEntries(snapshot);
  options.onProgress?.({ phase: 'write', done: 0, total: entries.length });
  const manifestEntries: ProjectFileManifest['entries'] = {};
  for (const [name, content] of entries) {
    const bytes = Buffer.from(content, 'utf8');
    manifestEntries[name] = { sha256: sha256Hex(bytes), size: bytes.byteLength };
  }
  const counts: Record<string, number> = { projectArticles: snapshot.project.articleIds.length, tombstones: snapshot.tombstones.length };
  for (const kind of RECORD_KINDS) counts[`${kind}s`] = snapshot.records[kind].length;
  const manifest: ProjectFileManifest = {
    format: PROJECT_FILE_FORMAT,
    formatVersion: PROJECT_FILE_VERSION,
    appVersion: options.appVersion,
    exportedAt: library.now(),
    exporterName: getSetting(library, 'exporterName'),
    projectId: snapshot.project.id,
    projectName: snapshot.project.name,
    counts,
    entries: manifestEntries
  };
  const bytes = writeZip([[ENTRY_NAMES.manifest, `${JSON.stringify(JSON.parse(canonicalJson(manifest)), null, 2)}\n`], ...entries]);
  // What we hand out becomes the common ancestor for entities that have none yet (see sync-base.ts).
  for (const kind of RECORD_KINDS) for (const record of snapshot.records[kind]) recordBaseIfAbsent(library, kind, record);
  options.onProgress?.({ phase: 'write', done: entries.length, total: entries.length });
  return { fileName: fileNameFor(snapshot.project.name), dataBase64: Buffer.from(bytes).toString('base64'), manifest, bytes };
}
