// Walks every page of GET /v3/errors, split as Octokit splits its paginate: a page iterator (requests, in
// order, `concurrency` at a time), a check of each page (./check-page.ts), and the records on top (the
// collection is the client's listAllMigrationErrors). `offset` is read as a record offset by default (next =
// offset + limit), or as a page number with offsetMode 'page': Huawei's text does not settle which one the
// service uses, so every page is checked against the first page's `count` instead of losing data.

import { checkPage, type Page } from './check-page.js';
import { SmsValidationError } from './errors.js';
import type { components } from './generated/openapi.js';
import { listErrorServersQuery } from './generated/spec-facts.js';
import type { ListMigrationErrorsQuery } from './query.js';
import { checkBounds, type ValueBounds } from './value-bounds.js';

export type { Page };

type ListErrorServersResponse = components['schemas']['ListErrorServersResponse'];
type MigrationError = components['schemas']['MigrationError'];

export interface PaginateOptions {
  /** Records per page (default: the spec's maximum `limit`). */
  pageSize?: number;
  /** Page requests in flight at once once `count` is known (default 1). Pages still come in order. */
  concurrency?: number;
  /** How `offset` is read: 'record' (default, next = offset + limit) or 'page' (next = offset + 1). */
  offsetMode?: 'record' | 'page';
  /** Aborts the listing and every request in flight. */
  signal?: AbortSignal;
  /** Extra request headers. */
  headers?: Record<string, string>;
  /** Called after each page, in order. */
  onPage?: (progress: { offset: number; received: number; count: number }) => void;
}

type FetchPage = (
  query: ListMigrationErrorsQuery,
  init: { signal: AbortSignal; headers: Record<string, string> | undefined },
) => Promise<ListErrorServersResponse>;

/** The bounds of the pager's numeric options: a page holds at least one record and at most the largest `limit`. */
export const pagerBounds = {
  pageSize: { type: 'integer', minimum: 1, maximum: listErrorServersQuery.limit.maximum },
  concurrency: { type: 'integer', minimum: 1 },
} as const satisfies Record<string, ValueBounds>;

/** Throws SmsValidationError naming the first option out of its bounds. */
export function checkPaginateOptions({ pageSize, concurrency, offsetMode }: PaginateOptions): void {
  if (pageSize !== undefined) {
    checkBounds('pageSize', pageSize, pagerBounds.pageSize);
  }
  if (concurrency !== undefined) {
    checkBounds('concurrency', concurrency, pagerBounds.concurrency);
  }
  if (offsetMode !== undefined && offsetMode !== 'record' && offsetMode !== 'page') {
    throw new SmsValidationError('offsetMode', '"record" or "page"');
  }
}

/** Every page, in order, each checked; the last page's records stop at the first page's `count`. */
export async function* paginatePages(
  fetchPage: FetchPage,
  query: ListMigrationErrorsQuery = {},
  options: PaginateOptions = {},
): AsyncGenerator<Page> {
  checkPaginateOptions(options);
  const {
    pageSize = pagerBounds.pageSize.maximum,
    concurrency = 1,
    offsetMode = 'record',
    signal,
    headers,
    onPage,
  } = options;

  // Stops the requests still in flight when the caller stops early or a page disagrees. The listener on the
  // caller's signal goes when the listing ends, however it ends (finally, below).
  signal?.throwIfAborted();
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  const start = query.offset ?? 0;
  const offsetOf = (page: number) => (offsetMode === 'page' ? start + page : start + page * pageSize);
  const request = (page: number): Promise<ListErrorServersResponse> => {
    const promise = fetchPage(
      { ...query, limit: pageSize, offset: offsetOf(page) },
      { signal: controller.signal, headers },
    );
    promise.catch(() => {}); // awaited in order below; this only keeps an aborted one from going unhandled
    return promise;
  };

  try {
    const inFlight = [request(0)];
    const walk = { offsetMode, pageSize, count: 0, expected: Infinity, received: 0, previous: new Set<string>() };
    for (let index = 0; walk.expected > 0; index++) {
      const { count, migration_errors } = await inFlight.shift()!;
      if (index === 0) {
        walk.count = count;
        walk.expected = Math.max(0, count - (offsetMode === 'page' ? start * pageSize : start));
      }
      const page = { offset: offsetOf(index), count, records: migration_errors };
      walk.previous = checkPage(page, walk);
      page.records = migration_errors.slice(0, walk.expected);
      walk.received += page.records.length;
      walk.expected -= page.records.length;
      onPage?.({ offset: page.offset, received: walk.received, count });
      // Keep `concurrency` requests in flight for the pages still to come.
      const pagesLeft = Math.ceil(walk.expected / pageSize);
      while (inFlight.length < Math.min(concurrency, pagesLeft)) {
        inFlight.push(request(index + inFlight.length + 1));
      }
      yield page;
    }
  } finally {
    signal?.removeEventListener('abort', abort);
    controller.abort();
  }
}

/** Every record, in order, page after page. */
export async function* paginate(
  fetchPage: FetchPage,
  query?: ListMigrationErrorsQuery,
  options?: PaginateOptions,
): AsyncGenerator<MigrationError> {
  for await (const page of paginatePages(fetchPage, query, options)) {
    yield* page.records;
  }
}
