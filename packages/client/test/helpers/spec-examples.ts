// The spec's named examples, so tests compare with the spec rather than with a copy of it.
import { spec } from './spec-facts.js';

export function specExample(name: string): unknown {
  const example = spec.components.examples[name];
  if (!example) {
    throw new Error(`no example "${name}" in the spec`);
  }
  return example.value;
}
