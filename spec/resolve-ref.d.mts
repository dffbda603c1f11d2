/** Returns the node a local `$ref` points at (following chains), or the node itself. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function resolveRef<T = any>(document: unknown, node: unknown): T;
