// Turning a highlight into a claim or a figure, from the reader's side panel.
import { useEffect, useRef } from 'react';
import type { Highlight } from '../../../../shared/domain';
import { ClaimEditor } from '../claims/ClaimEditor';
import { FigureFormDialog } from '../figures/FigureFormDialog';

export type Composer = { kind: 'claim' | 'figure'; highlight: Highlight } | null;

export function HighlightComposer({ composer, onDone, onClose }: { composer: Composer; onDone: (message: string) => void; onClose: () => void }) {
  if (!composer) return null;
  if (composer.kind === 'figure') {
    return (
      <FigureFormDialog
        highlight={{ id: composer.highlight.id, quote: composer.highlight.quote.exact }}
        onSaved={(figure) => onDone(`Added the figure ${figure.entity}, ${figure.metric}, ${figure.period}.`)}
        onClose={onClose}
      />
    );
  }
  return <ClaimDialog highlight={composer.highlight} onDone={onDone} onClose={onClose} />;
}

function ClaimDialog({ highlight, onDone, onClose }: { highlight: Highlight; onDone: (message: string) => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog claim-dialog" aria-label="New claim" onClose={onClose}>
      <blockquote className="composer-quote">{highlight.quote.exact}</blockquote>
      <ClaimEditor
        highlightIds={[highlight.id]}
        defaultStatement={highlight.quote.exact}
        articleId={highlight.articleId}
        onSaved={(claim) => onDone(`Added the claim “${claim.statement.slice(0, 60)}${claim.statement.length > 60 ? '…' : ''}”.`)}
        onCancel={onClose}
      />
    </dialog>
  );
}
