// The inline editor of one table cell: Enter saves, Escape cancels, and a refused value keeps the
// editor open with core's message under it while the table still shows the saved value.
import { useEffect, useRef, useState } from 'react';

export function FigureCellEditor({
  initial,
  label,
  error,
  busy,
  onCommit,
  onCancel
}: {
  initial: string;
  label: string;
  error: string | null;
  busy: boolean;
  onCommit: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  return (
    <span className="cell-editor">
      <input
        ref={input}
        value={text}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        readOnly={busy}
        onChange={(event) => setText(event.target.value)}
        onClick={(event) => event.stopPropagation()}
        onDoubleClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            event.stopPropagation();
            onCommit(text);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
        onBlur={() => {
          // Leaving the cell takes nothing back and saves nothing: only Enter saves.
          if (!busy) onCancel();
        }}
      />
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
