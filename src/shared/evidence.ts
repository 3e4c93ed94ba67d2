// Claims, figures and evidence links as the contract speaks of them.

export const VERDICTS = ['accurate', 'mostly_accurate', 'misleading', 'inaccurate', 'unverified', 'disputed'] as const;
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_LABELS: Record<Verdict, string> = {
  accurate: 'Accurate',
  mostly_accurate: 'Mostly accurate',
  misleading: 'Misleading',
  inaccurate: 'Inaccurate',
  unverified: 'Unverified',
  disputed: 'Disputed'
};
/** Verdicts that make a figure or passage doubtful wherever it is shown. */
export const DOUBTFUL_VERDICTS: readonly Verdict[] = ['misleading', 'inaccurate', 'unverified', 'disputed'];

export const QUALIFIERS = ['exact', 'approximately', 'at_least', 'at_most', 'range'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];
export const QUALIFIER_LABELS: Record<Qualifier, string> = {
  exact: 'exactly',
  approximately: 'approximately',
  at_least: 'at least',
  at_most: 'at most',
  range: 'range'
};

export const LINK_RELATIONS = ['supports', 'contradicts', 'qualifies', 'derived_from'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];
export const LINK_RELATION_LABELS: Record<LinkRelation, string> = {
  supports: 'supports',
  contradicts: 'contradicts',
  qualifies: 'qualifies',
  derived_from: 'derived from'
};

/** A number as stated: "~69%" is { value: 69, unit: '%', qualifier: 'approximately' }. */
export interface StatedNumber {
  value: number;
  high: number | null;
  unit: string;
  qualifier: Qualifier;
}

/** Default tolerance of a consistency check, in percentage points: "~69%" is consistent with 69.2%. */
export const DEFAULT_TOLERANCE = 1;

export const COMPUTATION_KINDS = ['share', 'change'] as const;
export type ComputationKind = (typeof COMPUTATION_KINDS)[number];

/**
 * How a claim's number follows from two figures: a share is a ÷ b, a change is (a − b) ÷ b, both
 * in percent. The tolerance is in percentage points and is shown to the user.
 */
export interface ClaimComputation {
  kind: ComputationKind;
  aFigureId: string;
  bFigureId: string;
  tolerance: number;
}

export interface ConsistencyCheck {
  status: 'consistent' | 'inconsistent' | 'cannot_compute';
  /** The computed value in percent, when it could be computed. */
  computed: number | null;
  /** e.g. "270,000 t ÷ 390,000 t = 69.2%". */
  formula: string;
  /** e.g. "stated ~69% is within 1 percentage point of 69.2%". */
  explanation: string;
  tolerance: number;
}

export type FigureSource =
  | { kind: 'highlight'; highlightId: string; articleId: string; articleTitle: string; quote: string }
  | { kind: 'citation'; title: string | null; publisher: string | null; edition: string | null; url: string | null; page: string | null }
  | { kind: 'none' };

export interface Figure {
  id: string;
  metric: string;
  entity: string;
  value: number;
  high: number | null;
  unit: string;
  qualifier: Qualifier;
  period: string;
  periodKind: string;
  basis: string | null;
  notes: string | null;
  source: FigureSource;
  /** Another live figure has the same metric, entity and period but a different value. */
  competing: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceLink {
  id: string;
  claimId: string;
  targetKind: 'figure' | 'claim';
  targetId: string;
  relation: LinkRelation;
  /** A one-line description of the target (figure value or claim statement). */
  targetLabel: string;
  /** The statement and verdict of the claim the link starts from (for "linked from" lists). */
  claimLabel: string;
  claimVerdict: Verdict;
}

export interface ClaimSummary {
  id: string;
  articleId: string | null;
  articleTitle: string | null;
  statement: string;
  verdict: Verdict;
  rationale: string;
  tags: string[];
  highlightIds: string[];
  stated: StatedNumber | null;
  computation: ClaimComputation | null;
  check: ConsistencyCheck | null;
  linkCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ClaimDetail extends ClaimSummary {
  links: EvidenceLink[];
  /** Claims that link to this one. */
  linkedFrom: EvidenceLink[];
  quotes: { highlightId: string; quote: string }[];
}

/** The distinct values in use, for pickers and filters. */
export interface FigureFacets {
  metrics: string[];
  entities: string[];
  units: string[];
  periods: string[];
}

export interface CompetingGroup {
  metric: string;
  entity: string;
  period: string;
  figures: Figure[];
}

export interface UndoResult {
  /** What was undone, e.g. "Delete claim". Null when there was nothing to undo. */
  undone: string | null;
  /** A change that could no longer be taken back (what it restores is gone); it is dropped. */
  skipped?: { label: string; reason: string };
  /** What the next undo would take back. */
  next: string | null;
}

export interface TrashedArticle {
  id: string;
  title: string;
  deletedAt: string;
  claimCount: number;
  highlightCount: number;
}

/** What the quantity parser read from a phrase ("~69%" → 69, %, approximately). */
export interface QuantityReading {
  value: number;
  high: number | null;
  unit: string;
  qualifier: Qualifier;
  /** The words it read, and where they are in the input. */
  text: string;
  start: number;
  end: number;
}

export interface PeriodReading {
  canonical: string;
  kind: string;
  start: string;
  end: string;
}

export interface UnitDescription {
  symbol: string;
  name: string;
  dimension: string;
}

/** The fields of a figure a CSV column can fill. */
export const FIGURE_CSV_FIELDS = [
  'metric', 'entity', 'value', 'high', 'unit', 'period', 'qualifier', 'basis', 'notes',
  'citationTitle', 'citationPublisher', 'citationEdition', 'citationUrl', 'citationPage'
] as const;
export type FigureCsvField = (typeof FIGURE_CSV_FIELDS)[number];

export interface CsvPreviewRow {
  /** 1-based line in the file, counting the header. */
  line: number;
  values: Partial<Record<FigureCsvField, string>>;
  problem: string | null;
}

export interface CsvImportResult {
  columns: string[];
  rowCount: number;
  validCount: number;
  /** Every row with a problem, and the first rows for a preview. */
  problems: CsvPreviewRow[];
  preview: CsvPreviewRow[];
  /** Valid rows that repeat a figure already in the library (same values and source); never added twice. */
  duplicateCount: number;
  /** How many figures were added (0 for a preview). */
  imported: number;
  /** The ids of the figures added, so that a caller can take exactly this import back. */
  importedIds: string[];
}
