// What `sms-errors diff` prints, per --output. table: a section each for new, changed (old code -> new
// code) and resolved, each row with the catalogue's category and action, then the count of unchanged.
// json: {"new", "resolved", "changed": [{"before", "after"}], "unchanged": N, "duplicates"}, records as
// `list --output json` prints them. ndjson: one object per server with "change" first (unchanged ones
// only with --all). csv: list's columns with `change` first and the previous code last.
import { errorCategoryText } from '@sms-errors/client/decode/zh';
import { cellWidth, padCells, truncateCells } from '../../output/cells.js';
import type { Styles } from '../../output/colour.js';
import { formatCsv } from '../../output/format-csv.js';
import { formatJson, formatNdjson } from '../../output/format-json.js';
import { printable } from '../../output/one-line.js';
import { type Language, type Messages, messagesFor } from '../../shared/messages.js';
import type { OutputFormat } from '../../shared/parse-args.js';
import type { DecodedRecord } from '../../shared/records.js';
import { fitWidths } from '../list/format-table.js';
import { LIST_CSV_HEADER, listCsvRow } from '../list/list-output.js';
import type { Comparison } from './compare.js';

export type Change = 'new' | 'changed' | 'resolved' | 'unchanged';

/** One server of the comparison: its record now (before, for a resolved one) and, if changed, the record before. */
export interface ChangedServer {
  change: Change;
  record: DecodedRecord;
  before?: DecodedRecord;
}

/** The servers in print order: new, changed, resolved, then (when asked) unchanged. */
export function changedServers(comparison: Comparison, includeUnchanged: boolean): ChangedServer[] {
  return [
    ...comparison.new.map((record) => ({ change: 'new' as const, record })),
    ...comparison.changed.map(({ before, after }) => ({ change: 'changed' as const, record: after, before })),
    ...comparison.resolved.map((record) => ({ change: 'resolved' as const, record })),
    ...(includeUnchanged ? comparison.unchanged.map((record) => ({ change: 'unchanged' as const, record })) : []),
  ];
}

const codeText = (record: DecodedRecord, text: Messages): string => record.decoded.code ?? text.unreadableCodeCell;

export function categoryTitle(record: DecodedRecord, lang: Language): string | null {
  return record.decoded.category === null ? null : errorCategoryText(record.decoded.category, { lang }).title;
}

const MISSING = '-';
const GAP = '  ';
const headings = (text: Messages) => [
  text.columnName,
  text.columnSourceIp,
  text.columnErrorCode,
  text.columnCategory,
  text.columnAction,
];
const ACTION = 4;
const NAME = 0;
const MIN_WIDTHS = [8, undefined, undefined, 10, 16];

function sectionRows(servers: ChangedServer[], lang: Language, text: Messages): string[][] {
  return servers.map(({ record, before }) => [
    printable(record.name || MISSING),
    printable(record.source_ip || MISSING),
    printable(before === undefined ? codeText(record, text) : `${codeText(before, text)} -> ${codeText(record, text)}`),
    categoryTitle(record, lang) ?? MISSING,
    printable(
      record.decoded.action ?? (record.decoded.code === null ? text.diffUnreadableAction : text.diffUnknownAction),
    ),
  ]);
}

function formatDiffTable(comparison: Comparison, styles: Styles, width: number, lang: Language): string {
  const text = messagesFor(lang);
  const HEADINGS = headings(text);
  const sections: ['new' | 'changed' | 'resolved', ChangedServer[]][] = [
    ['new', changedServers({ ...comparison, changed: [], resolved: [] }, false)],
    ['changed', changedServers({ ...comparison, new: [], resolved: [] }, false)],
    ['resolved', changedServers({ ...comparison, new: [], changed: [] }, false)],
  ];
  const shown = sections.filter(([, servers]) => servers.length > 0);
  const rows = shown.flatMap(([, servers]) => sectionRows(servers, lang, text));
  // One set of widths for every section, so that the columns line up down the whole output.
  const natural = HEADINGS.map((heading, i) => Math.max(cellWidth(heading), ...rows.map((row) => cellWidth(row[i]!))));
  const widths = fitWidths(natural, MIN_WIDTHS, width, ACTION, [NAME]);
  const line = (cells: string[], style: (text: string) => string = (text) => text) =>
    cells
      .map((cell, i) =>
        i === cells.length - 1
          ? truncateCells(cell, widths[i]!)
          : padCells(truncateCells(cell, widths[i]!), widths[i]!),
      )
      .map((cell) => style(cell))
      .join(GAP)
      .trimEnd();
  const out: string[] = [];
  for (const [change, servers] of shown) {
    out.push(
      styles.bold(text.diffSection(change, servers.length)),
      line(HEADINGS, styles.dim),
      ...sectionRows(servers, lang, text).map((row) => line(row)),
      '',
    );
  }
  out.push(
    shown.length === 0
      ? text.diffNoChanges(comparison.unchanged.length)
      : styles.dim(text.diffUnchanged(comparison.unchanged.length)),
  );
  return `${out.join('\n')}\n`;
}

/** `--output json`: one document; unchanged servers as a count. */
export function diffJson(comparison: Comparison) {
  return {
    new: comparison.new,
    resolved: comparison.resolved,
    changed: comparison.changed,
    unchanged: comparison.unchanged.length,
    duplicates: comparison.duplicates,
  };
}

/** One NDJSON object: `change` first, then the record; a changed one also carries the error it had before. */
export function ndjsonObject({ change, record, before }: ChangedServer): Record<string, unknown> {
  return {
    change,
    ...record,
    ...(before ? { before: { error_json: before.error_json, decoded: before.decoded } } : {}),
  };
}

export const DIFF_CSV_HEADER = ['change', ...LIST_CSV_HEADER, 'previous_error_code'] as const;

export function formatDiffOutput(
  comparison: Comparison,
  format: OutputFormat,
  includeUnchanged: boolean,
  styles: Styles,
  width: number,
  lang: Language = 'en',
): string {
  switch (format) {
    case 'json':
      return formatJson(diffJson(comparison));
    case 'ndjson':
      return formatNdjson(changedServers(comparison, includeUnchanged).map(ndjsonObject));
    case 'csv':
      return formatCsv(DIFF_CSV_HEADER, changedServers(comparison, includeUnchanged), ({ change, record, before }) => [
        change,
        ...listCsvRow(record),
        before?.decoded.code ?? null,
      ]);
    case 'table':
      return formatDiffTable(comparison, styles, width, lang);
  }
}
