// Short messages at the bottom of the window: what just happened, errors in plain words, and an
// Undo button where an action can be taken back.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  message: string;
  action?: { label: string; run: () => void };
}

interface NoticeApi {
  show(notice: Omit<Notice, 'id'>): void;
  error(message: string): void;
}

const NoticeContext = createContext<NoticeApi | null>(null);

export function useNotices(): NoticeApi {
  const api = useContext(NoticeContext);
  if (!api) throw new Error('useNotices outside <NoticeProvider>');
  return api;
}

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);
  const show = useCallback(
    (notice: Omit<Notice, 'id'>) => {
      const id = nextId.current++;
      setNotices((current) => [...current.slice(-3), { ...notice, id }]);
      // Errors stay until dismissed: a message that vanishes before it is read has not been said.
      if (notice.kind === 'info') window.setTimeout(() => dismiss(id), notice.action ? 8000 : 4000);
    },
    [dismiss]
  );
  const api = useMemo<NoticeApi>(() => ({ show, error: (message) => show({ kind: 'error', message }) }), [show]);
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className="notices" role="status" aria-live="polite">
        {notices.map((notice) => (
          <div key={notice.id} className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : undefined}>
            <span>{notice.message}</span>
            {notice.action && (
              <button
                type="button"
                onClick={() => {
                  notice.action!.run();
                  dismiss(notice.id);
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </NoticeContext.Provider>
  );
}
