// Lints error-codes.yaml, which redocly does not read: every key an SMS error code, every value a
// non-empty message whose placeholders are {0}, {1}, ...
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const codes = parse(readFileSync(new URL('./error-codes.yaml', import.meta.url), 'utf8'));
const problems = [];
for (const [code, message] of Object.entries(codes ?? {})) {
  if (!/^SMS\.\d{4}$/.test(code)) problems.push(`${code}: not an SMS error code (SMS.dddd)`);
  if (typeof message !== 'string' || message.trim() === '') problems.push(`${code}: message must be a non-empty string`);
  else for (const [placeholder] of message.matchAll(/\{[^}]*\}/g)) {
    if (!/^\{\d\}$/.test(placeholder)) problems.push(`${code}: placeholder ${placeholder} must be {0}..{9}`);
  }
}
if (problems.length > 0) {
  console.error(`error-codes.yaml: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`error-codes.yaml: ${Object.keys(codes).length} codes, valid`);
