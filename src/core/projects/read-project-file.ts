// Reading a .assay file someone sent: every check that does not need the library. A file that is
// malformed (truncated, corrupted, a newer format, unsafe paths, a zip bomb, hashes that do not
// match, duplicate ids, dangling references, invalid fields, active content) is refused as a whole
// with an AssayError naming the problem. Records that are well formed but that this Assay cannot
// take (a unit it does not know, say) are set aside as rejected items, with whatever depends on them.
import { z } from 'zod';
import { AssayError } from '../../shared/errors';
import type { DocumentNode } from '../../shared/domain';
import type { EntityKind, RejectedItem } from '../../shared/projects';
import { documentFromEditor } from '../import/article-document';
import { sanitizeArticleHtml } from '../import/sanitize-html';
import { parsePeriod } from '../quantities/periods';
import { normalise } from '../quantities/units';
import { readZip } from './archive';
import { sha256Hex } from './canonical-json';
import {
  DATA_ENTRIES,
  ENTRY_FOR_KIND,
  ENTRY_NAMES,
  manifestSchema,
  PROJECT_FILE_FORMAT,
  PROJECT_FILE_LIMITS,
  PROJECT_FILE_VERSION,
  projectRecordSchema,
  RECORD_KINDS,
  SCHEMA_FOR_KIND,
  tombstoneSchema,
  type ProjectFileContent,
  type RecordByKind,
  type RecordKind
} from './project-file-format';

export interface ParsedProjectFile {
  fileName: string | null;
  sha256: string;
  content: ProjectFileContent;
  /** Records that cannot be merged, with the reason; they are skipped. */
  rejected: RejectedItem[];
  rejectedIds: Set<string>;
  notes: string[];
}

