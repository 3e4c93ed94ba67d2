// What a CSV preview found: the counts, the first rows as core read them, and every row with a
// problem (line and message), so the analyst can fix the file or skip those rows knowingly.
import { FIGURE_CSV_FIELDS, type CsvImportResult } from '../../../../shared/evidence';
import { CSV_FIELD_LABELS, type CsvMapping } from './csv-mapping';

// Past this many, the list would cost more to draw than it helps; the count still says how many.
const PROBLEMS_LISTED = 1000;

export function CsvImportReport({ report, mapping }: { report: CsvImportResult; mapping: CsvMapping }) {
  const problems = report.problems.length;
  // Show the fields something fills (a column or a default), in the figure's order.
  const shown = FIGURE_CSV_FIELDS.filter((field) => mapping[field] || report.preview.some((row) => row.values[field]));
  const fresh = report.validCount - report.duplicateCount;
  return (
    <section className="csv-report" aria-label="Preview">
      <h3 className="csv-step">Preview</h3>
      <ul className="csv-counts">
        <li>
          <strong>{report.rowCount.toLocaleString('en-US')}</strong> rows
        </li>
        <li className="ok">
          <strong>{report.validCount.toLocaleString('en-US')}</strong> valid
        </li>
        <li className={problems > 0 ? 'bad' : undefined}>
          <strong>{problems.toLocaleString('en-US')}</strong> with problems
        </li>
        <li>
          <strong>{report.duplicateCount.toLocaleString('en-US')}</strong> already present
        </li>
        <li>
          <strong>{fresh.toLocaleString('en-US')}</strong> to add
        </li>
      </ul>
      <div className="csv-preview-scroll">
        <table className="csv-preview">
          <caption className="visually-hidden">The first rows as they will be read</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              {shown.map((field) => (
                <th key={field} scope="col">
                  {CSV_FIELD_LABELS[field]}
                </th>
              ))}
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {report.preview.map((row) => (
              <tr key={row.line} className={row.problem ? 'bad' : undefined}>
                <td className="number">{row.line}</td>
                {shown.map((field) => (
                  <td key={field}>{row.values[field] ?? ''}</td>
                ))}
                <td>{row.problem ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {report.preview.length < report.rowCount && (
        <p className="hint">
          The first {report.preview.length} of {report.rowCount.toLocaleString('en-US')} rows.
        </p>
      )}
      {problems > 0 && (
        <>
          <h3 className="csv-step">Rows with problems</h3>
          <ol className="csv-problems" aria-label="Rows with problems">
            {report.problems.slice(0, PROBLEMS_LISTED).map((row) => (
              <li key={row.line}>
                <span className="line">Line {row.line}</span> {row.problem}
              </li>
            ))}
          </ol>
          {problems > PROBLEMS_LISTED && (
            <p className="hint">
              …and {(problems - PROBLEMS_LISTED).toLocaleString('en-US')} more rows with problems.
            </p>
          )}
        </>
      )}
    </section>
  );
}
