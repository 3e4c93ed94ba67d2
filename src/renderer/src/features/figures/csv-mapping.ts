// The column-mapping step of a CSV import: read the header row, and guess which column fills
// which figure field by its name. The analyst can change every guess before the preview.
import Papa from 'papaparse';
import { FIGURE_CSV_FIELDS, type FigureCsvField } from '../../../../shared/evidence';

export type CsvMapping = Partial<Record<FigureCsvField, string>>;

export const CSV_FIELD_LABELS: Record<FigureCsvField, string> = {
  metric: 'Metric',
  entity: 'Entity',
  value: 'Value',
  high: 'Upper value',
  unit: 'Unit',
  period: 'Period',
  qualifier: 'Qualifier',
  basis: 'Basis',
  notes: 'Notes',
  citationTitle: 'Source title',
  citationPublisher: 'Publisher',
  citationEdition: 'Edition',
  citationUrl: 'URL',
  citationPage: 'Page'
};

/** Core refuses an import where nothing (no column, no default) fills one of these. */
export const REQUIRED_CSV_FIELDS: readonly FigureCsvField[] = ['metric', 'entity', 'value', 'unit', 'period'];

// Names a column may have, compared without case, spaces, dashes or underscores. The field's own
// name always counts; these are the other names reports and spreadsheets use.
const SYNONYMS: Record<FigureCsvField, string[]> = {
  metric: ['metric', 'measure', 'indicator', 'variable', 'series'],
  entity: ['entity', 'country', 'region', 'company', 'place'],
  value: ['value', 'amount', 'number', 'quantity', 'low', 'valuelow'],
  high: ['high', 'upper', 'upperValue', 'valuehigh', 'max', 'maximum'],
  unit: ['unit', 'units', 'uom'],
  period: ['period', 'year', 'date', 'quarter', 'month', 'time'],
  qualifier: ['qualifier'],
  basis: ['basis'],
  notes: ['notes', 'note', 'comment', 'comments', 'remarks'],
  citationTitle: ['source', 'sourcetitle', 'citation', 'title', 'report'],
  citationPublisher: ['publisher', 'sourcepublisher', 'organisation', 'organization'],
  citationEdition: ['edition', 'sourceedition', 'version'],
  citationUrl: ['url', 'link', 'sourceurl', 'href'],
  citationPage: ['page', 'pages', 'sourcepage', 'p']
};

export function columnKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-.]+/g, '');
}

/**
 * The header row's column names, read the way core reads the file (papaparse, trimmed, blank
 * names dropped). Only the start of the text is parsed: a header never needs more.
 */
export function readCsvHeader(text: string): string[] {
  // Blank lines before the header are skipped, as core's greedy skipping does.
  const start = text.replace(/^\uFEFF/, '').replace(/^(?:[ \t]*\r?\n)+/, '').slice(0, 64 * 1024);
  const parsed = Papa.parse<string[]>(start, { preview: 1 });
  const first = parsed.data[0] ?? [];
  return first.map((name) => String(name).trim()).filter(Boolean);
}

/** Each field gets the first column whose name matches it; a column fills at most one field. */
export function autoMapColumns(columns: string[]): CsvMapping {
  const mapping: CsvMapping = {};
  const used = new Set<string>();
  const byKey = new Map<string, string>();
  for (const column of columns) if (!byKey.has(columnKey(column))) byKey.set(columnKey(column), column);
  // Exact field names first ("citationTitle"), so a file exported by Assay maps back one to one.
  for (const field of FIGURE_CSV_FIELDS) {
    const column = byKey.get(columnKey(field));
    if (column && !used.has(column)) {
      mapping[field] = column;
      used.add(column);
    }
  }
  for (const field of FIGURE_CSV_FIELDS) {
    if (mapping[field]) continue;
    for (const name of SYNONYMS[field]) {
      const column = byKey.get(columnKey(name));
      if (column && !used.has(column)) {
        mapping[field] = column;
        used.add(column);
        break;
      }
    }
  }
  return mapping;
}

/** The required fields that neither a column nor a default fills. */
export function unfilledFields(mapping: CsvMapping, defaults: Partial<Record<FigureCsvField, string>>): FigureCsvField[] {
  return REQUIRED_CSV_FIELDS.filter((field) => !mapping[field] && !defaults[field]?.trim());
}

/** Drops blank defaults, so the contract call carries only what the analyst typed. */
export function cleanDefaults(defaults: Partial<Record<FigureCsvField, string>>): Partial<Record<FigureCsvField, string>> {
  const cleaned: Partial<Record<FigureCsvField, string>> = {};
  for (const field of FIGURE_CSV_FIELDS) {
    const value = defaults[field]?.trim();
    if (value) cleaned[field] = value;
  }
  return cleaned;
}
