// The SMS error-code catalogue (spec/error-codes.yaml) as a Markdown table, so the docs never list a code
// or a message that the spec does not.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { escapeMarkdown } from './markdown.mjs';

/** Reads the catalogue: `{ 'SMS.0007': 'Agent error', ... }`, in file order. */
export function readErrorCodes(path) {
  const catalogue = parse(readFileSync(path, 'utf8'));
  if (catalogue === null || typeof catalogue !== 'object' || Array.isArray(catalogue)) {
    throw new Error(`${path}: expected a map of error codes to messages`);
  }
  for (const [code, message] of Object.entries(catalogue)) {
    if (typeof message !== 'string') throw new Error(`${path}: the message of ${code} is not a string`);
  }
  return catalogue;
}

/**
 * One row per code. The code is plain text, not code, because Redoc breaks code anywhere in a narrow table
 * column; `{0}`, `{1}`, ... (filled from `error_param`) are code so they stand out.
 */
export function errorCodeTable(catalogue) {
  const rows = Object.entries(catalogue).map(([code, message]) => {
    const cell = escapeMarkdown(message).replace(/\{(\d+)\}/g, '`{$1}`');
    return `| ${escapeMarkdown(code)} | ${cell} |`;
  });
  return ['| Code | Meaning |', '| --- | --- |', ...rows].join('\n');
}
