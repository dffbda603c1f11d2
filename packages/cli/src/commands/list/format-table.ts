// The default output of `list`: one row per failed server, columns padded to their widest cell, two spaces
// apart, no trailing spaces; missing values (null) shown as `-`. Cells go through `printable`, so a value
// from the server cannot move the cursor or break a row. Widths are terminal cells (string-width), so
// Chinese host names line up. When the table is wider than the output width (terminal-width.ts), the
// message and the two name columns are cut with `…` to fit (the message keeps at least half of their
// room); IPs and codes are never cut.
// Then one summary line.
import { cellWidth, padCells, truncateCells, wrapCells } from '../../output/cells.js';
import type { Styles } from '../../output/colour.js';
import { printable } from '../../output/one-line.js';
import { messagesFor, type Messages } from '../../shared/messages.js';
import type { DecodedRecord } from '../../shared/records.js';
import { UNLIMITED } from '../../output/terminal-width.js';

const MISSING = '-';
const GAP = '  ';

interface Column {
  title: keyof Messages & `column${string}`;
  cell(record: DecodedRecord, text: Messages): string | null;
  style?: keyof Styles;
  /** The narrowest this column may be cut to, in cells; absent: never cut. */
  minWidth?: number;
}

/** The message column's text: the diagnosis, an unknown code's parameters, or why error_json is unreadable. */
export function messageCell({ decoded }: DecodedRecord, text: Messages = messagesFor('en')): string | null {
  if (decoded.message !== null) return decoded.message;
  if (decoded.reason !== undefined) return `(${text.unreadableReason(decoded.reason)})`;
  return text.unknownCodeCell(decoded.params);
}

// Titles are keys of the messages table: each language names the columns.
const columns: Column[] = [
  { title: 'columnName', cell: (r) => r.name, minWidth: 8 },
  { title: 'columnHostName', cell: (r) => r.host_name, minWidth: 9 },
  { title: 'columnSourceIp', cell: (r) => r.source_ip },
  { title: 'columnTargetIp', cell: (r) => r.target_ip },
  { title: 'columnErrorCode', cell: (r) => r.decoded.code, style: 'code' },
  { title: 'columnMessage', cell: (r, text) => messageCell(r, text), minWidth: 12 },
];
const MESSAGE = 5;
const NAMES = [0, 1];

/**
 * Column widths that fit `width` cells where they can. The columns that may be cut share what the others
 * leave: the `main` one (the message) gets at least half of it, the `others` (the names) the rest, the
 * widest cut first; none goes below its minimum. A table that cannot fit even then is printed at those
 * minimums, wider than asked.
 */
export function fitWidths(natural: readonly number[], minWidths: readonly (number | undefined)[], width: number, main: number, others: readonly number[]): number[] {
  const widths = [...natural];
  const gaps = GAP.length * (widths.length - 1);
  if (widths.reduce((sum, w) => sum + w, 0) + gaps <= width) return widths;
  const flexible = [main, ...others];
  const fixed = widths.reduce((sum, w, i) => (flexible.includes(i) ? sum : sum + w), 0);
  const room = width - fixed - gaps;
  const min = (i: number) => Math.min(minWidths[i] ?? natural[i]!, natural[i]!);
  const othersNatural = others.reduce((sum, i) => sum + natural[i]!, 0);
  widths[main] = Math.min(natural[main]!, Math.max(min(main), Math.ceil(room / 2), room - othersNatural));
  // The others share what the main column left, the widest cut first.
  let excess = others.reduce((sum, i) => sum + widths[i]!, 0) - (room - widths[main]!);
  while (excess > 0) {
    const widest = others.filter((i) => widths[i]! > min(i)).sort((a, b) => widths[b]! - widths[a]!)[0];
    if (widest === undefined) break;
    widths[widest]!--;
    excess--;
  }
  // Whatever the others could not give up comes out of the main column, down to its minimum.
  if (excess > 0) widths[main] = Math.max(min(main), widths[main]! - excess);
  return widths;
}

export function formatTable(records: readonly DecodedRecord[], styles: Styles, width: number, text: Messages = messagesFor('en')): string {
  if (records.length === 0) return '';
  const titles = columns.map((column) => text[column.title]);
  const rows = records.map((record) =>
    columns.map((column) => {
      const value = column.cell(record, text);
      return value === null || value === undefined || value === '' ? null : printable(value);
    }),
  );
  const natural = columns.map((_, i) => Math.max(cellWidth(titles[i]!), ...rows.map((row) => cellWidth(row[i] ?? MISSING))));
  const widths = fitWidths(
    natural,
    columns.map((column) => column.minWidth),
    width,
    MESSAGE,
    NAMES,
  );
  const last = columns.length - 1;
  // The last column is not padded, so that no line ends in spaces.
  const fitCell = (text: string, i: number) => {
    const cut = truncateCells(text, widths[i]!);
    return i === last ? cut : padCells(cut, widths[i]!);
  };
  const line = (cells: string[]) => cells.join(GAP).trimEnd();
  const header = line(titles.map((title, i) => styles.bold(fitCell(title, i))));
  const body = rows.map((row) =>
    line(
      row.map((cell, i) => {
        if (cell === null) return styles.dim(fitCell(MISSING, i));
        const style = columns[i]!.style;
        return style ? styles[style](fitCell(cell, i)) : fitCell(cell, i);
      }),
    ),
  );
  return `${[header, ...body].join('\n')}\n`;
}

/** `showing 10 of 250 failed source servers (next page: --offset 10, or --all)`, wrapped to `width`. */
export function formatListFooter(shown: number, offset: number, count: number, styles: Styles, width = UNLIMITED, text: Messages = messagesFor('en')): string {
  if (count === 0) return `${styles.dim(text.noFailedServers)}\n`;
  const next = offset + shown < count && shown > 0 ? offset + shown : undefined;
  return wrapCells(text.listFooter(shown, count, next), width)
    .map((line) => `${styles.dim(line)}\n`)
    .join('');
}
