// What `sms-errors summary` prints, per --output. The table: one block per error code, most affected
// servers first (code, category, how many servers; the message with its slots, the action, related codes;
// the first servers with their source IP and parameters, then "and N more"), then a line per category with
// its total and the overall count. JSON: the whole grouping. NDJSON: one code group per line. CSV: one row
// per code group (`list --all --output csv` has one row per server).
import { cellWidth, padCells, truncateCells } from '../../output/cells.js';
import type { Styles } from '../../output/colour.js';
import { labelled, labelledLines, roomAfterLabel } from '../../output/entry-block.js';
import { formatCsv } from '../../output/format-csv.js';
import { formatJson, formatNdjson } from '../../output/format-json.js';
import { printable } from '../../output/one-line.js';
import { type Messages, messagesFor } from '../../shared/messages.js';
import type { OutputOptions } from '../../shared/parse-args.js';
import type { DecodedRecord } from '../../shared/records.js';
import { fitWidths } from '../list/format-table.js';
import type { SinceMarks } from './since.js';
import type { CodeGroup, Summary } from './summarize.js';
import { groupJson, summaryJson } from './summary-json.js';

/** The servers listed under a code in the table; the rest are counted. */
export const SERVERS_SHOWN = 10;

export const SUMMARY_CSV_HEADER = [
  'error_code',
  'known',
  'category',
  'category_title',
  'status',
  'servers',
  'message',
  'action',
  'see',
] as const;

/** What follows a server's name and IP: its parameters, or why its error_json cannot be read. */
const detailOf = ({ decoded }: DecodedRecord, text: Messages) =>
  decoded.reason !== undefined ? `(${text.unreadableReason(decoded.reason)})` : decoded.params.join(', ');

/** The first servers of a group as aligned lines (name, source IP, detail), cut to `room` cells. */
function serverLines(
  group: CodeGroup,
  room: number,
  styles: Styles,
  text: Messages,
  marks: SinceMarks | undefined,
): string[] {
  const nameOf = (server: DecodedRecord) => {
    const mark = marks?.server(server);
    return `${printable(server.name) || '-'}${mark ? ` (${text.sinceServerMark(mark)})` : ''}`;
  };
  const shown = group.records
    .slice(0, SERVERS_SHOWN)
    .map((server) => [nameOf(server), printable(server.source_ip), printable(detailOf(server, text))]);
  const hasDetail = shown.some((row) => row[2] !== '');
  const rows = shown.map((row) => (hasDetail ? row : row.slice(0, 2)));
  const natural = rows[0]!.map((_, i) => Math.max(...rows.map((row) => cellWidth(row[i]!))));
  const widths =
    rows[0]!.length === 3
      ? fitWidths(natural, [8, undefined, 8], room, 2, [0])
      : fitWidths(natural, [8, undefined], room, 0, []);
  const last = widths.length - 1;
  const lines = rows.map((row) =>
    row
      .map((cell, i) =>
        i === last ? truncateCells(cell, widths[i]!) : padCells(truncateCells(cell, widths[i]!), widths[i]!),
      )
      .join('  ')
      .trimEnd(),
  );
  const more = group.servers - shown.length;
  return more > 0 ? [...lines, styles.dim(text.andMore(more))] : lines;
}

function heading(group: CodeGroup, styles: Styles, text: Messages, marks: SinceMarks | undefined): string {
  const servers = text.servers(group.servers);
  const mark = marks?.group(group.code);
  const since = mark ? `  ${styles.bold(text.sinceGroupMark(mark))}` : '';
  if (group.code === null) {
    return `${styles.bold(text.unreadableErrorJson)}  ${servers}${since}`;
  }
  return `${styles.code(printable(group.code))}  ${styles.bold(group.category_title ?? text.unknownCode)}  ${servers}${since}`;
}

