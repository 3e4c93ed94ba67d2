// Merging a project file into the library, by stable ids (docs/project-file.md, "Merge rules").
//
// planMerge reads only: per entity it decides what is new, what changes field by field, what a
// tombstone deletes and what conflicts. applyMerge runs the same plan (inside the caller's
// transaction) with the user's resolutions and writes it, keeping the full-text index, the
// project memberships and the sync bases in step.
import { createHash } from 'node:crypto';
import { AssayError } from '../../shared/errors';
import {
  ENTITY_KINDS,
  type EntityKind,
  type FieldChange,
  type KindPlan,
  type MergePlan,
  type MergeResolution,
  type PlanConflict,
  type PlanItem
} from '../../shared/projects';
import { reanchorHighlights } from '../annotations/highlights';
import { setTags } from '../articles/tags';
import type { Library } from '../db/library';
import { parsePeriod } from '../quantities/periods';
import { normalise } from '../quantities/units';
import { indexArticle, indexNote } from '../search/search-index';
import { canonicalJson, sameJson } from './canonical-json';
import { hasChartsTable, readEntity, recordTime, type LocalEntity } from './local-records';
import type { ChartRecord, ClaimRecord, FigureRecord, HighlightRecord, LinkRecord, RecordByKind, RecordKind, Tombstone, ArticleRecord } from './project-file-format';
import { defaultProjectId } from './projects';
import { recordLabel, type ParsedProjectFile } from './read-project-file';
import { getBase, recordHash, setBase } from './sync-base';

/** Fields merged as sets: each side's additions and removals are kept. */
const SET_FIELDS = new Set(['tags', 'highlightIds']);
/** Fields that are not content: compared and merged separately. */
const META_FIELDS = new Set(['id', 'updatedAt', 'bodyText']);
/** Applied in this order so that every parent exists before its children. */
const APPLY_ORDER: RecordKind[] = ['article', 'highlight', 'figure', 'claim', 'link', 'chart'];
export const DISPUTED_COPY_TAG = 'disputed copy';

type AnyRecord = Record<string, unknown> & { id: string };

interface RecordAction {
  type: 'add' | 'update' | 'delete' | 'conflict' | 'bookkeeping';
  kind: RecordKind;
  id: string;
  theirs: AnyRecord | null;
  tombstone: Tombstone | null;
  local: LocalEntity | null;
  /** The merged record for updates (and for verdict conflicts, before the resolution). */
  merged: AnyRecord | null;
  changes: FieldChange[];
  conflict: PlanConflict | null;
  /** The hash remembered as seen once this is applied. */
  seenHash: string;
}

export interface ComputedPlan {
  plan: MergePlan;
  actions: RecordAction[];
  membership: { articleIds: string[]; items: { kind: 'claim' | 'figure' | 'chart'; id: string }[] };
  project: { create: boolean; rename: string | null; updatedAt: string };
}

function emptyKindPlan(): KindPlan {
  return { added: [], updated: [], deleted: [], conflicts: [], unchanged: 0 };
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values)].sort();
}

/** Three-way (or, without a base, two-way) union of a set field. */
function mergeSet(mine: string[], theirs: string[], base: string[] | null): string[] {
  if (!base) return sortedUnique([...mine, ...theirs]);
  const inBase = new Set(base);
  const inMine = new Set(mine);
  const inTheirs = new Set(theirs);
  const result = [...new Set([...mine, ...theirs])].filter((value) => {
    if (inMine.has(value) && inTheirs.has(value)) return true;
    // On one side only: kept if that side added it, dropped if the other side removed it.
    return !inBase.has(value);
  });
  return result.sort();
}

function newer(mine: AnyRecord, theirs: AnyRecord, field: string): 'mine' | 'theirs' {
  const mineTime = recordTime(mine);
  const theirTime = recordTime(theirs);
  if (mineTime !== theirTime) return theirTime > mineTime ? 'theirs' : 'mine';
  // Same instant: any fixed rule will do, as long as both libraries pick the same value.
  return canonicalJson(theirs[field]) > canonicalJson(mine[field]) ? 'theirs' : 'mine';
}

function contentFields(record: AnyRecord): string[] {
  return Object.keys(record).filter((field) => !META_FIELDS.has(field));
}

export function sameContent(a: AnyRecord, b: AnyRecord): boolean {
  const fields = new Set([...contentFields(a), ...contentFields(b)]);
  return [...fields].every((field) => sameJson(a[field], b[field]));
}

interface FieldMerge {
  merged: AnyRecord;
  changes: FieldChange[];
  verdictConflict: boolean;
}

