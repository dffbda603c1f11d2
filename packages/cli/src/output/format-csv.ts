// `--output csv`: RFC 4180 (a header row, CRLF line ends, a field quoted when it holds a comma, a quote, CR
// or LF, quotes doubled inside). Spreadsheets run a cell that starts with `=`, `+`, `-`, `@`, a tab or a CR
// as a formula, and a host name or an error parameter comes from the servers being migrated, so such a
// cell is prefixed with `'` (OWASP's advice against CSV injection) and shows as text.

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: null and undefined are empty, a would-be formula is defused, then quoted if needed. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) {
    return '';
  }
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) {
    text = `'${text}`;
  }
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole document: the header row, then one row per item, every line ending in CRLF. */
export function formatCsv<T>(
  header: readonly string[],
  items: readonly T[],
  row: (item: T) => (string | number | null | undefined)[],
): string {
  return [header.map(csvField), ...items.map((item) => row(item).map(csvField))]
    .map((fields) => `${fields.join(',')}\r\n`)
    .join('');
}
