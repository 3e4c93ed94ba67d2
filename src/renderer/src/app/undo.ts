// One undo for the whole app: Ctrl/Cmd+Z outside a text field takes back the latest change
// recorded in the library's undo journal, whichever view made it, and tells every view to reload.
import { useCallback, useEffect } from 'react';
import { errorMessage } from '../api/client';
import { useClient } from './client-context';
import { useNotices } from './notices';

const LIBRARY_CHANGED = 'assay:library-changed';

/** Tells the views that the library changed behind their back (undo, import). */
export function announceLibraryChanged(): void {
  window.dispatchEvent(new Event(LIBRARY_CHANGED));
}

export function useLibraryChanged(reload: () => void): void {
  useEffect(() => {
    window.addEventListener(LIBRARY_CHANGED, reload);
    return () => window.removeEventListener(LIBRARY_CHANGED, reload);
  }, [reload]);
}

export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function useUndo(): () => Promise<void> {
  const client = useClient();
  const notices = useNotices();
  return useCallback(async () => {
    try {
      const { undone, skipped } = await client.call('history.undo', {});
      if (skipped) {
        notices.error(`Could not undo “${skipped.label}”: ${skipped.reason}`);
        return;
      }
      notices.show({ kind: 'info', message: undone ? `Undone: ${undone}.` : 'Nothing to undo.' });
      if (undone) announceLibraryChanged();
    } catch (error) {
      notices.error(errorMessage(error));
    }
  }, [client, notices]);
}

export function useGlobalUndo(): void {
  const undo = useUndo();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'z') {
        event.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);
}