function mergeFields(kind: RecordKind, mine: AnyRecord, theirs: AnyRecord, base: AnyRecord | null): FieldMerge {
  const merged: AnyRecord = { ...mine };
  const changes: FieldChange[] = [];
  let verdictConflict = false;
  for (const field of new Set([...contentFields(mine), ...contentFields(theirs)])) {
    const m = mine[field];
    const t = theirs[field];
    if (sameJson(m, t)) continue;
    const b = base ? base[field] : undefined;
    const withBase = base ? { base: b } : {};
    if (SET_FIELDS.has(field)) {
      const result = mergeSet(m as string[], t as string[], base ? ((b as string[] | undefined) ?? []) : null);
      merged[field] = result;
      changes.push({ field, ...withBase, mine: m, theirs: t, result, rule: 'union' });
    } else if (base && sameJson(m, b)) {
      merged[field] = t;
      changes.push({ field, ...withBase, mine: m, theirs: t, result: t, rule: 'theirs' });
    } else if (base && sameJson(t, b)) {
      // Only we changed it: ours stays, and there is nothing to report.
    } else if (kind === 'claim' && field === 'verdict') {
      verdictConflict = true;
      changes.push({ field, ...withBase, mine: m, theirs: t, result: m, rule: 'conflict' });
    } else {
      const winner = newer(mine, theirs, field);
      merged[field] = winner === 'theirs' ? t : m;
      changes.push({ field, ...withBase, mine: m, theirs: t, result: merged[field], rule: 'newer_wins' });
    }
  }
  // The rationale goes with the verdict it argues for: in a verdict conflict it follows the resolution.
  if (verdictConflict) {
    // (Only when both changed it: a rationale only one side edited merges like any field.)
    const rationale = changes.find((change) => change.field === 'rationale' && change.rule === 'newer_wins');
    if (rationale) {
      rationale.rule = 'conflict';
      rationale.result = mine.rationale;
      merged.rationale = mine.rationale;
    }
  }
  if (kind === 'article') merged.bodyText = sameJson(merged.doc, mine.doc) ? mine.bodyText : theirs.bodyText;
  const mineTime = recordTime(mine);
  const theirTime = recordTime(theirs);
  if ('updatedAt' in mine) merged.updatedAt = theirTime > mineTime ? theirTime : mineTime;
  return { merged, changes, verdictConflict };
}

function item(kind: EntityKind, record: AnyRecord, extra: Partial<PlanItem> = {}): PlanItem {
  return { kind, id: record.id, label: recordLabel(kind, record), ...extra };
}

function fieldsOfConflict(mine: AnyRecord | null, theirs: AnyRecord | null, base: AnyRecord | null): FieldChange[] {
  if (!mine || !theirs) return [];
  return [...new Set([...contentFields(mine), ...contentFields(theirs)])]
    .filter((field) => !sameJson(mine[field], theirs[field]))
    .map((field) => ({ field, ...(base ? { base: base[field] } : {}), mine: mine[field], theirs: theirs[field], result: mine[field], rule: 'conflict' as const }));
}

