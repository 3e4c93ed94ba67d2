import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/projects';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { announceLibraryChanged } from '../../app/undo';
import { formatBytes, formatDateTime } from './merge-plan';
import { RestoreDialog } from './RestoreDialog';

const REASONS: Record<string, string> = {
  'before-merge': 'Before a merge',
  'before-restore': 'Before a restore',
  manual: 'Backed up by hand'
};

/** Copies of the library taken before every merge (and by hand); any of them can be restored. */
export function BackupsSection({ backups, onChanged }: { backups: BackupInfo[]; onChanged: () => void }) {
  const client = useClient();
  const notices = useNotices();
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backUp = async () => {
    setBusy(true);
    try {
      const backup = await client.call('library.backup', {});
      notices.show({ kind: 'info', message: backup ? `Backed up the library (${backup.name}).` : 'Nothing to back up.' });
      onChanged();
    } catch (error) {
      notices.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const restore = async (backup: BackupInfo) => {
    setRestoring(null);
    setBusy(true);
    try {
      const result = await client.call('library.restoreBackup', { name: backup.name });
      notices.show({
        kind: 'info',
        message: `Restored the library as of ${formatDateTime(backup.createdAt)}.${
          result.backupBeforeRestore ? ` The library as it was is kept as ${result.backupBeforeRestore}.` : ''
        }`
      });
      announceLibraryChanged();
    } catch (error) {
      notices.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="projects-section" aria-labelledby="backups-heading">
      <div className="section-head">
        <h2 id="backups-heading">Backups</h2>
        <button type="button" disabled={busy} onClick={() => void backUp()}>
          Back up now
        </button>
        {busy && <progress aria-label="Working on backups" />}
      </div>
      <p className="hint">A backup is taken before every merge; the last ten are kept.</p>
      {backups.length === 0 ? (
        <p className="empty">No backups yet.</p>
      ) : (
        <table className="projects-table" aria-label="Backups">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col">Why</th>
              <th scope="col" className="num">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((backup) => (
              <tr key={backup.name}>
                <td title={backup.name}>{formatDateTime(backup.createdAt)}</td>
                <td>{REASONS[backup.reason] ?? backup.reason}</td>
                <td className="num">{formatBytes(backup.sizeBytes)}</td>
                <td>
                  <button type="button" disabled={busy} aria-label={`Restore backup of ${formatDateTime(backup.createdAt)}`} onClick={() => setRestoring(backup)}>
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && <RestoreDialog backup={restoring} onCancel={() => setRestoring(null)} onConfirm={() => void restore(restoring)} />}
    </section>
  );
}
