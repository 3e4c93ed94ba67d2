// Projects, project files (.assay) and their merge, and interchange exports, as the contract
// speaks of them. The preview (MergePlan) carries everything a UI needs to show a merge before it
// happens and to let the user resolve each conflict side by side; the applied merge returns a
// MergeReport of the same shape, which the library keeps for review.

export interface ProjectSummary {
  id: string;
  name: string;
  isDefault: boolean;
  /** Live articles in the project. */
  articleCount: number;
  /** Live claims and figures that belong to it (through its articles, or explicitly). */
  claimCount: number;
  figureCount: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * The largest .assay file Assay opens, checked before it is read. A project of 1,000 long articles
 * with their highlights, claims and figures compresses to about 80 MB; the file travels
 * base64-encoded through the contract (a third larger), and its entries stay within
 * PROJECT_FILE_LIMITS in core once inflated.
 */
export const MAX_PROJECT_FILE_BYTES = 200 * 1024 * 1024;

/** Which projects a claim, figure or chart is in, and why (see src/core/projects/projects.ts). */
export interface ItemProjects {
  /** 'article': through its article (claims from an article, figures from a highlight); 'explicit': filed in them; 'default': in no project, so in the default one. */
  via: 'article' | 'explicit' | 'default';
  projects: { id: string; name: string; isDefault: boolean }[];
}

/** What a project file holds, kind by kind. */
export const ENTITY_KINDS = ['project', 'article', 'highlight', 'claim', 'figure', 'link', 'chart'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type MergeResolution = 'mine' | 'theirs' | 'both';
export const MERGE_RESOLUTIONS = ['mine', 'theirs', 'both'] as const;

export interface ProjectFileManifest {
  format: 'assay-project';
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  exporterName: string | null;
  projectId: string;
  projectName: string;
  counts: Record<string, number>;
  /** Entry name → SHA-256 (hex) and size in bytes of the entry's content. */
  entries: Record<string, { sha256: string; size: number }>;
}

export interface ProjectExport {
  /** A suggested file name, e.g. "rare-earths.assay". */
  fileName: string;
  /** The .assay file (a zip), base64-encoded. */
  dataBase64: string;
  manifest: ProjectFileManifest;
}

/** One field that differs between the two sides. Values are as in the project file (JSON). */
export interface FieldChange {
  field: string;
  /** The value both sides last had in common, when the library knows it (three-way merge). */
  base?: unknown;
  mine: unknown;
  theirs: unknown;
  /** What the merge keeps. */
  result: unknown;
  /**
   * theirs: only they changed it (or there is no base and theirs is newer); mine: only I did (or
   * mine is newer); both_same: both made the same change; newer_wins: both changed it differently
   * and the newer edit wins (the other value is kept in this report); union: set fields (tags,
   * highlights of a claim) merged by adding and removing what each side added and removed.
   */
  rule: 'theirs' | 'mine' | 'newer_wins' | 'union' | 'conflict';
}

export interface PlanItem {
  kind: EntityKind;
  id: string;
  /** A short human description (title, quote, statement, figure value). */
  label: string;
  /** For updates: the fields that change (or, for kept-mine notes, that were kept). */
  changes?: FieldChange[];
  /** Anything worth knowing, e.g. "their edit to the note was older; kept: …". */
  note?: string;
}

export interface PlanConflict {
  kind: EntityKind;
  id: string;
  label: string;
  /**
   * verdict: both sides gave the claim a different verdict; edit_vs_delete: one side deleted the
   * item, the other edited it since they last exchanged it.
   */
  reason: 'verdict' | 'edit_vs_delete';
  /** Both versions side by side as records of the project file format (null: deleted there). */
  mine: Record<string, unknown> | null;
  theirs: Record<string, unknown> | null;
  base: Record<string, unknown> | null;
  fields: FieldChange[];
  /** The choices that apply (keep both only for claims). */
  options: MergeResolution[];
  /** What `resolutions[id]` was given, in a report. */
  resolution?: MergeResolution;
  /** For `both`: the id of the added copy. */
  copyId?: string;
}

export interface RejectedItem {
  kind: EntityKind;
  id: string;
  label: string;
  reason: string;
}

export interface KindPlan {
  added: PlanItem[];
  updated: PlanItem[];
  deleted: PlanItem[];
  conflicts: PlanConflict[];
  unchanged: number;
}

export interface MergeSummary {
  added: number;
  updated: number;
  deleted: number;
  conflicts: number;
  rejected: number;
  unchanged: number;
}

export interface MergePlan {
  file: {
    fileName: string | null;
    /** SHA-256 of the file's bytes. */
    sha256: string;
    formatVersion: number;
    appVersion: string;
    exportedAt: string;
    exporterName: string | null;
    projectId: string;
    projectName: string;
    counts: Record<string, number>;
  };
  /** Whether the project exists here already (its articles are then merged into it). */
  project: { id: string; name: string; exists: boolean; localName: string | null };
  kinds: Record<EntityKind, KindPlan>;
  rejected: RejectedItem[];
  /** File-wide remarks (sanitised content, references dropped, …). */
  notes: string[];
  summary: MergeSummary;
  /** True when applying would change nothing (e.g. the file was imported before). */
  nothingToDo: boolean;
}

export interface MergeReport extends MergePlan {
  id: string | null;
  appliedAt: string;
  /** The backup taken just before the merge (null when there was nothing to change). */
  backup: string | null;
  /** False when the merge changed nothing, so no report was stored. */
  stored: boolean;
}

export interface MergeReportSummary {
  id: string;
  appliedAt: string;
  fileName: string | null;
  projectId: string;
  projectName: string;
  exporterName: string | null;
  exportedAt: string;
  backup: string | null;
  summary: MergeSummary;
}

export interface BackupInfo {
  /** The file name inside the backups folder; what library.restoreBackup takes. */
  name: string;
  path: string;
  createdAt: string;
  /** Why it was taken: before-merge, before-restore, manual. */
  reason: string;
  sizeBytes: number;
}

export interface LibrarySettings {
  /** Written into exported project files as exporterName. */
  exporterName: string | null;
}

export const EXCHANGE_FORMATS = ['csv', 'datapackage', 'w3c', 'claimreview', 'csl-json'] as const;
export type ExchangeFormat = (typeof EXCHANGE_FORMATS)[number];

export interface ExchangeFile {
  /** Relative path inside the export (a data package has two files). */
  path: string;
  mediaType: string;
  content: string;
}

export interface ExchangeExport {
  format: ExchangeFormat;
  /** One file, or for a data package datapackage.json and figures.csv. */
  files: ExchangeFile[];
  /** How many records were exported (figures, annotations, claims or articles). */
  count: number;
}