/** Works out the merge; reads the library, writes nothing. */
export function planMerge(library: Library, file: ParsedProjectFile): ComputedPlan {
  const { content } = file;
  const kinds = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, emptyKindPlan()])) as Record<EntityKind, KindPlan>;
  const actions: RecordAction[] = [];
  const notes = [...file.notes];
  const chartsHere = hasChartsTable(library);

  for (const kind of APPLY_ORDER) {
    for (const raw of content.records[kind]) {
      const theirs = raw as unknown as AnyRecord;
      if (file.rejectedIds.has(theirs.id)) continue;
      if (kind === 'chart' && !chartsHere) {
        file.rejected.push({ kind, id: theirs.id, label: recordLabel(kind, theirs), reason: 'this library has no charts yet' });
        file.rejectedIds.add(theirs.id);
        continue;
      }
      const seenHash = recordHash(theirs);
      const base = getBase(library, kind, theirs.id);
      const baseRecord = (base?.record ?? null) as AnyRecord | null;
      const local = readEntity(library, kind, theirs.id);
      const action: RecordAction = { type: 'add', kind, id: theirs.id, theirs, tombstone: null, local, merged: null, changes: [], conflict: null, seenHash };
      if (base?.seenHash === seenHash && local) {
        // Received exactly this version before: whatever happened here since is our own doing.
        kinds[kind].unchanged += 1;
        continue;
      }
      if (!local) {
        // Ids decide what merges; an article with the same text under another id (both libraries
        // imported the same page on their own) is kept twice, but the preview says so.
        const twin =
          kind === 'article'
            ? (library.statement('SELECT id, title FROM articles WHERE content_hash = ? AND id <> ? AND deleted_at IS NULL LIMIT 1').get(theirs.contentHash, theirs.id) as
                | { id: string; title: string }
                | undefined)
            : undefined;
        kinds[kind].added.push(
          item(kind, theirs, twin ? { note: `the library already has an article with the same text (“${twin.title}”, ${twin.id}); both are kept` } : {})
        );
        actions.push(action);
        continue;
      }
      const mine = local.record as unknown as AnyRecord;
      if (local.deletedAt) {
        const theirsChanged = baseRecord ? !sameContent(theirs, baseRecord) : recordTime(theirs) > local.deletedAt;
        if (!theirsChanged) {
          kinds[kind].unchanged += 1;
          actions.push({ ...action, type: 'bookkeeping' });
          continue;
        }
        const conflict: PlanConflict = {
          kind,
          id: theirs.id,
          label: recordLabel(kind, theirs),
          reason: 'edit_vs_delete',
          mine: null,
          theirs,
          base: baseRecord,
          fields: [],
          options: ['mine', 'theirs']
        };
        kinds[kind].conflicts.push(conflict);
        actions.push({ ...action, type: 'conflict', conflict });
        continue;
      }
      const { merged, changes, verdictConflict } = mergeFields(kind, mine, theirs, baseRecord);
      if (verdictConflict) {
        const conflict: PlanConflict = {
          kind,
          id: theirs.id,
          label: recordLabel(kind, mine),
          reason: 'verdict',
          mine,
          theirs,
          base: baseRecord,
          fields: changes,
          options: ['mine', 'theirs', 'both']
        };
        kinds[kind].conflicts.push(conflict);
        actions.push({ ...action, type: 'conflict', merged, changes, conflict });
        continue;
      }
      if (sameJson(merged, mine)) {
        kinds[kind].unchanged += 1;
        // Ours is newer or equal: nothing changes here, but the report says what was not taken.
        const keptMine = changes.filter((change) => change.rule === 'newer_wins');
        if (keptMine.length > 0) {
          kinds[kind].updated.push(item(kind, mine, { changes: keptMine, note: 'our version is newer; theirs was not taken (kept in this report)' }));
        }
        actions.push({ ...action, type: 'bookkeeping' });
        continue;
      }
      if (sameContent(merged, mine)) {
        // Only the time of the last edit differs; take the later one silently, so both libraries agree.
        kinds[kind].unchanged += 1;
        actions.push({ ...action, type: 'update', merged, changes: [] });
        continue;
      }
      kinds[kind].updated.push(item(kind, mine, { changes }));
      actions.push({ ...action, type: 'update', merged, changes });
    }
  }

  for (const tombstone of content.tombstones) {
    const seenHash = `tombstone:${tombstone.deletedAt}`;
    const base = getBase(library, tombstone.kind, tombstone.id);
    if (base?.seenHash === seenHash) {
      kinds[tombstone.kind].unchanged += 1;
      continue;
    }
    if (tombstone.kind === 'chart' && !chartsHere) continue;
    const local = readEntity(library, tombstone.kind, tombstone.id);
    const action: RecordAction = {
      type: 'delete',
      kind: tombstone.kind,
      id: tombstone.id,
      theirs: null,
      tombstone,
      local,
      merged: null,
      changes: [],
      conflict: null,
      seenHash
    };
    if (!local || local.deletedAt) {
      // Never had it, or deleted it too: only remembered.
      kinds[tombstone.kind].unchanged += 1;
      actions.push({ ...action, type: 'bookkeeping' });
      continue;
    }
    const mine = local.record as unknown as AnyRecord;
    const baseRecord = (base?.record ?? null) as AnyRecord | null;
    const editedHere = baseRecord ? !sameContent(mine, baseRecord) : recordTime(mine) > tombstone.deletedAt;
    if (editedHere) {
      const conflict: PlanConflict = {
        kind: tombstone.kind,
        id: tombstone.id,
        label: recordLabel(tombstone.kind, mine),
        reason: 'edit_vs_delete',
        mine,
        theirs: null,
        base: baseRecord,
        fields: fieldsOfConflict(mine, baseRecord, null),
        options: ['mine', 'theirs']
      };
      kinds[tombstone.kind].conflicts.push(conflict);
      actions.push({ ...action, type: 'conflict', conflict });
      continue;
    }
    kinds[tombstone.kind].deleted.push(item(tombstone.kind, mine));
    actions.push(action);
  }

  // The project itself and who belongs to it.
  const fileProject = content.project;
  const localProject = library.statement('SELECT name, updated_at AS updatedAt FROM projects WHERE id = ? AND deleted_at IS NULL').get(fileProject.id) as
    | { name: string; updatedAt: string }
    | undefined;
  let rename: string | null = null;
  let projectUpdatedAt = fileProject.updatedAt;
  if (!localProject) {
    kinds.project.added.push(item('project', fileProject as unknown as AnyRecord));
  } else if (localProject.name !== fileProject.name) {
    const base = getBase(library, 'project', fileProject.id)?.record as { name?: string } | null | undefined;
    const theirsWins = base?.name === localProject.name || (base?.name !== fileProject.name && fileProject.updatedAt > localProject.updatedAt);
    if (theirsWins) {
      rename = fileProject.name;
      kinds.project.updated.push(
        item('project', { id: fileProject.id, name: localProject.name }, {
          changes: [{ field: 'name', mine: localProject.name, theirs: fileProject.name, result: fileProject.name, rule: base ? 'theirs' : 'newer_wins' }]
        })
      );
    }
  }
  if (localProject) projectUpdatedAt = fileProject.updatedAt > localProject.updatedAt ? fileProject.updatedAt : localProject.updatedAt;
  const willExist = new Set([
    ...actions.filter((action) => action.type === 'add').map((action) => action.id),
    ...actions.filter((action) => action.local).map((action) => action.id)
  ]);
  const exists = (kind: string, id: string) =>
    willExist.has(id) || Boolean(readEntity(library, kind as RecordKind, id));
  const memberArticles = fileProject.articleIds.filter(
    (id) =>
      !file.rejectedIds.has(id) &&
      exists('article', id) &&
      !library.statement('SELECT 1 FROM project_articles WHERE project_id = ? AND article_id = ?').get(fileProject.id, id)
  );
  const memberItems = fileProject.items.filter(
    (entry) =>
      !file.rejectedIds.has(entry.id) &&
      (entry.kind !== 'chart' || chartsHere) &&
      exists(entry.kind, entry.id) &&
      !library.statement('SELECT 1 FROM project_items WHERE project_id = ? AND item_kind = ? AND item_id = ?').get(fileProject.id, entry.kind, entry.id)
  );
  if (memberArticles.length > 0) notes.push(`${memberArticles.length} article${memberArticles.length === 1 ? '' : 's'} join the project “${fileProject.name}”.`);

  const summary = { added: 0, updated: 0, deleted: 0, conflicts: 0, rejected: file.rejected.length, unchanged: 0 };
  for (const kind of ENTITY_KINDS) {
    summary.added += kinds[kind].added.length;
    summary.updated += kinds[kind].updated.filter((entry) => !entry.note).length;
    summary.deleted += kinds[kind].deleted.length;
    summary.conflicts += kinds[kind].conflicts.length;
    summary.unchanged += kinds[kind].unchanged;
  }
  const bookkeeping = actions.some((action) => action.type !== 'bookkeeping' || needsBookkeeping(library, action));
  const nothingToDo =
    !bookkeeping &&
    !rename &&
    Boolean(localProject) &&
    fileProject.updatedAt <= (localProject?.updatedAt ?? '') &&
    memberArticles.length === 0 &&
    memberItems.length === 0 &&
    actions.length === 0;
  const manifest = content.manifest;
  return {
    plan: {
      file: {
        fileName: file.fileName,
        sha256: file.sha256,
        formatVersion: manifest.formatVersion,
        appVersion: manifest.appVersion,
        exportedAt: manifest.exportedAt,
        exporterName: manifest.exporterName,
        projectId: manifest.projectId,
        projectName: manifest.projectName,
        counts: manifest.counts
      },
      project: { id: fileProject.id, name: fileProject.name, exists: Boolean(localProject), localName: localProject?.name ?? null },
      kinds,
      rejected: file.rejected,
      notes,
      summary,
      nothingToDo
    },
    actions,
    membership: { articleIds: memberArticles, items: memberItems },
    project: { create: !localProject, rename, updatedAt: projectUpdatedAt }
  };
}

