// What `sms-errors list` prints, per --output: the table with its summary line, the page as JSON, one
// record per line (NDJSON), or one CSV row per server with the decoded columns.
import type { Styles } from '../../output/colour.js';
import { formatCsv } from '../../output/format-csv.js';
import { formatJson, formatNdjson } from '../../output/format-json.js';
import { messagesFor } from '../../shared/messages.js';
import type { ListCommand } from '../../shared/parse-args.js';
import type { DecodedRecord, JsonOutput } from '../../shared/records.js';
import { columnsToLeaveOut, formatListFooter, formatTable } from './format-table.js';

/** The CSV columns of `list`: the record's own fields, then the decoded ones. */
export const LIST_CSV_HEADER = [
  'name',
  'host_name',
  'source_ip',
  'target_ip',
  'source_id',
  'error_code',
  'category',
  'status',
  'message',
  'action',
  'params',
] as const;

export function listCsvRow({ name, host_name, source_ip, target_ip, source_id, decoded }: DecodedRecord) {
  // params as a JSON array, so that values holding commas stay apart; the reason stands in for an unreadable message.
  const message = decoded.message ?? (decoded.reason !== undefined ? `(${decoded.reason})` : null);
  return [
    name,
    host_name,
    source_ip,
    target_ip,
    source_id,
    decoded.code,
    decoded.category,
    decoded.status,
    message,
    decoded.action,
    JSON.stringify(decoded.params),
  ];
}

export function formatListOutput(output: JsonOutput, command: ListCommand, styles: Styles, width: number): string {
  switch (command.format) {
    case 'json':
      return formatJson(output);
    case 'ndjson':
      return formatNdjson(output.migration_errors);
    case 'csv':
      return formatCsv(LIST_CSV_HEADER, output.migration_errors, listCsvRow);
    case 'table': {
      const text = messagesFor(command.lang);
      const records = output.migration_errors;
      const leftOut = columnsToLeaveOut(records, width, text);
      return (
        formatTable(records, styles, width, text, leftOut) +
        formatListFooter(records.length, command.offset ?? 0, output.count, styles, width, text, leftOut)
      );
    }
  }
}
