import { useRef, useState } from 'react';
import { EXCHANGE_FORMATS, type ExchangeFormat, type ProjectSummary } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { downloadExchange } from './downloads';
import { EXCHANGE_FORMAT_LABELS, plural } from './merge-plan';

/** The project in open formats other tools read: figures as CSV or a data package, highlights, claims, articles. */
export function ExportDataMenu({ project }: { project: ProjectSummary }) {
  const client = useClient();
  const notices = useNotices();
  const menu = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState<ExchangeFormat | null>(null);

  const exportAs = async (format: ExchangeFormat) => {
    if (menu.current) menu.current.open = false;
    setBusy(format);
    try {
      const result = await client.call('exchange.export', { format, projectId: project.id });
      const saved = downloadExchange(result, project.name);
      const { label, what } = EXCHANGE_FORMAT_LABELS[format];
      notices.show({ kind: 'info', message: `Exported ${plural(result.count, what.replace(/s$/, ''), what)} as ${label}: ${saved}.` });
    } catch (error) {
      notices.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <details className="menu" ref={menu}>
      <summary aria-label={`Export data from ${project.name}`}>{busy ? 'Exporting…' : 'Export data…'}</summary>
      <ul className="menu-list" role="menu" aria-label={`Formats for ${project.name}`}>
        {EXCHANGE_FORMATS.map((format) => (
          <li key={format} role="none">
            <button type="button" role="menuitem" disabled={busy !== null} onClick={() => void exportAs(format)}>
              {EXCHANGE_FORMAT_LABELS[format].label} <span className="hint">({EXCHANGE_FORMAT_LABELS[format].what})</span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
