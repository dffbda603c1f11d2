// The default output of `list`: one row per failed server, columns padded to their widest cell, two spaces
// apart, no trailing spaces; missing values (null) shown as `-`. Cells go through `printable`, so a value
// from the server cannot move the cursor or break a row. Widths are terminal cells (string-width), so
// Chinese host names line up. When the table is wider than the output width (terminal-width.ts), the
// message and the two name columns are cut with `…` to fit (the message keeps at least half of their
// room); IPs and codes are never cut. Before anything is cut, a column that adds nothing to these rows is
// left out (a host name that only repeats the name, a target IP no row has), and the footer says so.
// Then one summary line.
import { cellWidth, padCells, truncateCells, wrapCells } from '../../output/cells.js';
import type { Styles } from '../../output/colour.js';
import { printable } from '../../output/one-line.js';
import { UNLIMITED } from '../../output/terminal-width.js';
import { type Messages, messagesFor } from '../../shared/messages.js';
import type { DecodedRecord } from '../../shared/records.js';

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
  if (decoded.message !== null) {
    return decoded.message;
  }
  if (decoded.reason !== undefined) {
    return `(${text.unreadableReason(decoded.reason)})`;
  }
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
const MESSAGE: Column['title'] = 'columnMessage';
const NAMES: Column['title'][] = ['columnName', 'columnHostName'];

/** A column that may be left out of a narrow table, and when its cells add nothing. */
interface Optional {
  title: Column['title'];
  note: 'hostNameLeftOut' | 'targetIpLeftOut';
  addsNothing(record: DecodedRecord): boolean;
}
const isMissing = (value: string | null | undefined) => value === null || value === undefined || value === '';
const optionalColumns: Optional[] = [
  {
    title: 'columnHostName',
    note: 'hostNameLeftOut',
    addsNothing: (r) => isMissing(r.host_name) || r.host_name === r.name,
  },
  { title: 'columnTargetIp', note: 'targetIpLeftOut', addsNothing: (r) => isMissing(r.target_ip) },
];

/** Each column's cells, as printed before any cut (null: missing). */
function cellsOf(records: readonly DecodedRecord[], shown: readonly Column[], text: Messages): (string | null)[][] {
  return records.map((record) =>
    shown.map((column) => {
      const value = column.cell(record, text);
      return isMissing(value) ? null : printable(value!);
    }),
  );
}

function naturalWidths(titles: readonly string[], rows: readonly (string | null)[][]): number[] {
  return titles.map((title, i) => Math.max(cellWidth(title), ...rows.map((row) => cellWidth(row[i] ?? MISSING))));
}

/**
 * The columns to leave out at this width: none when every cell fits whole; else each column that adds
 * nothing to these rows, so that the width goes to the names and messages before they are cut.
 */
export function columnsToLeaveOut(
  records: readonly DecodedRecord[],
  width: number,
  text: Messages = messagesFor('en'),
): Optional['note'][] {
  if (records.length === 0) {
    return [];
  }
  const natural = naturalWidths(
    columns.map((column) => text[column.title]),
    cellsOf(records, columns, text),
  );
  if (natural.reduce((sum, w) => sum + w, 0) + GAP.length * (natural.length - 1) <= width) {
    return [];
  }
  return optionalColumns.filter((optional) => records.every(optional.addsNothing)).map((optional) => optional.note);
}

/**
 * Column widths that fit `width` cells where they can. The columns that may be cut share what the others
 * leave: the `main` one (the message) gets at least half of it, the `others` (the names) the rest, the
 * widest cut first; none goes below its minimum. A table that cannot fit even then is printed at those
 * minimums, wider than asked.
 */
export function fitWidths(
  natural: readonly number[],
  minWidths: readonly (number | undefined)[],
  width: number,
  main: number,
  others: readonly number[],
): number[] {
  const widths = [...natural];
  const gaps = GAP.length * (widths.length - 1);
  if (widths.reduce((sum, w) => sum + w, 0) + gaps <= width) {
    return widths;
  }
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
    if (widest === undefined) {
      break;
    }
    widths[widest]!--;
    excess--;
  }
  // Whatever the others could not give up comes out of the main column, down to its minimum.
  if (excess > 0) {
    widths[main] = Math.max(min(main), widths[main]! - excess);
  }
  return widths;
}

export function formatTable(
  records: readonly DecodedRecord[],
  styles: Styles,
  width: number,
  text: Messages = messagesFor('en'),
  leftOut: readonly Optional['note'][] = [],
): string {
  if (records.length === 0) {
    return '';
  }
  const hidden = new Set(
    optionalColumns.filter((optional) => leftOut.includes(optional.note)).map((optional) => optional.title),
  );
  const shown = columns.filter((column) => !hidden.has(column.title));
  const titles = shown.map((column) => text[column.title]);
  const rows = cellsOf(records, shown, text);
  const at = (title: Column['title']) => shown.findIndex((column) => column.title === title);
  const widths = fitWidths(
    naturalWidths(titles, rows),
    shown.map((column) => column.minWidth),
    width,
    at(MESSAGE),
    NAMES.map(at).filter((i) => i !== -1),
  );
  const last = shown.length - 1;
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
        if (cell === null) {
          return styles.dim(fitCell(MISSING, i));
        }
        const style = shown[i]!.style;
        return style ? styles[style](fitCell(cell, i)) : fitCell(cell, i);
      }),
    ),
  );
  return `${[header, ...body].join('\n')}\n`;
}

/**
 * `showing 10 of 250 failed source servers (next page: --offset 10, or --all)`, then what the table left
 * out, if anything, wrapped to `width`.
 */
export function formatListFooter(
  shown: number,
  offset: number,
  count: number,
  styles: Styles,
  width = UNLIMITED,
  text: Messages = messagesFor('en'),
  leftOut: readonly Optional['note'][] = [],
): string {
  if (count === 0) {
    return `${styles.dim(text.noFailedServers)}\n`;
  }
  const next = offset + shown < count && shown > 0 ? offset + shown : undefined;
  const notes = leftOut.length > 0 ? [text.leftOutColumns(leftOut.map((note) => text[note]))] : [];
  return [text.listFooter(shown, count, next), ...notes]
    .flatMap((paragraph) => wrapCells(paragraph, width))
    .map((line) => `${styles.dim(line)}\n`)
    .join('');
}
