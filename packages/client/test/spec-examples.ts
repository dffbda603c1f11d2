// Reads the spec's named examples, so tests compare with the spec rather than with a copy of it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse } from 'yaml';

const require = createRequire(import.meta.url);
const spec = parse(readFileSync(require.resolve('@sms-errors/spec/openapi.yaml'), 'utf8'));

export function specExample(name: string): unknown {
  const example = spec.components.examples[name];
  if (!example) throw new Error(`no example "${name}" in the spec`);
  return example.value;
}
