// `--output json`: one document, indented, one trailing newline. `--output ndjson`: one compact JSON
// document per line (a record of `list`, a code of `summary` or `explain`), for `jq -c`, log shippers and
// line-by-line readers.

export function formatJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function formatNdjson(items: readonly unknown[]): string {
  return items.map((item) => `${JSON.stringify(item)}\n`).join('');
}
