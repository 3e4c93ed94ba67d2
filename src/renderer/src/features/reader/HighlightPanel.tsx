import { useEffect, useRef, useState } from 'react';
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor } from '../../../../shared/domain';
import { VerdictBadge } from '../claims/VerdictBadge';

export function HighlightPanel({
  highlights,
  activeId,
  focusNoteOf,
  onSelect,
  onUpdate,
  onDelete,
  onCompose
}: {
  highlights: Highlight[];
  activeId: string | null;
  /** A highlight whose note field should take focus (just created). */
  focusNoteOf: string | null;
  onSelect: (id: string) => void;
  onUpdate: (id: string, changes: { color?: HighlightColor; note?: string }) => void;
  onDelete: (id: string) => void;
  onCompose: (kind: 'claim' | 'figure', highlight: Highlight) => void;
}) {
  const placed = highlights.filter((highlight) => highlight.anchorState !== 'orphaned');
  const orphans = highlights.filter((highlight) => highlight.anchorState === 'orphaned');
  return (
    <aside className="highlight-panel" aria-label="Highlights">
      <h2>
        Highlights <span className="count">{placed.length}</span>
      </h2>
      {placed.length === 0 && orphans.length === 0 && (
        <p className="empty">Select text in the article, then pick a colour to highlight it.</p>
      )}
      <ol className="highlight-list">
        {placed.map((highlight, index) => (
          <HighlightItem
            key={highlight.id}
            number={index + 1}
            highlight={highlight}
            active={highlight.id === activeId}
            focusNote={highlight.id === focusNoteOf}
            onSelect={onSelect}
            onUpdate={onUpdate}
            onDelete={onDelete}
            onCompose={onCompose}
          />
        ))}
      </ol>
      {orphans.length > 0 && (
        <section className="orphans" aria-label="Orphaned highlights">
          <h3>Orphaned ({orphans.length})</h3>
          <p className="hint">The text these were made on has changed and they could not be placed with confidence.</p>
          <ol className="highlight-list">
            {orphans.map((highlight) => (
              <HighlightItem
                key={highlight.id}
                highlight={highlight}
                active={highlight.id === activeId}
                focusNote={false}
                onSelect={onSelect}
                onUpdate={onUpdate}
                onDelete={onDelete}
                onCompose={onCompose}
              />
            ))}
          </ol>
        </section>
      )}
    </aside>
  );
}

function HighlightItem({
  number,
  highlight,
  active,
  focusNote,
  onSelect,
  onUpdate,
  onDelete,
  onCompose
}: {
  number?: number;
  highlight: Highlight;
  active: boolean;
  focusNote: boolean;
  onSelect: (id: string) => void;
  onUpdate: (id: string, changes: { color?: HighlightColor; note?: string }) => void;
  onDelete: (id: string) => void;
  onCompose: (kind: 'claim' | 'figure', highlight: Highlight) => void;
}) {
  const [note, setNote] = useState(highlight.note);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const item = useRef<HTMLLIElement>(null);

  useEffect(() => setNote(highlight.note), [highlight.note]);
  useEffect(() => {
    if (focusNote) noteField.current?.focus();
  }, [focusNote]);
  useEffect(() => {
    if (active) item.current?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  const saveNote = () => {
    if (note !== highlight.note) onUpdate(highlight.id, { note });
  };

  return (
    <li
      ref={item}
      className={`highlight-item color-${highlight.color}${active ? ' active' : ''}`}
      data-highlight-id={highlight.id}
      data-anchor-state={highlight.anchorState}
    >
      <button type="button" className="highlight-quote" onClick={() => onSelect(highlight.id)} title="Show in the article">
        {number !== undefined && <span className="marker">{number}</span>}
        <span className="quote-text">{highlight.quote.exact}</span>
      </button>
      {(highlight.verdict || highlight.figureCount > 0) && (
        <div className="highlight-evidence">
          {highlight.verdict && <VerdictBadge verdict={highlight.verdict} />}
          {highlight.figureCount > 0 && (
            <span className="figure-count">
              {highlight.figureCount} figure{highlight.figureCount === 1 ? '' : 's'}
            </span>
          )}
        </div>
      )}
      {highlight.anchorState === 'fuzzy' && (
        <p className="anchor-warning">The text here was edited; this highlight was placed approximately. Check it.</p>
      )}
      <textarea
        ref={noteField}
        className="note-field"
        aria-label="Note"
        placeholder="Add a note…"
        value={note}
        onChange={(event) => setNote(event.target.value)}
        onBlur={saveNote}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            saveNote();
            (event.target as HTMLTextAreaElement).blur();
          }
        }}
      />
      <div className="highlight-actions">
        <div className="swatches" role="radiogroup" aria-label="Colour">
          {HIGHLIGHT_COLORS.map((color) => (
            <button
              key={color}
              type="button"
              role="radio"
              aria-checked={highlight.color === color}
              aria-label={color}
              className={`swatch swatch-${color}`}
              onClick={() => onUpdate(highlight.id, { color })}
            />
          ))}
        </div>
        {highlight.anchorState !== 'orphaned' && (
          <>
            <button type="button" className="link-button" onClick={() => onCompose('claim', highlight)}>
              Claim
            </button>
            <button type="button" className="link-button" onClick={() => onCompose('figure', highlight)}>
              Figure
            </button>
          </>
        )}
        <button type="button" className="link-button danger" onClick={() => onDelete(highlight.id)}>
          Delete
        </button>
      </div>
    </li>
  );
}
