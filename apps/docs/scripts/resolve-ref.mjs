// Follows local `$ref`s (`#/components/...`) in the parsed spec: the docs read responses and examples
// through them, and the spec has no other kind.

/** Returns the node a local `$ref` points at (following chains), or the node itself. */
export function resolveRef(document, node) {
  const seen = new Set();
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`circular $ref ${ref}`);
    seen.add(ref);
    if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((parent, key) => parent?.[key], document);
    if (current === undefined) throw new Error(`$ref ${ref} points at nothing`);
  }
  return current;
}
