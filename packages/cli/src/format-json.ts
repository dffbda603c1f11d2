// `--json`: the decoded records in the API's own page shape, indented, one trailing newline.
import type { JsonOutput } from './records.js';

export function formatJson(output: JsonOutput): string {
  return `${JSON.stringify(output, null, 2)}\n`;
}
