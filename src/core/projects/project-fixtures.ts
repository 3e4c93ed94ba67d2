// For the project-file tests: a small project with every kind of entity, and a normalised dump of
// a library's content that two libraries can be compared by.
import { unzipSync, zipSync, strToU8, type Zippable } from 'fflate';
import type { Dispatcher } from '../dispatch/dispatcher';
import type { Library } from '../db/library';
import { canonicalJson, sha256Hex } from './canonical-json';
import { readEntity } from './local-records';
import { RECORD_KINDS } from './project-file-format';

export interface SeededProject {
  projectId: string;
  articleIds: string[];
  highlightIds: string[];
  claimIds: string[];
  figureIds: string[];
  linkIds: string[];
}

const MAGNETS = `Rare earths and magnets

Chinese mines produced an estimated 270,000 tons of rare-earth oxide equivalent in 2024, according to the USGS.

World mine production reached about 390,000 tons in 2024, so China mined nearly 70% of the total.

Separation capacity outside China remains small, analysts said.`;

const REFINING = `Refining bottlenecks

Refiners in Malaysia processed 12,000 tons of rare-earth oxide in 2023.

New plants in Texas are expected to open in 2026.`;

/** Two articles, highlights, claims (one with a computation), figures (one typed in), links and a deletion. */
export function seedProject(dispatcher: Dispatcher, name = 'Rare earths'): SeededProject {
  const project = dispatcher.call('projects.create', { name });
  const magnets = dispatcher.call('articles.create', {
    content: MAGNETS,
    format: 'text',
    title: 'Rare earths and magnets',
    author: 'M. Lindqvist',
    publisher: 'Assay Desk',
    url: 'https://example.org/magnets',
    publishedAt: '2025-03-14',
    tags: ['rare earths', 'china'],
    projectId: project.id
  });
  const refining = dispatcher.call('articles.create', { content: REFINING, format: 'text', title: 'Refining bottlenecks', projectId: project.id });
  const china = dispatcher.call('highlights.create', { articleId: magnets.id, exact: 'Chinese mines produced an estimated 270,000 tons', note: 'Check USGS' });
  const world = dispatcher.call('highlights.create', { articleId: magnets.id, exact: 'World mine production reached about 390,000 tons', color: 'green' });
  const share = dispatcher.call('highlights.create', { articleId: magnets.id, exact: 'China mined nearly 70% of the total' });
  const malaysia = dispatcher.call('highlights.create', { articleId: refining.id, exact: 'processed 12,000 tons of rare-earth oxide' });
  const gone = dispatcher.call('highlights.create', { articleId: refining.id, exact: 'expected to open in 2026', note: 'deleted later' });
  dispatcher.call('highlights.delete', { id: gone.id });

  const chinaFigure = dispatcher.call('figures.create', {
    metric: 'mine production', entity: 'China', value: '270,000', unit: 't', period: '2024', qualifier: 'approximately', highlightId: china.id
  });
  const worldFigure = dispatcher.call('figures.create', {
    metric: 'mine production', entity: 'World', value: 390000, unit: 't', period: '2024', highlightId: world.id
  });
  const usgs = dispatcher.call('figures.create', {
    metric: 'mine production', entity: 'United States', value: 45000, unit: 't', period: '2024',
    citation: { title: 'Mineral Commodity Summaries', publisher: 'USGS', edition: '2025', url: 'https://pubs.usgs.gov/mcs', page: '145' }
  });
  const shareClaim = dispatcher.call('claims.create', {
    highlightIds: [share.id],
    verdict: 'accurate',
    rationale: '270,000 ÷ 390,000 = 69%',
    tags: ['usgs'],
    computation: { kind: 'share', aFigureId: chinaFigure.id, bFigureId: worldFigure.id, tolerance: 1 }
  });
  const separation = dispatcher.call('claims.create', { articleId: magnets.id, statement: 'Separation capacity outside China remains small', verdict: 'unverified' });
  const link = dispatcher.call('links.create', { claimId: shareClaim.id, targetKind: 'figure', targetId: usgs.id, relation: 'qualifies' });
  return {
    projectId: project.id,
    articleIds: [magnets.id, refining.id],
    highlightIds: [china.id, world.id, share.id, malaysia.id, gone.id],
    claimIds: [shareClaim.id, separation.id],
    figureIds: [chinaFigure.id, worldFigure.id, usgs.id],
    linkIds: [link.id]
  };
}

/**
 * What the library shows, as records (the project-file view) by kind, in id order: what two
 * libraries that merged the same work must agree on. Deleted entities (and those of articles in
 * the trash) are left out: one library may never have had them.
 */
export function normalisedDump(library: Library): string {
  const tables = { article: 'articles', highlight: 'highlights', claim: 'claims', figure: 'figures', link: 'evidence_links', chart: 'charts' } as const;
  const dump: Record<string, unknown> = {};
  for (const kind of RECORD_KINDS) {
    if (kind === 'chart' && !library.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'charts'").get()) continue;
    const ids = (library.db.prepare(`SELECT id FROM ${tables[kind]} ORDER BY id`).all() as { id: string }[]).map((row) => row.id);
    dump[kind] = ids.map((id) => readEntity(library, kind, id)!).filter((entity) => entity.live).map((entity) => entity.record);
  }
  dump.projects = library.db
    .prepare('SELECT p.id, p.name, (SELECT json_group_array(article_id) FROM (SELECT article_id FROM project_articles WHERE project_id = p.id ORDER BY article_id)) AS articles FROM projects p WHERE is_default = 0 ORDER BY id')
    .all();
  return canonicalJson(dump);
}

/** The content hashes of a project file's entries (without the manifest). */
export function entryHashes(data: Uint8Array | string): Record<string, string> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'base64') : data;
  const files = unzipSync(bytes);
  return Object.fromEntries(
    Object.entries(files)
      .filter(([name]) => name !== 'manifest.json')
      .map(([name, content]) => [name, sha256Hex(content)])
  );
}

/** Rebuilds a project file with some entries replaced (and, unless told otherwise, the manifest's hashes fixed). */
export function rewriteProjectFile(
  dataBase64: string,
  change: (files: Record<string, string>) => void,
  options: { fixHashes?: boolean } = {}
): string {
  const files = Object.fromEntries(
    Object.entries(unzipSync(Buffer.from(dataBase64, 'base64'))).map(([name, content]) => [name, Buffer.from(content).toString('utf8')])
  );
  change(files);
  if (options.fixHashes !== false && files['manifest.json']) {
    const manifest = JSON.parse(files['manifest.json']) as { entries: Record<string, { sha256: string; size: number }> };
    manifest.entries = {};
    for (const [name, content] of Object.entries(files)) {
      if (name === 'manifest.json') continue;
      manifest.entries[name] = { sha256: sha256Hex(Buffer.from(content, 'utf8')), size: Buffer.byteLength(content, 'utf8') };
    }
    files['manifest.json'] = JSON.stringify(manifest);
  }
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) zippable[name] = strToU8(content);
  return Buffer.from(zipSync(zippable)).toString('base64');
}
