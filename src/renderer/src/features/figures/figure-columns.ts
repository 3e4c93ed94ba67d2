// The columns of the figures table: what each shows, how it sorts, and what an inline edit of it
// sends to `figures.update`.
import type { MethodInput } from '../../../../shared/contract';
import type { Figure } from '../../../../shared/evidence';
import { formatDate, formatSource, formatValue, parseValueEdit, valueEditText } from './figure-format';

export type FigureSortKey = NonNullable<MethodInput<'figures.list'>['sort']>;
export type EditableColumn = 'entity' | 'metric' | 'period' | 'value' | 'unit';
export type ColumnKey = 'competing' | EditableColumn | 'source' | 'added';

export interface FigureColumn {
  key: ColumnKey;
  label: string;
  /** CSS grid track; the header and every row use the same template. */
  width: string;
  sort?: FigureSortKey;
  defaultDirection?: 'asc' | 'desc';
  editable?: boolean;
  numeric?: boolean;
}

export const FIGURE_COLUMNS: FigureColumn[] = [
  { key: 'competing', label: 'Competing', width: '30px' },
  { key: 'entity', label: 'Entity', width: 'minmax(80px, 1fr)', sort: 'entity', defaultDirection: 'asc', editable: true },
  { key: 'metric', label: 'Metric', width: 'minmax(110px, 1.3fr)', sort: 'metric', defaultDirection: 'asc', editable: true },
  { key: 'period', label: 'Period', width: '82px', sort: 'period', defaultDirection: 'desc', editable: true },
  { key: 'value', label: 'Value', width: '120px', sort: 'value', defaultDirection: 'desc', editable: true, numeric: true },
  { key: 'unit', label: 'Unit', width: '64px', editable: true },
  { key: 'source', label: 'Source', width: 'minmax(120px, 1.7fr)' },
  { key: 'added', label: 'Added', width: '102px', sort: 'added', defaultDirection: 'desc' }
];

export const GRID_TEMPLATE = FIGURE_COLUMNS.map((column) => column.width).join(' ');
export const EDITABLE_COLUMNS = FIGURE_COLUMNS.filter((column) => column.editable).map((column) => column.key as EditableColumn);

export function cellText(figure: Figure, key: ColumnKey): string {
  switch (key) {
    case 'competing':
      return figure.competing ? '!' : '';
    case 'entity':
    case 'metric':
    case 'period':
    case 'unit':
      return figure[key];
    case 'value':
      return formatValue(figure);
    case 'source':
      return formatSource(figure.source);
    case 'added':
      return formatDate(figure.createdAt);
  }
}

/** What the inline editor of a cell starts with. */
export function editText(figure: Figure, column: EditableColumn): string {
  return column === 'value' ? valueEditText(figure) : figure[column];
}

export type FigureChanges = Omit<MethodInput<'figures.update'>, 'id'>;

/** The update an inline edit sends; the value cell also carries the qualifier and upper value. */
export function changesForEdit(column: EditableColumn, text: string): FigureChanges {
  if (column === 'value') {
    const edit = parseValueEdit(text);
    return { value: edit.value, high: edit.high, qualifier: edit.qualifier };
  }
  return { [column]: text.trim() };
}

/** The next editable column for Left / Right, staying at the ends. */
export function nextEditableColumn(current: EditableColumn, step: 1 | -1): EditableColumn {
  const at = EDITABLE_COLUMNS.indexOf(current);
  return EDITABLE_COLUMNS[Math.min(Math.max(at + step, 0), EDITABLE_COLUMNS.length - 1)];
}
