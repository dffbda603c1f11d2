// The two fields every page must have, checked on every 2xx body, strict mode or not: without a usable
// `count` the pager cannot tell a complete listing from a truncated one, and without a `migration_errors`
// array there is nothing to list. (Strict mode checks the rest of the schema.)
import type { components } from './generated/openapi.js';

type Page = components['schemas']['ListErrorServersResponse'];

// The field names, typed against the generated types: a renamed field in the spec fails the build here.
const COUNT: keyof Page = 'count';
const RECORDS: keyof Page = 'migration_errors';

/** The first field of `body` that is missing or of the wrong kind, as a sentence; undefined when both are fine. */
export function checkPageShape(body: unknown): string | undefined {
  const page = Object(body) as Record<string, unknown>;
  const count = page[COUNT];
  if (!Number.isInteger(count) || (count as number) < 0) {
    const found =
      count === undefined
        ? 'missing'
        : typeof count === 'number'
          ? String(count)
          : count === null
            ? 'null'
            : `a ${typeof count}`;
    return `${COUNT} must be a non-negative integer (found: ${found})`;
  }
  if (!Array.isArray(page[RECORDS])) {
    return `${RECORDS} must be an array`;
  }
  return undefined;
}
