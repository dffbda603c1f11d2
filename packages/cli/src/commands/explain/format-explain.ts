// What `sms-errors explain` prints, per --output. The table: one block per code (code, category title and
// key, HTTP status; the message with its slots, the action, related codes), an unknown code marked as
// such. JSON: the list of entries. NDJSON: one entry per line. CSV: one row per code.
import type { Styles } from '../../output/colour.js';
import { labelled } from '../../output/entry-block.js';
import { formatCsv } from '../../output/format-csv.js';
import { formatJson, formatNdjson } from '../../output/format-json.js';
import { printable } from '../../output/one-line.js';
import { type Messages, messagesFor } from '../../shared/messages.js';
import type { OutputOptions } from '../../shared/parse-args.js';
import { catalogueSize, type ExplainedCode } from './explain.js';

export const EXPLAIN_CSV_HEADER = [
  'error_code',
  'known',
  'category',
  'category_title',
  'status',
  'message',
  'action',
  'see',
] as const;

function block(entry: ExplainedCode, styles: Styles, width: number, text: Messages): string[] {
  const code = styles.code(printable(entry.code));
  if (!entry.known) {
    return [
      `${code}  ${styles.bold(text.unknownCode)}`,
      ...labelled(text.labelMessage, text.notInCatalogue(catalogueSize), width, text.labelWidth),
    ];
  }
  const lines = [
    `${code}  ${styles.bold(entry.category_title ?? '')} (${entry.category})  HTTP ${entry.status}`,
    ...labelled(text.labelMessage, entry.message ?? '', width, text.labelWidth),
    ...labelled(text.labelAction, entry.action ?? '', width, text.labelWidth),
  ];
  if (entry.see.length > 0) {
    lines.push(...labelled(text.labelSeeAlso, entry.see.join(', '), width, text.labelWidth));
  }
  return lines;
}

function csvRow(entry: ExplainedCode) {
  return [
    entry.code,
    String(entry.known),
    entry.category,
    entry.category_title,
    entry.status,
    entry.message,
    entry.action,
    entry.see.join(' '),
  ];
}

export function formatExplainOutput(
  entries: readonly ExplainedCode[],
  { format, lang }: OutputOptions,
  styles: Styles,
  width: number,
): string {
  switch (format) {
    case 'json':
      return formatJson(entries);
    case 'ndjson':
      return formatNdjson(entries);
    case 'csv':
      return formatCsv(EXPLAIN_CSV_HEADER, entries, csvRow);
    case 'table':
      return `${entries.map((entry) => block(entry, styles, width, messagesFor(lang)).join('\n')).join('\n\n')}\n`;
  }
}
