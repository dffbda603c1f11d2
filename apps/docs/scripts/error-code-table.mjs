// The SMS error-code catalogue (spec/error-codes.yaml) as a Markdown table, so the docs never list a code
// or a message that the spec does not.
import { readFileSync } from 'node:fs';
import { escapeMarkdown } from './markdown.mjs';

/** Reads the catalogue (the spec package's error-codes.json): `{ 'SMS.0007': 'message', ... }`, in file order. */
export function readErrorCodes(path) {
  const { codes } = JSON.parse(readFileSync(path, 'utf8'));
  return Object.fromEntries(Object.entries(codes).map(([code, entry]) => [code, entry.message]));
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
