// Figures from a CSV file: the analyst maps columns to figure fields, sees a preview with every
// bad row listed, and only then adds the valid rows, all in one transaction.
import Papa from 'papaparse';
import { FIGURE_CSV_FIELDS, QUALIFIERS, type CsvImportResult, type CsvPreviewRow, type FigureCsvField, type Qualifier } from '../../shared/evidence';
import { AssayError } from '../../shared/errors';
import type { Library } from '../db/library';
import { insertFigure, validateFigure, type FigureInput } from './figures';

const REQUIRED_FIELDS: FigureCsvField[] = ['metric', 'entity', 'value', 'unit', 'period'];
const PREVIEW_ROWS = 50;

export interface CsvImportInput {
  csv: string;
  mapping: Partial<Record<FigureCsvField, string>>;
  defaults?: Partial<Record<FigureCsvField, string>>;
  commit: boolean;
  skipInvalid: boolean;
}

function figureInputFrom(values: Partial<Record<FigureCsvField, string>>): FigureInput {
  const qualifier = (values.qualifier?.trim().toLowerCase().replace(/\s+/g, '_') || 'exact') as Qualifier;
  if (!QUALIFIERS.includes(qualifier)) {
    throw new AssayError('invalid_input', `qualifier: “${values.qualifier}” is not one of ${QUALIFIERS.join(', ')}.`);
  }
  return {
    metric: values.metric ?? '',
    entity: values.entity ?? '',
    value: values.value ?? '',
    high: values.high || null,
    unit: values.unit ?? '',
    period: values.period ?? '',
    qualifier,
    basis: values.basis,
    notes: values.notes,
    citation: {
      title: values.citationTitle,
      publisher: values.citationPublisher,
      edition: values.citationEdition,
      url: values.citationUrl,
      page: values.citationPage
    }
  };
}

export function importFiguresCsv(library: Library, input: CsvImportInput): { report: CsvImportResult; importedIds: string[] } {
  const parsed = Papa.parse<Record<string, string>>(input.csv.replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (header) => header.trim()
  });
  const columns = (parsed.meta.fields ?? []).filter(Boolean);
  if (columns.length === 0) throw new AssayError('invalid_input', 'csv: the file has no header row naming its columns.');

  for (const field of Object.keys(input.mapping) as FigureCsvField[]) {
    const column = input.mapping[field]!;
    if (!columns.includes(column)) {
      throw new AssayError('invalid_input', `mapping.${field}: the CSV has no column “${column}”; its columns are ${columns.join(', ')}.`);
    }
  }
  const unfilled = REQUIRED_FIELDS.filter((field) => !input.mapping[field] && !input.defaults?.[field]?.trim());
  if (unfilled.length > 0) {
    throw new AssayError('invalid_input', `mapping: nothing fills ${unfilled.join(', ')}; map a column or give a value for the whole file.`);
  }

  const rowErrors = new Map<number, string>();
  for (const error of parsed.errors) {
    if (error.row !== undefined) rowErrors.set(error.row, `the row does not fit the header (${error.message}).`);
  }

  const preview: CsvPreviewRow[] = [];
  const problems: CsvPreviewRow[] = [];
  const valid: ReturnType<typeof validateFigure>[] = [];
  parsed.data.forEach((record, index) => {
    const values: Partial<Record<FigureCsvField, string>> = {};
    for (const field of FIGURE_CSV_FIELDS) {
      const column = input.mapping[field];
      const value = column ? record[column]?.trim() : undefined;
      values[field] = value || input.defaults?.[field]?.trim() || undefined;
    }
    // Line numbers count the header as line 1, as a spreadsheet shows them.
    const row: CsvPreviewRow = { line: index + 2, values, problem: rowErrors.get(index) ?? null };
    if (!row.problem) {
      try {
        valid.push(validateFigure(library, figureInputFrom(values)));
      } catch (error) {
        if (!(error instanceof AssayError)) throw error;
        row.problem = error.message;
      }
    }
    if (row.problem) problems.push(row);
    if (preview.length < PREVIEW_ROWS) preview.push(row);
  });

  // A row that repeats a figure already in the library (same numbers, same source) is not added
  // again, so importing the same file twice does not double the figures.
  const isDuplicate = (figure: (typeof valid)[number]) =>
    library
      .statement(
        `SELECT 1 FROM figures WHERE deleted_at IS NULL AND metric = ? AND entity = ? AND period = ? AND base_unit = ?
           AND normalized_value = ? AND coalesce(normalized_high, -1) = coalesce(?, -1) AND coalesce(citation_title, '') = ?
           AND coalesce(citation_edition, '') = ? LIMIT 1`
      )
      .get(
        figure.metric,
        figure.entity,
        figure.period.canonical,
        figure.normalized.baseUnit,
        figure.normalized.value,
        figure.normalized.high,
        figure.citation.title ?? '',
        figure.citation.edition ?? ''
      ) !== undefined;
  // Repeats within the file count as duplicates too.
  const seen = new Set<string>();
  const fresh = valid.filter((figure) => {
    const key = JSON.stringify([
      figure.metric.toLowerCase(),
      figure.entity.toLowerCase(),
      figure.period.canonical,
      figure.normalized.baseUnit,
      figure.normalized.value,
      figure.normalized.high,
      figure.citation.title ?? '',
      figure.citation.edition ?? ''
    ]);
    if (seen.has(key)) return false;
    seen.add(key);
    return !isDuplicate(figure);
  });

  const report: CsvImportResult = {
    columns,
    rowCount: parsed.data.length,
    validCount: valid.length,
    problems,
    preview,
    duplicateCount: valid.length - fresh.length,
    imported: 0,
    importedIds: []
  };
  if (!input.commit) return { report, importedIds: [] };
  if (problems.length > 0 && !input.skipInvalid) {
    const first = problems[0];
    throw new AssayError(
      'invalid_input',
      `${problems.length} of ${parsed.data.length} rows have problems (line ${first.line}: ${first.problem}); nothing was imported. ` +
        `Fix the file, or confirm to import only the ${valid.length} valid row${valid.length === 1 ? '' : 's'}.`
    );
  }
  // The dispatcher runs this in one transaction: all valid rows are added, or none.
  const importedIds = fresh.map((figure) => insertFigure(library, figure));
  return { report: { ...report, imported: importedIds.length, importedIds }, importedIds };
}
