// The default output: one row per failed server, columns padded to their widest cell, two spaces apart,
// no trailing spaces; missing values (null) shown as `-`. Cells go through `printable`, so a value from
// the server cannot move the cursor or break a row. Then one summary line.
import type { DecodedRecord } from './records.js';
import type { Styles } from './colour.js';
import { printable } from './one-line.js';

const MISSING = '-';

interface Column {
  title: string;
  cell(record: DecodedRecord): string | null;
  style?: keyof Styles;
}

const columns: Column[] = [
  { title: 'NAME', cell: (r) => r.name },
  { title: 'HOST NAME', cell: (r) => r.host_name },
  { title: 'SOURCE IP', cell: (r) => r.source_ip },
  { title: 'TARGET IP', cell: (r) => r.target_ip },
  { title: 'ERROR CODE', cell: (r) => r.decoded.code, style: 'code' },
  // An unreadable error_json says why, in parentheses, where the message would be.
  { title: 'MESSAGE', cell: (r) => r.decoded.message ?? (r.decoded.reason ? `(${r.decoded.reason})` : null) },
];

/** Width in terminal columns, counting code points (not UTF-16 units). */
const width = (text: string) => [...text].length;

export function formatTable(records: readonly DecodedRecord[], styles: Styles): string {
  if (records.length === 0) return '';
  const rows = records.map((record) => columns.map((column) => {
    const value = column.cell(record);
    return value === null || value === undefined || value === '' ? null : printable(value);
  }));
  const widths = columns.map((column, i) => Math.max(width(column.title), ...rows.map((row) => width(row[i] ?? MISSING))));
  const line = (cells: string[]) => cells.join('  ').trimEnd();
  const pad = (text: string, i: number) => (i === columns.length - 1 ? text : text + ' '.repeat(widths[i]! - width(text)));
  const header = line(columns.map((column, i) => styles.bold(pad(column.title, i))));
  const body = rows.map((row) =>
    line(
      row.map((cell, i) => {
        if (cell === null) return styles.dim(pad(MISSING, i));
        const style = columns[i]!.style;
        return style ? styles[style](pad(cell, i)) : pad(cell, i);
      }),
    ),
  );
  return `${[header, ...body].join('\n')}\n`;
}

/** `showing 10 of 250 failed source servers (next page: --offset 10, or --all)`. */
export function formatSummary(shown: number, offset: number, count: number, styles: Styles): string {
  if (count === 0) return `${styles.dim('no failed source servers')}\n`;
  const next = offset + shown < count && shown > 0 ? ` (next page: --offset ${offset + shown}, or --all)` : '';
  return `${styles.dim(`showing ${shown} of ${count} failed source servers${next}`)}\n`;
}
