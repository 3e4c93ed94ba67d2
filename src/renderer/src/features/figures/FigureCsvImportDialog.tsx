// Import figures from a CSV file in three steps: pick the file, check how its columns fill the
// figure fields (guessed from their names), preview what core reads from every row. Nothing is
// added until "Import N figures"; afterwards the notice offers Undo.
import { useEffect, useId, useRef, useState } from 'react';
import { FIGURE_CSV_FIELDS, type CsvImportResult, type FigureCsvField } from '../../../../shared/evidence';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { announceLibraryChanged, useUndo } from '../../app/undo';
import { autoMapColumns, cleanDefaults, CSV_FIELD_LABELS, readCsvHeader, REQUIRED_CSV_FIELDS, unfilledFields, type CsvMapping } from './csv-mapping';
import { CsvImportReport } from './CsvImportReport';

interface CsvFile {
  name: string;
  text: string;
  columns: string[];
}

export function FigureCsvImportDialog({ onClose, onImported }: { onClose: () => void; onImported: (count: number) => void }) {
  const client = useClient();
  const notices = useNotices();
  const undo = useUndo();
  const ids = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const [file, setFile] = useState<CsvFile | null>(null);
  const [mapping, setMapping] = useState<CsvMapping>({});
  const [defaults, setDefaults] = useState<Partial<Record<FigureCsvField, string>>>({});
  const [report, setReport] = useState<CsvImportResult | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'reading' | 'preview' | 'import' | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  // A preview describes one mapping; any change to it asks for a new preview.
  const changeMapping = (field: FigureCsvField, column: string) => {
    setMapping((current) => {
      const next = { ...current };
      if (column) next[field] = column;
      else delete next[field];
      return next;
    });
    setReport(null);
  };
  const changeDefault = (field: FigureCsvField, value: string) => {
    setDefaults((current) => ({ ...current, [field]: value }));
    setReport(null);
  };

  const pick = async (files: FileList | null) => {
    const picked = files?.[0];
    if (!picked) return;
    setBusy('reading');
    setProblem(null);
    setReport(null);
    try {
      const text = await picked.text();
      const columns = readCsvHeader(text);
      if (columns.length === 0) throw new Error(`${picked.name} has no header row naming its columns.`);
      setFile({ name: picked.name, text, columns });
      setMapping(autoMapColumns(columns));
      setSkipInvalid(false);
    } catch (error) {
      setFile(null);
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const run = async (commit: boolean) => {
    if (!file) return;
    setBusy(commit ? 'import' : 'preview');
    setProblem(null);
    try {
      const result = await client.call('figures.importCsv', {
        csv: file.text,
        mapping,
        defaults: cleanDefaults(defaults),
        commit,
        skipInvalid: commit && skipInvalid
      });
      if (!commit) {
        setReport(result);
        // The counts and rows are below the mapping; bring them into view.
        requestAnimationFrame(() => body.current?.querySelector('.csv-report')?.scrollIntoView({ block: 'start', behavior: 'smooth' }));
        return;
      }
      announceLibraryChanged();
      onImported(result.imported);
      // The answer does not name the added figures, so Undo takes back the latest change in the
      // undo journal, and only while that is still this import.
      const label = `Import ${result.imported} figures`;
      const undoImport = async () => {
        try {
          const { next } = await client.call('history.peek', {});
          if (next !== label) {
            notices.error(`The import is no longer the latest change${next ? ` (that is “${next}”)` : ''}; press Ctrl+Z to undo changes one by one.`);
            return;
          }
        } catch (error) {
          notices.error(errorMessage(error));
          return;
        }
        await undo();
      };
      notices.show({
        kind: 'info',
        message:
          result.imported === 0
            ? 'No figure was added: every valid row is already in the library.'
            : `Added ${result.imported.toLocaleString('en-US')} figure${result.imported === 1 ? '' : 's'} from ${file.name}.`,
        action: result.imported > 0 ? { label: 'Undo', run: () => void undoImport() } : undefined
      });
      dialog.current?.close();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  const missing = unfilledFields(mapping, defaults);
  const problemCount = report?.problems.length ?? 0;
  const toImport = report ? report.validCount - report.duplicateCount : 0;
  const canImport = report !== null && toImport > 0 && (problemCount === 0 || skipInvalid) && busy === null;

  return (
    <dialog ref={dialog} className="dialog csv-import-dialog" aria-label="Import figures from CSV" onClose={onClose}>
      <h2>Import figures from CSV</h2>
      <div className="csv-import-body" ref={body}>
        <div className="file-pick">
          <label className="button">
            Choose a CSV file…
            <input type="file" accept=".csv,text/csv" aria-label="CSV file" onChange={(event) => void pick(event.target.files)} />
          </label>
          <span className="hint">
            {busy === 'reading'
              ? 'Reading…'
              : file
                ? `${file.name}: ${file.columns.length} columns`
                : 'One figure per row, with a header row naming the columns.'}
          </span>
        </div>

        {file && (
          <>
            <h3 className="csv-step">Columns</h3>
            <p className="hint">
              Each field takes a column of the file (guessed from its name), or one value for every row, such as a unit the file does not
              state. Fields marked * must be filled.
            </p>
            <div className="csv-mapping" role="group" aria-label="Columns">
              {FIGURE_CSV_FIELDS.map((field) => {
                const label = CSV_FIELD_LABELS[field];
                const required = REQUIRED_CSV_FIELDS.includes(field);
                return (
                  <div key={field} className={missing.includes(field) ? 'csv-field missing' : 'csv-field'}>
                    <span className="csv-field-name">
                      {label}
                      {required && <span className="required"> *</span>}
                    </span>
                    <select aria-label={`Column for ${label}`} value={mapping[field] ?? ''} onChange={(event) => changeMapping(field, event.target.value)}>
                      <option value="">— no column —</option>
                      {file.columns.map((column) => (
                        <option key={column} value={column}>
                          {column}
                        </option>
                      ))}
                    </select>
                    <input
                      aria-label={`Default ${label}`}
                      value={defaults[field] ?? ''}
                      onChange={(event) => changeDefault(field, event.target.value)}
                      placeholder={mapping[field] ? 'if empty' : 'value for all rows'}
                    />
                  </div>
                );
              })}
            </div>
            {missing.length > 0 && (
              <p className="hint warning">Nothing fills {missing.map((field) => CSV_FIELD_LABELS[field]).join(', ')} yet.</p>
            )}
          </>
        )}

        {report && <CsvImportReport report={report} mapping={mapping} />}

        {report && problemCount > 0 && toImport > 0 && (
          <label className="inline skip-invalid">
            <input type="checkbox" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)} />
            Skip the {problemCount.toLocaleString('en-US')} row{problemCount === 1 ? '' : 's'} with problems
          </label>
        )}

        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
      </div>

      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          Cancel
        </button>
        <button type="button" disabled={!file || busy !== null || missing.length > 0} onClick={() => void run(false)}>
          {busy === 'preview' ? 'Reading the rows…' : 'Preview'}
        </button>
        <button type="button" className="primary" disabled={!canImport} onClick={() => void run(true)}>
          {busy === 'import'
            ? 'Importing…'
            : report
              ? `Import ${toImport.toLocaleString('en-US')} figure${toImport === 1 ? '' : 's'}`
              : 'Import figures'}
        </button>
      </div>
    </dialog>
  );
}
