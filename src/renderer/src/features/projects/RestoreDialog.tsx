import { useEffect, useRef } from 'react';
import type { BackupInfo } from '../../../../shared/projects';
import { formatDateTime } from './merge-plan';

/** Says what restoring does before it happens. */
export function RestoreDialog({ backup, onConfirm, onCancel }: { backup: BackupInfo; onConfirm: () => void; onCancel: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog confirm" aria-label="Restore this backup?" onClose={onCancel}>
      <h2>Restore the backup of {formatDateTime(backup.createdAt)}?</h2>
      <p>
        Everything in your library — articles, highlights, claims, figures, charts, projects and merge reports — is replaced with the library
        as it was when this backup was taken. Changes made since then are no longer shown.
      </p>
      <p>Your library as it is now is backed up first, so you can go back to it by restoring that backup.</p>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary danger-button" onClick={onConfirm}>
          Restore backup
        </button>
      </div>
    </dialog>
  );
}
