// One row of the virtualised figures table, absolutely placed at its index; a placeholder while
// its page is loading.
import { memo } from 'react';
import type { Figure } from '../../../../shared/evidence';
import { cellText, editText, FIGURE_COLUMNS, type EditableColumn } from './figure-columns';
import { FigureCellEditor } from './FigureCellEditor';

export interface RowEdit {
  column: EditableColumn;
  error: string | null;
  busy: boolean;
}

export const FigureTableRow = memo(function FigureTableRow({
  domId,
  figure,
  index,
  top,
  selected,
  active,
  activeColumn,
  edit,
  onActivate,
  onStartEdit,
  onCommitEdit,
  onCancelEdit
}: {
  domId: string;
  figure: Figure | null;
  index: number;
  top: number;
  selected: boolean;
  active: boolean;
  activeColumn: EditableColumn;
  edit: RowEdit | null;
  onActivate: (index: number, figure: Figure | null) => void;
  onStartEdit: (index: number, column: EditableColumn) => void;
  onCommitEdit: (figure: Figure, column: EditableColumn, text: string) => void;
  onCancelEdit: () => void;
}) {
  const classes = ['figure-row'];
  if (selected) classes.push('selected');
  if (active) classes.push('active');
  if (!figure) classes.push('loading');
  if (index % 2 === 1) classes.push('odd');
  // Above its neighbours, so that an edit's error message can hang below the row.
  if (edit) classes.push('editing-row');
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={classes.join(' ')}
      style={{ transform: `translateY(${top}px)` }}
      data-figure-id={figure?.id}
      onClick={() => onActivate(index, figure)}
    >
      {FIGURE_COLUMNS.map((column) => {
        if (!figure) {
          return (
            <div key={column.key} role="gridcell" className={`figure-cell cell-${column.key}`}>
              {column.key === 'entity' ? <span className="placeholder-bar" aria-label="Loading" /> : null}
            </div>
          );
        }
        const editable = column.editable === true;
        const editing = edit && edit.column === column.key;
        const cellClasses = ['figure-cell', `cell-${column.key}`];
        if (column.numeric) cellClasses.push('number');
        if (active && editable && activeColumn === column.key) cellClasses.push('active-cell');
        if (editing) cellClasses.push('editing');
        const text = cellText(figure, column.key);
        return (
          <div
            key={column.key}
            role="gridcell"
            className={cellClasses.join(' ')}
            title={column.key === 'source' || column.key === 'metric' || column.key === 'entity' ? text : undefined}
            onDoubleClick={editable ? () => onStartEdit(index, column.key as EditableColumn) : undefined}
          >
            {editing ? (
              <FigureCellEditor
                initial={editText(figure, column.key as EditableColumn)}
                label={`${column.label} of ${figure.entity} ${figure.metric} ${figure.period}`}
                error={edit.error}
                busy={edit.busy}
                onCommit={(value) => onCommitEdit(figure, column.key as EditableColumn, value)}
                onCancel={onCancelEdit}
              />
            ) : column.key === 'competing' ? (
              figure.competing ? (
                <span className="competing-badge" role="img" aria-label="Competing values" title="Another figure gives a different value for this metric, entity and period">
                  !
                </span>
              ) : null
            ) : (
              text
            )}
          </div>
        );
      })}
    </div>
  );
});
