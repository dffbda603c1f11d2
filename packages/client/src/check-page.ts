// The check of each page of a walk against the first page's `count` and the page before it. A walk over a
// live service can go wrong three ways, and a page cannot always tell which: records were added or
// resolved while it walked, the server reads `offset` otherwise than the pager does, or the server sent
// fewer records than asked. A changed `count` proves the first; otherwise the message names every cause
// that fits, so nobody is sent to change offsetMode when the data changed under them.
import { SmsPaginationError } from './errors.js';
import type { components } from './generated/openapi.js';

type MigrationError = components['schemas']['MigrationError'];

/** A page of a walk: where it starts, the `count` it announced, and its records. */
export interface Page {
  offset: number;
  count: number;
  records: MigrationError[];
}

/** Where the walk stands when a page arrives. */
export interface Walk {
  offsetMode: 'record' | 'page';
  pageSize: number;
  /** The first page's `count`. */
  count: number;
  /** Records still expected from this offset on, by the first page's `count`. */
  expected: number;
  /** Records received before this page. */
  received: number;
  /** The previous page's records, as JSON, to find a page that repeats them. */
  previous: Set<string>;
}

const OTHER_MODE = { record: 'page', page: 'record' } as const;

/** Throws SmsPaginationError when `page` disagrees with the walk; returns the page's records as JSON. */
export function checkPage(page: Page, walk: Walk): Set<string> {
  const { offset, count, records } = page;
  const stop = (what: string, causes: string) => {
    throw new SmsPaginationError(
      `page at offset ${offset} ${what} after ${walk.received} of ${walk.received + walk.expected} records: ${causes}`,
      offset,
      walk.received,
      count,
    );
  };
  if (count !== walk.count) {
    stop(
      `announced count ${count}, the first page ${walk.count}`,
      'records were added or resolved during the walk; list again for a consistent result',
    );
  }
  const offsetReading = `the server reads offset as a ${walk.offsetMode === 'record' ? 'page number' : 'record offset'} (try offsetMode "${OTHER_MODE[walk.offsetMode]}")`;
  const keys = new Set(records.map((record) => JSON.stringify(record)));
  if ([...keys].some((key) => walk.previous.has(key))) {
    stop(
      'repeats records of the previous page',
      `either ${offsetReading}, or records were added and resolved during the walk (list again)`,
    );
  }
  if (records.length < Math.min(walk.pageSize, walk.expected)) {
    stop(
      `returned ${records.length} records`,
      `either ${offsetReading}, or records were added and resolved during the walk (list again), or the server sends fewer than ${walk.pageSize} records a page (try a smaller pageSize)`,
    );
  }
  return keys;
}