function refuse(message: string): never {
  throw new AssayError('invalid_input', `The project file was refused: ${message}`);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseEntry(name: string, bytes: Uint8Array): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    refuse(`${name} is not UTF-8 text.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    refuse(`${name} is not valid JSON (${(error as Error).message}).`);
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

export function recordLabel(kind: EntityKind, record: Record<string, unknown>): string {
  const clip = (value: unknown) => {
    const text = String(value ?? '').replace(/\s+/g, ' ').trim();
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  };
  switch (kind) {
    case 'article':
    case 'chart':
      return clip(record.title);
    case 'project':
      return clip(record.name);
    case 'highlight':
      return `“${clip((record.quote as { exact?: string } | undefined)?.exact)}”`;
    case 'claim':
      return clip(record.statement);
    case 'figure':
      return clip(`${record.entity}, ${record.metric}, ${record.period}: ${record.value} ${record.unit}`);
    case 'link':
      return clip(`${record.relation} ${record.targetKind} ${record.targetId}`);
  }
}

// Active content a document must never carry: event handlers, script URLs, inline styles.
function activeContentIn(node: DocumentNode, path: string): string | null {
  const attributeSets = [node.attrs, ...(node.marks ?? []).map((mark) => mark.attrs)];
  for (const attrs of attributeSets) {
    for (const [key, value] of Object.entries(attrs ?? {})) {
      if (/^on/i.test(key) || key.toLowerCase() === 'style') return `${path}: the attribute “${key}”`;
      if (typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value)) return `${path}: a ${value.split(':')[0]}: URL`;
      // Relative links (#note-1) are fine; a scheme must be one the importer keeps.
      if (key === 'href' && typeof value === 'string' && /^\s*[a-z][a-z0-9+.-]*:/i.test(value) && !/^\s*(https?|mailto):/i.test(value)) {
        return `${path}: the link “${value.slice(0, 40)}”`;
      }
    }
  }
  for (const [index, child] of (node.content ?? []).entries()) {
    const found = activeContentIn(child, `${path}.content[${index}]`);
    if (found) return found;
  }
  return null;
}

/** Checks a file's bytes and returns its content; nothing is read from or written to a library. */
export function readProjectFile(bytes: Uint8Array, fileName: string | null = null): ParsedProjectFile {
  if (bytes.byteLength > PROJECT_FILE_LIMITS.maxFileBytes) {
    throw new AssayError(
      'unreadable_file',
      `The project file is ${Math.round(bytes.byteLength / 1024 / 1024)} MB; Assay opens project files up to ${PROJECT_FILE_LIMITS.maxFileBytes / 1024 / 1024} MB.`
    );
  }
  const entries = readZip(bytes);
  const notes: string[] = [];

  const manifestBytes = entries.get(ENTRY_NAMES.manifest);
  if (!manifestBytes) refuse('it has no manifest.json (is it an Assay project file?).');
  const rawManifest = parseEntry(ENTRY_NAMES.manifest, manifestBytes);
  const format = (rawManifest as { format?: unknown } | null)?.format;
  const version = (rawManifest as { formatVersion?: unknown } | null)?.formatVersion;
  if (format !== PROJECT_FILE_FORMAT) refuse(`manifest.json says its format is ${JSON.stringify(format)}, not "${PROJECT_FILE_FORMAT}".`);
  if (typeof version === 'number' && version > PROJECT_FILE_VERSION) {
    throw new AssayError(
      'unsupported_format',
      `The project file has format version ${version}, written by a newer Assay; this version reads up to ${PROJECT_FILE_VERSION}. Update Assay to open it. Nothing was changed.`
    );
  }
  const manifestResult = manifestSchema.safeParse(rawManifest);
  if (!manifestResult.success) refuse(`manifest.json is invalid (${describeIssues(manifestResult.error)}).`);
  const manifest = manifestResult.data;

  // Every entry is listed in the manifest with its hash, and every listed entry is there.
  for (const [name, content] of entries) {
    if (name === ENTRY_NAMES.manifest) continue;
    const listed = manifest.entries[name];
    if (!listed) refuse(`the entry ${name} is not listed in manifest.json.`);
    if (listed.size !== content.byteLength || listed.sha256 !== sha256Hex(content)) {
      refuse(`the content of ${name} does not match its SHA-256 hash in manifest.json (the file was altered or damaged).`);
    }
    if (!(DATA_ENTRIES as readonly string[]).includes(name)) notes.push(`The entry ${name} is not part of format version 1 and was ignored.`);
  }
  for (const name of Object.keys(manifest.entries)) {
    if (!entries.has(name)) refuse(`manifest.json lists ${name}, but the archive does not contain it (truncated?).`);
  }
  for (const name of DATA_ENTRIES) {
    if (name !== ENTRY_NAMES.charts && !entries.has(name)) refuse(`it has no ${name}.`);
  }

  const projectResult = projectRecordSchema.safeParse(parseEntry(ENTRY_NAMES.project, entries.get(ENTRY_NAMES.project)!));
  if (!projectResult.success) refuse(`project.json is invalid (${describeIssues(projectResult.error)}).`);
  const project = projectResult.data;
  if (project.id !== manifest.projectId) refuse('project.json and manifest.json name different projects.');

  const allIds = new Map<string, string>();
  const claimId = (id: string, where: string) => {
    const previous = allIds.get(id);
    if (previous) refuse(`the id ${id} is used twice (${previous} and ${where}).`);
    allIds.set(id, where);
  };

  const records = {} as ProjectFileContent['records'];
  for (const kind of RECORD_KINDS) {
    const name = ENTRY_FOR_KIND[kind];
    const bytesOfEntry = entries.get(name);
    const raw = bytesOfEntry ? parseEntry(name, bytesOfEntry) : [];
    if (!Array.isArray(raw)) refuse(`${name} must hold a list of records.`);
    if (raw.length > PROJECT_FILE_LIMITS.maxRecordsPerKind) refuse(`${name} holds more than ${PROJECT_FILE_LIMITS.maxRecordsPerKind} records.`);
    const schema = SCHEMA_FOR_KIND[kind] as z.ZodType<RecordByKind[typeof kind]>;
    const list: RecordByKind[typeof kind][] = [];
    raw.forEach((item, index) => {
      const result = schema.safeParse(item);
      if (!result.success) {
        const id = typeof (item as { id?: unknown })?.id === 'string' ? ` (id ${(item as { id: string }).id})` : '';
        refuse(`${name}, record ${index + 1}${id}, is invalid: ${describeIssues(result.error)}.`);
      }
      claimId(result.data.id, `${kind} in ${name}`);
      list.push(result.data);
    });
    (records as Record<RecordKind, unknown[]>)[kind] = list;
  }
  const rawTombstones = parseEntry(ENTRY_NAMES.tombstones, entries.get(ENTRY_NAMES.tombstones)!);
  if (!Array.isArray(rawTombstones)) refuse(`${ENTRY_NAMES.tombstones} must hold a list of tombstones.`);
  const tombstones = rawTombstones.map((item, index) => {
    const result = tombstoneSchema.safeParse(item);
    if (!result.success) refuse(`${ENTRY_NAMES.tombstones}, entry ${index + 1}, is invalid: ${describeIssues(result.error)}.`);
    claimId(result.data.id, `${result.data.kind} tombstone`);
    return result.data;
  });

  // References resolve inside the file: a record's parents are records of the file; a project
  // member may also be a tombstone (a deleted member).
  const has = (kind: RecordKind, id: string) => allIds.get(id) === `${kind} in ${ENTRY_FOR_KIND[kind]}`;
  const hasTombstone = (kind: RecordKind, id: string) => allIds.get(id) === `${kind} tombstone`;
  const dangling = (what: string, kind: RecordKind, id: string) => refuse(`${what} refers to ${kind} ${id}, which is not in the file.`);
  const highlightArticle = new Map(records.highlight.map((highlight) => [highlight.id, highlight.articleId]));
  for (const highlight of records.highlight) {
    if (!has('article', highlight.articleId)) dangling(`the highlight ${highlight.id}`, 'article', highlight.articleId);
  }
  for (const claim of records.claim) {
    if (claim.articleId && !has('article', claim.articleId)) dangling(`the claim ${claim.id}`, 'article', claim.articleId);
    for (const highlightId of claim.highlightIds) {
      if (!has('highlight', highlightId)) dangling(`the claim ${claim.id}`, 'highlight', highlightId);
      if (highlightArticle.get(highlightId) !== claim.articleId) {
        refuse(`the claim ${claim.id} is made from the highlight ${highlightId} of another article.`);
      }
    }
    if (claim.computation) {
      for (const figureId of [claim.computation.aFigureId, claim.computation.bFigureId]) {
        if (!has('figure', figureId)) dangling(`the computation of claim ${claim.id}`, 'figure', figureId);
      }
    }
  }
  for (const figure of records.figure) {
    if (figure.highlightId && !has('highlight', figure.highlightId)) dangling(`the figure ${figure.id}`, 'highlight', figure.highlightId);
  }
  for (const link of records.link) {
    if (!has('claim', link.claimId)) dangling(`the evidence link ${link.id}`, 'claim', link.claimId);
    if (!has(link.targetKind, link.targetId)) dangling(`the evidence link ${link.id}`, link.targetKind, link.targetId);
    if (link.targetKind === 'claim' && link.targetId === link.claimId) refuse(`the evidence link ${link.id} makes a claim evidence for itself.`);
  }
  for (const articleId of project.articleIds) {
    if (!has('article', articleId) && !hasTombstone('article', articleId)) dangling('project.json', 'article', articleId);
  }
  for (const item of project.items) {
    if (!has(item.kind, item.id) && !hasTombstone(item.kind, item.id)) dangling('project.json', item.kind, item.id);
  }

  // Article content: the document must fit the article schema and carry no active content; the
  // body text is what selectors measure, so it must be the document's text; the kept source HTML
  // is sanitised again as if it were being imported.
  for (const article of records.article) {
    const active = activeContentIn(article.doc as DocumentNode, 'doc');
    if (active) refuse(`the article “${recordLabel('article', article)}” (${article.id}) carries active content in its document (${active}).`);
    let derived: { doc: DocumentNode; text: string };
    try {
      derived = documentFromEditor(article.doc as DocumentNode);
    } catch (error) {
      refuse(`the document of the article “${recordLabel('article', article)}” (${article.id}) is invalid: ${(error as Error).message}`);
    }
    if (derived.text !== article.bodyText) {
      refuse(`the body text of the article “${recordLabel('article', article)}” (${article.id}) does not match its document.`);
    }
    if (article.sourceHtml !== null) {
      const sanitised = sanitizeArticleHtml(article.sourceHtml);
      if (sanitised !== article.sourceHtml) {
        notes.push(`The source HTML of “${recordLabel('article', article)}” contained markup Assay does not keep (scripts, handlers, styles…); it was sanitised.`);
        article.sourceHtml = sanitised;
      }
    }
  }

  // Well-formed records this Assay cannot take, and everything that depends on them.
  const rejected: RejectedItem[] = [];
  const rejectedIds = new Set<string>();
  const reject = (kind: EntityKind, record: Record<string, unknown> & { id: string }, reason: string) => {
    if (rejectedIds.has(record.id)) return;
    rejectedIds.add(record.id);
    rejected.push({ kind, id: record.id, label: recordLabel(kind, record), reason });
  };
  const articleText = new Map(records.article.map((article) => [article.id, article.bodyText]));
  for (const highlight of records.highlight) {
    const length = articleText.get(highlight.articleId)?.length ?? 0;
    if (highlight.anchorState !== 'orphaned' && highlight.position.end > length) {
      reject('highlight', highlight, `its position ${highlight.position.start}–${highlight.position.end} is beyond the article's ${length} characters`);
    }
  }
  for (const figure of records.figure) {
    const problem = figureProblem(figure);
    if (problem) reject('figure', figure, problem);
  }
  let changed = true;
  while (changed) {
    changed = false;
    const before = rejectedIds.size;
    const gone = (id: string | null | undefined) => Boolean(id && rejectedIds.has(id));
    for (const highlight of records.highlight) if (gone(highlight.articleId)) reject('highlight', highlight, `its article ${highlight.articleId} was rejected`);
    for (const figure of records.figure) if (gone(figure.highlightId)) reject('figure', figure, `its highlight ${figure.highlightId} was rejected`);
    for (const claim of records.claim) {
      const cause = [claim.articleId, ...claim.highlightIds, claim.computation?.aFigureId, claim.computation?.bFigureId].find(gone);
      if (cause) reject('claim', claim, `it depends on ${cause}, which was rejected`);
    }
    for (const link of records.link) {
      if (gone(link.claimId) || gone(link.targetId)) reject('link', link, 'its claim or its target was rejected');
    }
    changed = rejectedIds.size !== before;
  }

  return { fileName, sha256: sha256Hex(bytes), content: { manifest, project, records, tombstones }, rejected, rejectedIds, notes };
}

function figureProblem(figure: RecordByKind['figure']): string | null {
  try {
    normalise(figure.value, figure.unit);
  } catch (error) {
    return `unit: ${(error as Error).message}`;
  }
  if (figure.high !== null) {
    try {
      normalise(figure.high, figure.unit);
    } catch (error) {
      return `high: ${(error as Error).message}`;
    }
  }
  try {
    parsePeriod(figure.period);
  } catch (error) {
    return `period: ${(error as Error).message}`;
  }
  if (figure.qualifier === 'range' && figure.high === null) return 'high: a range needs its upper value';
  if (figure.qualifier !== 'range' && figure.high !== null) return 'high: only a range has an upper value';
  if (figure.high !== null && figure.high < figure.value) return `high: the range ${figure.value}–${figure.high} ends below its start`;
  return null;
}
