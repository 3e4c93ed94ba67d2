import type { MergeReportSummary } from '../../../../shared/projects';
import { formatDateTime } from './merge-plan';

/** Merges applied so far, newest first; each opens to its stored report. */
export function MergeReportsList({ reports, onOpen }: { reports: MergeReportSummary[]; onOpen: (id: string) => void }) {
  return (
    <section className="projects-section" aria-labelledby="merge-reports-heading">
      <h2 id="merge-reports-heading">Merge reports</h2>
      {reports.length === 0 ? (
        <p className="empty">No project file has been merged into this library yet.</p>
      ) : (
        <table className="projects-table" aria-label="Merge reports">
          <thead>
            <tr>
              <th scope="col">Merged</th>
              <th scope="col">File</th>
              <th scope="col">Project</th>
              <th scope="col">From</th>
              <th scope="col" className="num">Added</th>
              <th scope="col" className="num">Updated</th>
              <th scope="col" className="num">Conflicts</th>
              <th scope="col" className="num">Rejected</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((report) => (
              <tr key={report.id}>
                <td>
                  <button type="button" className="link-button" onClick={() => onOpen(report.id)}>
                    {formatDateTime(report.appliedAt)}
                  </button>
                </td>
                <td>{report.fileName ?? '—'}</td>
                <td>{report.projectName}</td>
                <td>{report.exporterName ?? '—'}</td>
                <td className="num">{report.summary.added}</td>
                <td className="num">{report.summary.updated}</td>
                <td className="num">{report.summary.conflicts}</td>
                <td className="num">{report.summary.rejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
