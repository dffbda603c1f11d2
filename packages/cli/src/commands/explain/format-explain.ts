// What `sms-errors explain` prints, per --output. The table: one block per code (code, category title and
// key, HTTP status; the message with its slots, the action, related codes), an unknown code marked as
// such. JSON: the list of entries. NDJSON: one entry per line. CSV: one row per code.
import type { Styles } from '../../output/colour.js';
import { labelled } from '../../output/entry-block.js';
import { catalogueSize, type ExplainedCode } from './explain.js';
import { formatCsv } from '../../output/format-csv.js';
import { formatJson, formatNdjson } from '../../output/format-json.js';
import { printable } from '../../output/one-line.js';
import type { OutputOptions } from '../../shared/parse-args.js';

export const EXPLAIN_CSV_HEADER = ['error_code', 'known', 'category', 'category_title', 'status', 'message', 'action', 'see'] as const;

function block(entry: ExplainedCode, styles: Styles, width: number): string[] {
  const code = styles.code(printable(entry.code));
  if (!entry.known) {
    return [
      `${code}  ${styles.bold('unknown code')}`,
      ...labelled('Message:', `not in the catalogue of ${catalogueSize} codes (Huawei's current table and the SMS FAQ); nothing is guessed`, width),
    ];
  }
  const lines = [
    `${code}  ${styles.bold(entry.category_title ?? '')} (${entry.category})  HTTP ${entry.status}`,
    ...labelled('Message:', entry.message ?? '', width),
    ...labelled('Action:', entry.action ?? '', width),
  ];
  if (entry.see.length > 0) lines.push(...labelled('See also:', entry.see.join(', '), width));
  return lines;
}

function csvRow(entry: ExplainedCode) {
  return [entry.code, String(entry.known), entry.category, entry.category_title, entry.status, entry.message, entry.action, entry.see.join(' ')];
}

export function formatExplainOutput(entries: readonly ExplainedCode[], { format }: OutputOptions, styles: Styles, width: number): string {
  switch (format) {
    case 'json':
      return formatJson(entries);
    case 'ndjson':
      return formatNdjson(entries);
    case 'csv':
      return formatCsv(EXPLAIN_CSV_HEADER, entries, csvRow);
    case 'table':
      return `${entries.map((entry) => block(entry, styles, width).join('\n')).join('\n\n')}\n`;
  }
}
