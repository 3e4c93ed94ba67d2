// Formatting for human (non --json) output: aligned tables and text that is safe to print.

// Article text comes from imported files. Importers strip control characters, but a terminal
// interprets escape sequences, so anything printed is filtered again rather than trusted.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes control characters (keeps newline and tab). */
export function printable(text: string): string {
  return text.replace(CONTROL_CHARACTERS, '');
}

/** One line: runs of white space (newlines included) become one space. */
export function singleLine(text: string): string {
  return printable(text).replace(/\s+/g, ' ').trim();
}

/** Cuts text to at most `width` characters (code points), marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  const characters = [...text];
  if (characters.length <= width) return text;
  return `${characters.slice(0, Math.max(0, width - 1)).join('')}…`;
}

const ANSI_SEQUENCE = /\u001b\[[0-9;]*m/g;

/** Printed width, ignoring ANSI styling (wide East Asian characters count as one; good enough). */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI_SEQUENCE, '')].length;
}

export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  align?: 'left' | 'right';
  /** Longer cells are truncated (not for styled columns: a cut could split an escape sequence). */
  maxWidth?: number;
  /** The value already went through singleLine() and then had ANSI styling added on purpose. */
  styled?: boolean;
}

export function renderTable<Row>(columns: Column<Row>[], rows: Row[]): string {
  const cells = rows.map((row) =>
    columns.map((column) => {
      const value = column.value(row);
      if (column.styled) return value;
      const text = singleLine(value);
      return column.maxWidth ? truncate(text, column.maxWidth) : text;
    })
  );
  const widths = columns.map((column, index) =>
    Math.max(visibleWidth(column.header), ...cells.map((row) => visibleWidth(row[index])))
  );
  const line = (values: string[]) =>
    values
      .map((value, index) => {
        // The last column is not padded: no trailing spaces, and long snippets can run on.
        if (index === values.length - 1 && columns[index].align !== 'right') return value;
        const padding = ' '.repeat(widths[index] - visibleWidth(value));
        return columns[index].align === 'right' ? padding + value : value + padding;
      })
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...cells.map(line)].join('\n') + '\n';
}

