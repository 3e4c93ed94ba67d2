// Timing, percentiles, targets and the results table.

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
}

/** Linear interpolation between closest ranks (the usual definition; p95 of 20 samples is near the 19th). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * p;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    min: sorted[0],
    max: sorted[sorted.length - 1]
  };
}

/** Milliseconds taken by fn (and its result). */
export function timed<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export type Unit = 'ms' | 's' | 'articles/s';

/** A limit a row's figure must stay within. */
export interface Target {
  /** What the limit applies to, e.g. p95, total, ratio. */
  metric: 'p50' | 'p95' | 'total' | 'ratio';
  /** At most (latency, time, ratio of times) or at least (ratio of throughputs). */
  max?: number;
  min?: number;
  unit: Unit | '×' | '%';
  label: string;
}

export type RowStatus = 'measured' | 'not yet built' | 'skipped' | 'failed';

export interface RowResult {
  id: string;
  operation: string;
  status: RowStatus;
  unit: Unit;
  n?: number;
  p50?: number;
  p95?: number;
  /** Total wall time (seconds) for rows measured as one batch. */
  total?: number;
  baselineP50?: number;
  baselineP95?: number;
  baselineTotal?: number;
  /** Assay ÷ baseline for times; Assay ÷ baseline as a fraction for throughputs. */
  ratio?: number;
  ratioKind?: 'time' | 'throughput';
  targets: Target[];
  verdict: string;
  /** What was measured and anything the reader of the table should know. */
  notes: string[];
  details?: Record<string, unknown>;
}

function metricValue(row: RowResult, target: Target): number | undefined {
  switch (target.metric) {
    case 'p50':
      return row.p50;
    case 'p95':
      return row.p95;
    case 'total':
      return row.total;
    case 'ratio':
      return row.ratio;
  }
}

function formatTargetValue(value: number, unit: Target['unit']): string {
  switch (unit) {
    case '%':
      return `${(value * 100).toFixed(1)}%`;
    case '×':
      return `${value.toFixed(2)}×`;
    case 's':
      return `${value.toFixed(2)} s`;
    case 'ms':
      return `${formatNumber(value)} ms`;
    default:
      return `${formatNumber(value)} ${unit}`;
  }
}

/** "pass", or "MISS: …" saying by how much, for every target the row has. */
export function verdictFor(row: RowResult): string {
  if (row.status !== 'measured') return row.status;
  if (row.targets.length === 0) return 'no target (reported)';
  const misses: string[] = [];
  for (const target of row.targets) {
    const value = metricValue(row, target);
    if (value === undefined || Number.isNaN(value)) {
      misses.push(`${target.metric} not measured`);
      continue;
    }
    if (target.max !== undefined && value > target.max) {
      const over = value - target.max;
      misses.push(
        `${target.metric} ${formatTargetValue(value, target.unit)} > ${formatTargetValue(target.max, target.unit)} ` +
          `(+${formatTargetValue(over, target.unit)}, ${(value / target.max).toFixed(2)}× the target)`
      );
    }
    if (target.min !== undefined && value < target.min) {
      misses.push(
        `${target.metric} ${formatTargetValue(value, target.unit)} < ${formatTargetValue(target.min, target.unit)} ` +
          `(${(value / target.min).toFixed(2)}× the target)`
      );
    }
  }
  return misses.length === 0 ? 'pass' : `MISS: ${misses.join('; ')}`;
}

export function formatNumber(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function cell(value: number | undefined, unit: Unit): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return unit === 's' ? `${value.toFixed(2)} s` : unit === 'ms' ? `${formatNumber(value)} ms` : `${formatNumber(value)}/s`;
}

function ratioCell(row: RowResult): string {
  if (row.ratio === undefined) return '';
  return row.ratioKind === 'throughput' ? `${(row.ratio * 100).toFixed(1)}%` : `${row.ratio.toFixed(2)}×`;
}

export const TABLE_HEADER = ['operation', 'n', 'p50', 'p95', 'baseline p50', 'baseline p95', 'ratio', 'target', 'verdict'];

export function tableRow(row: RowResult): string[] {
  const total = row.total !== undefined ? ` (total ${row.total.toFixed(2)} s)` : '';
  const baselineTotal = row.baselineTotal !== undefined ? ` (total ${row.baselineTotal.toFixed(2)} s)` : '';
  return [
    row.operation,
    row.n !== undefined ? String(row.n) : '',
    cell(row.p50, row.unit) + total,
    cell(row.p95, row.unit),
    cell(row.baselineP50, row.unit) + baselineTotal,
    cell(row.baselineP95, row.unit),
    ratioCell(row),
    row.targets.map((target) => target.label).join('; ') || '—',
    row.verdict
  ];
}

/** A Markdown table, readable in a terminal and pasteable into docs/benchmarks.md. */
export function markdownTable(rows: RowResult[]): string {
  const lines = [TABLE_HEADER, TABLE_HEADER.map(() => '---'), ...rows.map(tableRow)];
  return lines.map((line) => `| ${line.map((value) => value.replace(/\|/g, '\\|')).join(' | ')} |`).join('\n');
}