function needsBookkeeping(library: Library, action: RecordAction): boolean {
  const base = getBase(library, action.kind, action.id);
  return base?.seenHash !== action.seenHash;
}

// ——— applying ———

function uuidFrom(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function rowid(library: Library, table: string, id: string): number {
  return (library.statement(`SELECT rowid FROM ${table} WHERE id = ?`).get(id) as { rowid: number }).rowid;
}

function insertArticle(library: Library, article: ArticleRecord): void {
  const { lastInsertRowid } = library
    .statement(
      `INSERT INTO articles (id, title, author, publisher, url, published_at, file_name, format, content_hash, source_html,
         doc_json, body_text, imported_at, added_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      article.id,
      article.title,
      article.author,
      article.publisher,
      article.url,
      article.publishedAt,
      article.fileName,
      article.format,
      article.contentHash,
      article.sourceHtml,
      JSON.stringify(article.doc),
      article.bodyText,
      article.importedAt,
      article.addedAt,
      article.updatedAt
    );
  indexArticle(library, Number(lastInsertRowid), article.title, article.bodyText, 'insert');
  if (article.tags.length) setTags(library, 'article', article.id, article.tags);
}

function updateArticle(library: Library, before: ArticleRecord, after: ArticleRecord): boolean {
  library
    .statement(
      `UPDATE articles SET title = ?, author = ?, publisher = ?, url = ?, published_at = ?, file_name = ?, format = ?,
         content_hash = ?, source_html = ?, doc_json = ?, body_text = ?, imported_at = ?, added_at = ?, updated_at = ? WHERE id = ?`
    )
    .run(
      after.title,
      after.author,
      after.publisher,
      after.url,
      after.publishedAt,
      after.fileName,
      after.format,
      after.contentHash,
      after.sourceHtml,
      JSON.stringify(after.doc),
      after.bodyText,
      after.importedAt,
      after.addedAt,
      after.updatedAt,
      after.id
    );
  if (after.title !== before.title || after.bodyText !== before.bodyText) {
    indexArticle(library, rowid(library, 'articles', after.id), after.title, after.bodyText, 'replace');
  }
  if (!sameJson(after.tags, before.tags)) setTags(library, 'article', after.id, after.tags);
  return after.bodyText !== before.bodyText;
}

function insertHighlight(library: Library, highlight: HighlightRecord): void {
  const { lastInsertRowid } = library
    .statement(
      `INSERT INTO highlights (id, article_id, color, note, quote_exact, quote_prefix, quote_suffix, position_start, position_end,
         anchor_state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      highlight.id,
      highlight.articleId,
      highlight.color,
      highlight.note,
      highlight.quote.exact,
      highlight.quote.prefix,
      highlight.quote.suffix,
      highlight.position.start,
      highlight.position.end,
      highlight.anchorState,
      highlight.createdAt,
      highlight.updatedAt
    );
  indexNote(library, Number(lastInsertRowid), highlight.note);
}

function updateHighlight(library: Library, before: HighlightRecord, after: HighlightRecord, live: boolean): void {
  library
    .statement(
      `UPDATE highlights SET article_id = ?, color = ?, note = ?, quote_exact = ?, quote_prefix = ?, quote_suffix = ?,
         position_start = ?, position_end = ?, anchor_state = ?, created_at = ?, updated_at = ? WHERE id = ?`
    )
    .run(
      after.articleId,
      after.color,
      after.note,
      after.quote.exact,
      after.quote.prefix,
      after.quote.suffix,
      after.position.start,
      after.position.end,
      after.anchorState,
      after.createdAt,
      after.updatedAt,
      after.id
    );
  if (after.note !== before.note && live) indexNote(library, rowid(library, 'highlights', after.id), after.note);
}

function figureColumns(figure: FigureRecord): unknown[] {
  const normalised = normalise(figure.value, figure.unit);
  const period = parsePeriod(figure.period);
  return [
    figure.metric,
    figure.entity,
    figure.value,
    figure.high,
    figure.unit,
    figure.qualifier,
    normalised.value,
    figure.high === null ? null : normalise(figure.high, figure.unit).value,
    normalised.baseUnit,
    normalised.dimension,
    period.canonical,
    period.kind,
    period.start,
    period.end,
    figure.basis,
    figure.notes,
    figure.highlightId,
    figure.citation.title,
    figure.citation.publisher,
    figure.citation.edition,
    figure.citation.url,
    figure.citation.page,
    figure.createdAt,
    figure.updatedAt
  ];
}

function insertFigure(library: Library, figure: FigureRecord): void {
  library
    .statement(
      `INSERT INTO figures (metric, entity, value, value_high, unit, qualifier, normalized_value, normalized_high, base_unit,
         dimension, period, period_kind, period_start, period_end, basis, notes, highlight_id, citation_title,
         citation_publisher, citation_edition, citation_url, citation_page, created_at, updated_at, id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(...figureColumns(figure), figure.id);
}

function updateFigure(library: Library, before: FigureRecord, after: FigureRecord): void {
  // A figure whose highlight was deleted here keeps pointing at it (undo may bring it back).
  const highlightId =
    after.highlightId === null && before.highlightId === null
      ? ((library.statement('SELECT highlight_id FROM figures WHERE id = ?').get(after.id) as { highlight_id: string | null }).highlight_id)
      : after.highlightId;
  library
    .statement(
      `UPDATE figures SET metric = ?, entity = ?, value = ?, value_high = ?, unit = ?, qualifier = ?, normalized_value = ?,
         normalized_high = ?, base_unit = ?, dimension = ?, period = ?, period_kind = ?, period_start = ?, period_end = ?,
         basis = ?, notes = ?, highlight_id = ?, citation_title = ?, citation_publisher = ?, citation_edition = ?,
         citation_url = ?, citation_page = ?, created_at = ?, updated_at = ? WHERE id = ?`
    )
    .run(...figureColumns({ ...after, highlightId }), after.id);
}

function insertClaim(library: Library, claim: ClaimRecord): void {
  library
    .statement(
      `INSERT INTO claims (id, article_id, statement, verdict, rationale, stated_json, computation_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      claim.id,
      claim.articleId,
      claim.statement,
      claim.verdict,
      claim.rationale,
      claim.stated ? JSON.stringify(claim.stated) : null,
      claim.computation ? JSON.stringify(claim.computation) : null,
      claim.createdAt,
      claim.updatedAt
    );
  for (const highlightId of claim.highlightIds) {
    library.statement('INSERT INTO claim_highlights (claim_id, highlight_id) VALUES (?, ?)').run(claim.id, highlightId);
  }
  if (claim.tags.length) setTags(library, 'claim', claim.id, claim.tags);
}

function updateClaim(library: Library, before: ClaimRecord, after: ClaimRecord): void {
  const computation =
    after.computation === null && before.computation === null
      ? (library.statement('SELECT computation_json FROM claims WHERE id = ?').get(after.id) as { computation_json: string | null }).computation_json
      : after.computation
        ? JSON.stringify(after.computation)
        : null;
  library
    .statement(
      `UPDATE claims SET article_id = ?, statement = ?, verdict = ?, rationale = ?, stated_json = ?, computation_json = ?,
         created_at = ?, updated_at = ? WHERE id = ?`
    )
    .run(
      after.articleId,
      after.statement,
      after.verdict,
      after.rationale,
      after.stated ? JSON.stringify(after.stated) : null,
      computation,
      after.createdAt,
      after.updatedAt,
      after.id
    );
  if (!sameJson(after.highlightIds, before.highlightIds)) {
    // Links to highlights deleted here stay (they are not part of the record either way).
    library
      .statement('DELETE FROM claim_highlights WHERE claim_id = ? AND highlight_id IN (SELECT id FROM highlights WHERE deleted_at IS NULL)')
      .run(after.id);
    for (const highlightId of after.highlightIds) {
      library.statement('INSERT OR IGNORE INTO claim_highlights (claim_id, highlight_id) VALUES (?, ?)').run(after.id, highlightId);
    }
  }
  if (!sameJson(after.tags, before.tags)) setTags(library, 'claim', after.id, after.tags);
}

function insertLink(library: Library, link: LinkRecord): void {
  library
    .statement('INSERT INTO evidence_links (id, claim_id, target_kind, target_id, relation, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(link.id, link.claimId, link.targetKind, link.targetId, link.relation, link.createdAt);
}

function updateLink(library: Library, link: LinkRecord): void {
  library
    .statement('UPDATE evidence_links SET claim_id = ?, target_kind = ?, target_id = ?, relation = ?, created_at = ? WHERE id = ?')
    .run(link.claimId, link.targetKind, link.targetId, link.relation, link.createdAt, link.id);
}

function insertChart(library: Library, chart: ChartRecord): void {
  library
    .statement('INSERT INTO charts (id, title, spec_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    .run(chart.id, chart.title, JSON.stringify(chart.spec), chart.createdAt, chart.updatedAt);
}

function updateChart(library: Library, chart: ChartRecord): void {
  library
    .statement('UPDATE charts SET title = ?, spec_json = ?, created_at = ?, updated_at = ? WHERE id = ?')
    .run(chart.title, JSON.stringify(chart.spec), chart.createdAt, chart.updatedAt, chart.id);
}

const TABLE_OF: Record<RecordKind, string> = {
  article: 'articles',
  highlight: 'highlights',
  claim: 'claims',
  figure: 'figures',
  link: 'evidence_links',
  chart: 'charts'
};

function setDeleted(library: Library, kind: RecordKind, id: string, deletedAt: string | null): void {
  const table = TABLE_OF[kind];
  library.statement(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`).run(deletedAt, id);
  if (kind === 'highlight') {
    const row = library.statement('SELECT rowid, note FROM highlights WHERE id = ?').get(id) as { rowid: number; note: string };
    indexNote(library, row.rowid, deletedAt ? null : row.note);
  }
}

interface WriteState {
  reanchor: Set<string>;
  newArticles: Set<string>;
}

function insertRecord(library: Library, kind: RecordKind, record: AnyRecord, state: WriteState): void {
  switch (kind) {
    case 'article':
      insertArticle(library, record as unknown as ArticleRecord);
      state.newArticles.add(record.id);
      break;
    case 'highlight':
      insertHighlight(library, record as unknown as HighlightRecord);
      break;
    case 'figure':
      insertFigure(library, record as unknown as FigureRecord);
      break;
    case 'claim':
      insertClaim(library, record as unknown as ClaimRecord);
      break;
    case 'link':
      insertLink(library, record as unknown as LinkRecord);
      break;
    case 'chart':
      insertChart(library, record as unknown as ChartRecord);
      break;
  }
}

function writeRecord(library: Library, kind: RecordKind, local: LocalEntity, after: AnyRecord, state: WriteState): void {
  const before = local.record as unknown as AnyRecord;
  switch (kind) {
    case 'article':
      if (updateArticle(library, before as unknown as ArticleRecord, after as unknown as ArticleRecord)) state.reanchor.add(after.id);
      break;
    case 'highlight':
      updateHighlight(library, before as unknown as HighlightRecord, after as unknown as HighlightRecord, local.live);
      break;
    case 'figure':
      updateFigure(library, before as unknown as FigureRecord, after as unknown as FigureRecord);
      break;
    case 'claim':
      updateClaim(library, before as unknown as ClaimRecord, after as unknown as ClaimRecord);
      break;
    case 'link':
      updateLink(library, after as unknown as LinkRecord);
      break;
    case 'chart':
      updateChart(library, after as unknown as ChartRecord);
      break;
  }
}

export interface ApplyOutcome {
  plan: MergePlan;
}

/** Applies the plan. Call inside a transaction: a failure anywhere leaves the library as it was. */
export function applyMerge(library: Library, computed: ComputedPlan, resolutions: Record<string, MergeResolution>, file: ParsedProjectFile): MergePlan {
  const { actions, plan } = computed;
  // Every conflict needs a decision, and every decision must be about a conflict, before anything is written.
  const conflicts = actions.filter((action) => action.type === 'conflict');
  const conflictIds = new Set(conflicts.map((action) => action.id));
  for (const id of Object.keys(resolutions)) {
    if (!conflictIds.has(id)) throw new AssayError('invalid_input', `resolutions: ${id} is not a conflict of this merge; preview the file again.`);
  }
  for (const action of conflicts) {
    const choice = resolutions[action.id];
    if (!choice) {
      throw new AssayError(
        'invalid_input',
        `resolutions: the ${action.kind} ${action.id} (${action.conflict!.label}) is in conflict; choose ${action.conflict!.options.join(', ')}. Nothing was changed.`
      );
    }
    if (!action.conflict!.options.includes(choice)) {
      throw new AssayError('invalid_input', `resolutions: ${choice} is not a choice for the ${action.kind} ${action.id}; choose ${action.conflict!.options.join(' or ')}.`);
    }
  }

  const state: WriteState = { reanchor: new Set(), newArticles: new Set() };
  const deferredCopies: { original: ClaimRecord; copy: ClaimRecord }[] = [];
  for (const kind of APPLY_ORDER) {
    for (const action of actions.filter((candidate) => candidate.kind === kind && candidate.theirs)) {
      const theirs = action.theirs!;
      switch (action.type) {
        case 'add':
          insertRecord(library, kind, theirs, state);
          break;
        case 'update':
          writeRecord(library, kind, action.local!, action.merged!, state);
          break;
        case 'conflict': {
          const choice = resolutions[action.id];
          action.conflict!.resolution = choice;
          if (action.conflict!.reason === 'edit_vs_delete') {
            // Deleted here, edited there: theirs brings it back as they have it.
            if (choice === 'theirs') {
              setDeleted(library, kind, action.id, null);
              const restored = readEntity(library, kind, action.id)!;
              writeRecord(library, kind, restored, theirs, state);
            }
            break;
          }
          // A verdict conflict: the merged record with the chosen side's verdict and rationale.
          const mine = action.local!.record as unknown as ClaimRecord;
          const theirClaim = theirs as unknown as ClaimRecord;
          const chosen = choice === 'theirs' ? theirClaim : mine;
          const rationaleInConflict = action.changes.some((change) => change.field === 'rationale' && change.rule === 'conflict');
          const base = action.merged as unknown as ClaimRecord;
          const merged = { ...base, verdict: chosen.verdict, rationale: rationaleInConflict ? chosen.rationale : base.rationale };
          if (!sameJson(merged, mine)) writeRecord(library, kind, action.local!, merged as unknown as AnyRecord, state);
          if (choice === 'both') {
            const copyId = uuidFrom('disputed-copy', theirClaim.id, action.seenHash);
            action.conflict!.copyId = copyId;
            deferredCopies.push({
              original: theirClaim,
              copy: { ...theirClaim, id: copyId, tags: sortedUnique([...theirClaim.tags, DISPUTED_COPY_TAG]) }
            });
          }
          break;
        }
        default:
          break;
      }
    }
  }
  // Keep both: their version becomes a claim of its own, tagged and linked to ours as derived from it.
  for (const { original, copy } of deferredCopies) {
    if (!readEntity(library, 'claim', copy.id)) {
      insertClaim(library, copy);
      insertLink(library, {
        id: uuidFrom('disputed-copy-link', copy.id),
        claimId: copy.id,
        targetKind: 'claim',
        targetId: original.id,
        relation: 'derived_from',
        createdAt: library.now()
      });
    }
  }

  // Deletions, in reverse dependency order (links first, articles last).
  const projectId = file.content.project.id;
  for (const kind of [...APPLY_ORDER].reverse()) {
    for (const action of actions.filter((candidate) => candidate.kind === kind && candidate.tombstone)) {
      const tombstone = action.tombstone!;
      if (action.type === 'delete') setDeleted(library, kind, action.id, tombstone.deletedAt);
      if (action.type === 'conflict') {
        const choice = resolutions[action.id];
        action.conflict!.resolution = choice;
        if (choice === 'theirs') setDeleted(library, kind, action.id, tombstone.deletedAt);
      }
      if (action.type === 'bookkeeping' && !action.local) {
        library
          .statement('INSERT OR IGNORE INTO received_tombstones (project_id, entity_kind, entity_id, deleted_at) VALUES (?, ?, ?, ?)')
          .run(projectId, kind, action.id, tombstone.deletedAt);
      }
    }
  }

  // The project, its members, and where new articles land.
  const fileProject = file.content.project;
  const now = library.now();
  if (computed.project.create) {
    library
      .statement('INSERT INTO projects (id, name, is_default, created_at, updated_at) VALUES (?, ?, 0, ?, ?)')
      .run(fileProject.id, fileProject.name, fileProject.createdAt, fileProject.updatedAt);
  } else {
    // The later of the two times, never "now": both libraries then agree on it.
    library
      .statement('UPDATE projects SET name = coalesce(?, name), updated_at = max(updated_at, ?) WHERE id = ?')
      .run(computed.project.rename, computed.project.updatedAt, fileProject.id);
  }
  const fallback = defaultProjectId(library);
  for (const articleId of computed.membership.articleIds) {
    library.statement('INSERT OR IGNORE INTO project_articles (project_id, article_id, added_at) VALUES (?, ?, ?)').run(fileProject.id, articleId, now);
    // A new article the file puts in its project belongs there, not also in our default project.
    if (state.newArticles.has(articleId) && fileProject.id !== fallback) {
      library.statement('DELETE FROM project_articles WHERE project_id = ? AND article_id = ?').run(fallback, articleId);
    }
  }
  for (const entry of computed.membership.items) {
    library
      .statement('INSERT OR IGNORE INTO project_items (project_id, item_kind, item_id, added_at) VALUES (?, ?, ?, ?)')
      .run(fileProject.id, entry.kind, entry.id, now);
  }

  // Articles whose text changed: their other highlights find their place in the new text.
  for (const articleId of state.reanchor) {
    const { body_text: text } = library.statement('SELECT body_text FROM articles WHERE id = ?').get(articleId) as { body_text: string };
    reanchorHighlights(library, articleId, text);
  }

  // What we now hold becomes the common ancestor for the next exchange.
  for (const action of actions) {
    const now = readEntity(library, action.kind, action.id);
    setBase(library, action.kind, action.id, now ? now.record : null, action.seenHash);
  }
  const projectNow = library.statement('SELECT id, name, created_at AS createdAt, updated_at AS updatedAt FROM projects WHERE id = ?').get(fileProject.id);
  setBase(library, 'project', fileProject.id, projectNow, recordHash({ id: fileProject.id, name: fileProject.name }));
  return plan;
}
