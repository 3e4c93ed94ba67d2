// The figure form in a modal dialog, for "Add figure" and "Edit" in the figures view.
import { useEffect, useRef } from 'react';
import type { Figure } from '../../../../shared/evidence';
import { FigureForm } from './FigureForm';

export function FigureFormDialog({
  figureId,
  highlight,
  onSaved,
  onClose
}: {
  figureId?: string;
  highlight?: { id: string; quote: string };
  onSaved: (figure: Figure) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);
  const title = figureId ? 'Edit figure' : 'Add figure';
  return (
    <dialog ref={dialog} className="dialog figure-dialog" aria-label={title} onClose={onClose}>
      <h2>{title}</h2>
      <FigureForm figureId={figureId} highlight={highlight} onSaved={onSaved} onCancel={onClose} />
    </dialog>
  );
}
