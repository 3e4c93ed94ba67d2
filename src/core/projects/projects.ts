// Projects: named groups of articles. A claim or figure belongs to a project through its article
// (a claim's article; a figure's highlight's article). A claim without an article, a figure without
// a (live) highlight, and a chart belong to the projects that list them in project_items, and to the
// default project when no project lists them. An article can be in several projects; a new one
// lands in the default project (a trigger sees to that, whoever creates it).
import { randomUUID } from 'node:crypto';
import { AssayError } from '../../shared/errors';
import type { ItemProjects, ProjectSummary } from '../../shared/projects';
import type { Library } from '../db/library';
import { hasChartsTable } from './local-records';

interface ProjectRow {
  id: string;
  name: string;
  is_default: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

// Claims and figures with no article, and charts, that no project lists: the default project's.
const UNASSIGNED_CLAIMS = `SELECT c.id FROM claims c WHERE c.article_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM project_items pi WHERE pi.item_kind = 'claim' AND pi.item_id = c.id)`;
const UNASSIGNED_FIGURES = `SELECT f.id FROM figures f WHERE NOT EXISTS (
    SELECT 1 FROM highlights h JOIN articles a ON a.id = h.article_id
    WHERE h.id = f.highlight_id AND h.deleted_at IS NULL AND a.deleted_at IS NULL)
  AND NOT EXISTS (SELECT 1 FROM project_items pi WHERE pi.item_kind = 'figure' AND pi.item_id = f.id)`;
const UNASSIGNED_CHARTS = `SELECT ch.id FROM charts ch
  WHERE NOT EXISTS (SELECT 1 FROM project_items pi WHERE pi.item_kind = 'chart' AND pi.item_id = ch.id)`;

function getProjectRow(library: Library, id: string): ProjectRow {
  const row = library.statement('SELECT * FROM projects WHERE id = ?').get(id) as ProjectRow | undefined;
  if (!row || row.deleted_at) throw new AssayError('not_found', `There is no project with id ${id}.`);
  return row;
}

export function defaultProjectId(library: Library): string {
  const row = library.statement('SELECT id FROM projects WHERE is_default = 1').get() as { id: string } | undefined;
  if (row) return row.id;
  // The migration creates it; a library should never be without one, but never fail for that.
  const id = randomUUID();
  const now = library.now();
  library.statement("INSERT INTO projects (id, name, is_default, created_at, updated_at) VALUES (?, 'My project', 1, ?, ?)").run(id, now, now);
  return id;
}

export function projectExists(library: Library, id: string): boolean {
  return Boolean(library.statement('SELECT 1 FROM projects WHERE id = ? AND deleted_at IS NULL').get(id));
}

/** Ids of the project's claims and figures (live ones), through its articles or explicitly. */
export function projectItemIds(library: Library, projectId: string): { claims: string[]; figures: string[]; charts: string[] } {
  const isDefault = getProjectRow(library, projectId).is_default === 1;
  const explicit = (kind: string) =>
    (
      library.statement('SELECT item_id AS id FROM project_items WHERE project_id = ? AND item_kind = ? ORDER BY item_id').all(projectId, kind) as {
        id: string;
      }[]
    ).map((row) => row.id);
  const unassigned = (sql: string) => (isDefault ? (library.statement(sql).all() as { id: string }[]).map((row) => row.id) : []);
  return {
    claims: [...new Set([...explicit('claim'), ...unassigned(UNASSIGNED_CLAIMS)])].sort(),
    figures: [...new Set([...explicit('figure'), ...unassigned(UNASSIGNED_FIGURES)])].sort(),
    charts: hasChartsTable(library) ? [...new Set([...explicit('chart'), ...unassigned(UNASSIGNED_CHARTS)])].sort() : []
  };
}

export function projectArticleIds(library: Library, projectId: string): string[] {
  return (
    library.statement('SELECT article_id AS id FROM project_articles WHERE project_id = ? ORDER BY article_id').all(projectId) as { id: string }[]
  ).map((row) => row.id);
}

function countsFor(library: Library, projectId: string): { articleCount: number; claimCount: number; figureCount: number } {
  const { articleCount } = library
    .statement(
      `SELECT count(*) AS articleCount FROM project_articles pa JOIN articles a ON a.id = pa.article_id
       WHERE pa.project_id = ? AND a.deleted_at IS NULL`
    )
    .get(projectId) as { articleCount: number };
  // Set-wise, in one pass over each table: listing the default project's unassigned items as ids
  // first (projectItemIds) costs seconds on a library of 200,000 figures.
  const isDefault = getProjectRow(library, projectId).is_default;
  const { claimCount } = library
    .statement(
      `SELECT count(*) AS claimCount FROM claims c LEFT JOIN articles a ON a.id = c.article_id
       WHERE c.deleted_at IS NULL AND (c.article_id IS NULL OR a.deleted_at IS NULL) AND (
         c.article_id IN (SELECT article_id FROM project_articles WHERE project_id = :project)
         OR EXISTS (SELECT 1 FROM project_items pi WHERE pi.item_kind = 'claim' AND pi.item_id = c.id AND pi.project_id = :project)
         OR (:isDefault AND c.article_id IS NULL AND NOT EXISTS (
           SELECT 1 FROM project_items pi WHERE pi.item_kind = 'claim' AND pi.item_id = c.id)))`
    )
    .get({ project: projectId, isDefault }) as { claimCount: number };
  const { figureCount } = library
    .statement(
      `SELECT count(*) AS figureCount FROM figures f
       LEFT JOIN highlights h ON h.id = f.highlight_id AND h.deleted_at IS NULL
       LEFT JOIN articles a ON a.id = h.article_id AND a.deleted_at IS NULL
       WHERE f.deleted_at IS NULL AND (
         (a.id IS NOT NULL AND EXISTS (SELECT 1 FROM project_articles pa WHERE pa.article_id = a.id AND pa.project_id = :project))
         OR EXISTS (SELECT 1 FROM project_items pi WHERE pi.item_kind = 'figure' AND pi.item_id = f.id AND pi.project_id = :project)
         OR (:isDefault AND a.id IS NULL AND NOT EXISTS (
           SELECT 1 FROM project_items pi WHERE pi.item_kind = 'figure' AND pi.item_id = f.id)))`
    )
    .get({ project: projectId, isDefault }) as { figureCount: number };
  return { articleCount, claimCount, figureCount };
}

function summaryFromRow(library: Library, row: ProjectRow): ProjectSummary {
  return {
    id: row.id,
    name: row.name,
    isDefault: row.is_default === 1,
    ...countsFor(library, row.id),
    createdAt: row.created_at,
    updatedAt: row.updated_at
  };
}

export function getProject(library: Library, id: string): ProjectSummary {
  return summaryFromRow(library, getProjectRow(library, id));
}

/** Live projects, the default first, then by name. */
export function listProjects(library: Library): ProjectSummary[] {
  defaultProjectId(library);
  const rows = library
    .statement('SELECT * FROM projects WHERE deleted_at IS NULL ORDER BY is_default DESC, name COLLATE NOCASE, id')
    .all() as ProjectRow[];
  return rows.map((row) => summaryFromRow(library, row));
}

function cleanName(name: string): string {
  const trimmed = name.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  if (!trimmed) throw new AssayError('invalid_input', 'name: a project needs a name.');
  return trimmed;
}

export function createProject(library: Library, name: string): ProjectSummary {
  const id = randomUUID();
  const now = library.now();
  library.statement('INSERT INTO projects (id, name, is_default, created_at, updated_at) VALUES (?, ?, 0, ?, ?)').run(id, cleanName(name), now, now);
  return getProject(library, id);
}

export function renameProject(library: Library, id: string, name: string): ProjectSummary {
  getProjectRow(library, id);
  library.statement('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?').run(cleanName(name), library.now(), id);
  return getProject(library, id);
}

function requireArticle(library: Library, articleId: string): void {
  if (!library.statement('SELECT 1 FROM articles WHERE id = ?').get(articleId)) {
    throw new AssayError('invalid_input', `articleIds: there is no article ${articleId}.`);
  }
}

export function addArticlesToProject(library: Library, projectId: string, articleIds: string[]): ProjectSummary {
  getProjectRow(library, projectId);
  const now = library.now();
  for (const articleId of articleIds) {
    requireArticle(library, articleId);
    library.statement('INSERT OR IGNORE INTO project_articles (project_id, article_id, added_at) VALUES (?, ?, ?)').run(projectId, articleId, now);
  }
  library.statement('UPDATE projects SET updated_at = ? WHERE id = ?').run(now, projectId);
  return getProject(library, projectId);
}

const ITEM_TABLES = { claim: 'claims', figure: 'figures', chart: 'charts' } as const;

export function addItemsToProject(library: Library, projectId: string, items: { kind: 'claim' | 'figure' | 'chart'; id: string }[]): ProjectSummary {
  getProjectRow(library, projectId);
  const now = library.now();
  for (const item of items) {
    if ((item.kind === 'chart' && !hasChartsTable(library)) || !library.statement(`SELECT 1 FROM ${ITEM_TABLES[item.kind]} WHERE id = ?`).get(item.id)) {
      throw new AssayError('invalid_input', `items: there is no ${item.kind} ${item.id}.`);
    }
    library
      .statement('INSERT OR IGNORE INTO project_items (project_id, item_kind, item_id, added_at) VALUES (?, ?, ?, ?)')
      .run(projectId, item.kind, item.id, now);
  }
  library.statement('UPDATE projects SET updated_at = ? WHERE id = ?').run(now, projectId);
  return getProject(library, projectId);
}

export function removeItemsFromProject(library: Library, projectId: string, items: { kind: 'claim' | 'figure' | 'chart'; id: string }[]): ProjectSummary {
  getProjectRow(library, projectId);
  for (const item of items) {
    library.statement('DELETE FROM project_items WHERE project_id = ? AND item_kind = ? AND item_id = ?').run(projectId, item.kind, item.id);
  }
  library.statement('UPDATE projects SET updated_at = ? WHERE id = ?').run(library.now(), projectId);
  return getProject(library, projectId);
}

/** The article a claim or figure belongs to projects through, if it has a live one. */
function owningArticleId(library: Library, kind: 'claim' | 'figure' | 'chart', id: string): string | null {
  if (kind === 'chart') return null;
  const sql =
    kind === 'claim'
      ? 'SELECT a.id FROM claims c JOIN articles a ON a.id = c.article_id WHERE c.id = ? AND a.deleted_at IS NULL'
      : `SELECT a.id FROM figures f JOIN highlights h ON h.id = f.highlight_id JOIN articles a ON a.id = h.article_id
         WHERE f.id = ? AND h.deleted_at IS NULL AND a.deleted_at IS NULL`;
  return (library.statement(sql).get(id) as { id: string } | undefined)?.id ?? null;
}

export function projectsOfItem(library: Library, kind: 'claim' | 'figure' | 'chart', id: string): ItemProjects {
  if ((kind === 'chart' && !hasChartsTable(library)) || !library.statement(`SELECT 1 FROM ${ITEM_TABLES[kind]} WHERE id = ?`).get(id)) {
    throw new AssayError('not_found', `There is no ${kind} with id ${id}.`);
  }
  const columns = 'p.id, p.name, p.is_default';
  const articleId = owningArticleId(library, kind, id);
  const rows = (
    articleId
      ? library
          .statement(`SELECT ${columns} FROM project_articles pa JOIN projects p ON p.id = pa.project_id WHERE pa.article_id = ? AND p.deleted_at IS NULL ORDER BY p.name`)
          .all(articleId)
      : library
          .statement(
            `SELECT ${columns} FROM project_items pi JOIN projects p ON p.id = pi.project_id
             WHERE pi.item_kind = ? AND pi.item_id = ? AND p.deleted_at IS NULL ORDER BY p.name`
          )
          .all(kind, id)
  ) as { id: string; name: string; is_default: number }[];
  const projects = rows.map((row) => ({ id: row.id, name: row.name, isDefault: row.is_default === 1 }));
  if (articleId) return { via: 'article', projects };
  if (projects.length > 0) return { via: 'explicit', projects };
  const fallback = getProjectRow(library, defaultProjectId(library));
  return { via: 'default', projects: [{ id: fallback.id, name: fallback.name, isDefault: true }] };
}

/** Removes articles from a project; an article that would be in no project goes back to the default one. */
export function removeArticlesFromProject(library: Library, projectId: string, articleIds: string[]): ProjectSummary {
  getProjectRow(library, projectId);
  const fallback = defaultProjectId(library);
  const now = library.now();
  for (const articleId of articleIds) {
    library.statement('DELETE FROM project_articles WHERE project_id = ? AND article_id = ?').run(projectId, articleId);
    if (!library.statement('SELECT 1 FROM project_articles WHERE article_id = ?').get(articleId)) {
      library.statement('INSERT INTO project_articles (project_id, article_id, added_at) VALUES (?, ?, ?)').run(fallback, articleId, now);
    }
  }
  library.statement('UPDATE projects SET updated_at = ? WHERE id = ?').run(now, projectId);
  return getProject(library, projectId);
}

/** Puts a just-created article in the chosen project instead of the default one. */
export function placeNewArticle(
  library: Library,
  articleId: string,
  projectId: string | null | undefined,
  /** The article was already in the library (an import found a duplicate): only add it to the project. */
  existing = false
): void {
  if (!projectId) return;
  getProjectRow(library, projectId);
  const fallback = defaultProjectId(library);
  if (projectId === fallback) return;
  if (!existing) library.statement('DELETE FROM project_articles WHERE project_id = ? AND article_id = ?').run(fallback, articleId);
  library
    .statement('INSERT OR IGNORE INTO project_articles (project_id, article_id, added_at) SELECT ?, id, added_at FROM articles WHERE id = ?')
    .run(projectId, articleId);
}

export function projectName(library: Library, id: string): string {
  return getProjectRow(library, id).name;
}

export function projectRow(library: Library, id: string): { id: string; name: string; createdAt: string; updatedAt: string; isDefault: boolean } {
  const row = getProjectRow(library, id);
  return { id: row.id, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at, isDefault: row.is_default === 1 };
}

export function getSetting(library: Library, key: string): string | null {
  const row = library.statement('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(library: Library, key: string, value: string | null): void {
  if (value === null) library.statement('DELETE FROM settings WHERE key = ?').run(key);
  else library.statement('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}
