// Follows local `$ref`s (`#/components/...`) in the parsed spec. One implementation for every package that
// reads openapi.yaml itself (the client's generator, the docs build, the mock's sandbox): the spec uses no
// other kind of reference.

/** Returns the node a local `$ref` points at (following chains), or the node itself. */
export function resolveRef(document, node) {
  const seen = new Set();
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (seen.has(ref)) throw new Error(`spec: circular $ref ${ref}`);
    seen.add(ref);
    if (!ref.startsWith('#/')) throw new Error(`spec: only local $refs are supported, got ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce((parent, key) => parent?.[key], document);
    if (current === undefined) throw new Error(`spec: $ref ${ref} points at nothing`);
  }
  return current;
}