function groupBlock(
  group: CodeGroup,
  styles: Styles,
  width: number,
  text: Messages,
  marks: SinceMarks | undefined,
): string[] {
  const label = (name: string, value: string) => labelled(name, value, width, text.labelWidth);
  const lines = [heading(group, styles, text, marks)];
  if (group.code === null) {
    lines.push(...label(text.labelMessage, text.unreadableGroupMessage));
  } else if (!group.known) {
    lines.push(...label(text.labelMessage, text.unknownGroupMessage));
  } else {
    lines.push(...label(text.labelMessage, group.message ?? ''), ...label(text.labelAction, group.action ?? ''));
    if (group.see.length > 0) {
      lines.push(...label(text.labelSeeAlso, group.see.join(', ')));
    }
  }
  lines.push(
    ...labelledLines(
      text.labelServers,
      serverLines(group, roomAfterLabel(width, text.labelWidth), styles, text, marks),
      text.labelWidth,
    ),
  );
  return lines;
}

/** `12 servers` and `1 server` in a column: numbers right-aligned, words left-aligned after them. */
function countColumn(values: readonly (number | undefined)[], unit: (n: number) => string): string[] {
  const numbers = values.map((n) => (n === undefined ? '' : n.toLocaleString('en-US')));
  const numberWidth = Math.max(...numbers.map((text) => text.length));
  const cells = values.map((n, i) => (n === undefined ? '' : `${numbers[i]!.padStart(numberWidth)} ${unit(n)}`));
  const widest = Math.max(...cells.map(cellWidth));
  return cells.map((cell) => (cell === '' ? '' : padCells(cell, widest)));
}

function totals(summary: Summary, styles: Styles, text: Messages): string[] {
  const rows: [string, number, number | undefined][] = summary.categories.map((total) => [
    total.title,
    total.servers,
    total.codes,
  ]);
  if (summary.unknown.servers > 0) {
    rows.push([text.unknownCodesTotal, summary.unknown.servers, summary.unknown.codes]);
  }
  if (summary.unreadable.servers > 0) {
    rows.push([text.unreadableTotal, summary.unreadable.servers, undefined]);
  }
  const titleWidth = Math.max(...rows.map(([title]) => cellWidth(title)));
  const servers = countColumn(
    rows.map(([, n]) => n),
    text.serverUnit,
  );
  const codes = countColumn(
    rows.map(([, , n]) => n),
    text.codeUnit,
  );
  const lines = rows.map(([title], i) => `  ${padCells(title, titleWidth)}  ${servers[i]}  ${codes[i]}`.trimEnd());
  const codeCount = summary.codes.filter((group) => group.code !== null).length;
  return [styles.bold(text.byCategory), ...lines, text.summaryTotal(summary.count, codeCount, summary.unknown.codes)];
}

/** `Since monday.json: 3 new, 2 changed, 1 resolved`, under the totals. */
function sinceLine({ snapshot, counts }: SinceMarks, text: Messages): string {
  return text.sinceLine(printable(snapshot), counts.new, counts.changed, counts.resolved);
}

export function formatSummaryTable(
  summary: Summary,
  styles: Styles,
  width: number,
  text: Messages = messagesFor('en'),
  marks?: SinceMarks,
): string {
  if (summary.count === 0) {
    return `${styles.dim(text.noFailedServers)}\n${marks ? `${sinceLine(marks, text)}\n` : ''}`;
  }
  const blocks = summary.codes.map((group) => groupBlock(group, styles, width, text, marks).join('\n'));
  return `${[...blocks, [...totals(summary, styles, text), ...(marks ? [sinceLine(marks, text)] : [])].join('\n')].join('\n\n')}\n`;
}

function csvRow(group: CodeGroup) {
  return [
    group.code,
    String(group.known),
    group.category,
    group.category_title,
    group.status,
    group.servers,
    group.message,
    group.action,
    group.see.join(' '),
  ];
}

export function formatSummaryOutput(
  summary: Summary,
  { format, lang }: OutputOptions,
  styles: Styles,
  width: number,
  marks?: SinceMarks,
): string {
  switch (format) {
    case 'json':
      return formatJson(summaryJson(summary, marks));
    case 'ndjson':
      return formatNdjson(summary.codes.map((group) => groupJson(group, marks)));
    case 'csv':
      // With --since, a last column says whether the code group is new or changed.
      return marks === undefined
        ? formatCsv(SUMMARY_CSV_HEADER, summary.codes, csvRow)
        : formatCsv([...SUMMARY_CSV_HEADER, 'since'], summary.codes, (group) => [
            ...csvRow(group),
            marks.group(group.code) ?? null,
          ]);
    case 'table':
      return formatSummaryTable(summary, styles, width, messagesFor(lang), marks);
  }
}
