// Walks every page of GET /v3/errors and yields records in order. `offset` is read as a record offset by
// default (next = offset + limit), or as a page number with offsetMode 'page'. Huawei's text does not settle
// which one the service uses, so the pages are checked against `count`: a short or empty page before `count`
// records, or a page overlapping the previous one, stops with SmsPaginationError instead of losing data.
import { listErrorServersQuery } from './generated/spec-facts.js';
import { SmsPaginationError, SmsValidationError } from './errors.js';
import { checkBounds, type ValueBounds } from './value-bounds.js';
import type { ListMigrationErrorsQuery } from './query.js';
import type { components } from './generated/openapi.js';

type Page = components['schemas']['ListErrorServersResponse'];
type MigrationError = components['schemas']['MigrationError'];

export interface PaginateOptions {
  /** Records per page (default: the spec's maximum `limit`). */
  pageSize?: number;
  /** Page requests in flight at once once `count` is known (default 1). Records still come in order. */
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

type FetchPage = (query: ListMigrationErrorsQuery, init: { signal: AbortSignal; headers: Record<string, string> | undefined }) => Promise<Page>;

const OTHER_READING = { record: 'a page number: try offsetMode "page"', page: 'a record offset: try offsetMode "record"' };

/** The bounds of the pager's numeric options: a page holds at least one record and at most the largest `limit`. */
export const pagerBounds = {
  pageSize: { type: 'integer', minimum: 1, maximum: listErrorServersQuery.limit.maximum },
  concurrency: { type: 'integer', minimum: 1 },
} as const satisfies Record<string, ValueBounds>;

/** Throws SmsValidationError naming the first option out of its bounds. */
export function checkPaginateOptions({ pageSize, concurrency, offsetMode }: PaginateOptions): void {
  if (pageSize !== undefined) checkBounds('pageSize', pageSize, pagerBounds.pageSize);
  if (concurrency !== undefined) checkBounds('concurrency', concurrency, pagerBounds.concurrency);
  if (offsetMode !== undefined && offsetMode !== 'record' && offsetMode !== 'page') throw new SmsValidationError('offsetMode', '"record" or "page"');
}

export async function* paginate(fetchPage: FetchPage, query: ListMigrationErrorsQuery = {}, options: PaginateOptions = {}): AsyncGenerator<MigrationError> {
  checkPaginateOptions(options);
  const { pageSize = pagerBounds.pageSize.maximum, concurrency = 1, offsetMode = 'record', signal, headers, onPage } = options;

  // Stops the requests still in flight when the caller stops early or a page disagrees. The listener on the
  // caller's signal goes when the listing ends, however it ends (finally, below).
  signal?.throwIfAborted();
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', abort, { once: true });
  const start = query.offset ?? 0;
  const offsetOf = (page: number) => (offsetMode === 'page' ? start + page : start + page * pageSize);
  const request = (page: number): Promise<Page> => {
    const promise = fetchPage({ ...query, limit: pageSize, offset: offsetOf(page) }, { signal: controller.signal, headers });
    promise.catch(() => {}); // awaited in order below; this only keeps an aborted one from going unhandled
    return promise;
  };

  try {
    const inFlight: Promise<Page>[] = [request(0)];
    let previous = new Set<string>();
    let received = 0;
    let expected = Infinity;
    for (let page = 0; received < expected; page++) {
      const { count, migration_errors: records } = await inFlight.shift()!;
      if (page === 0) expected = Math.max(0, count - (offsetMode === 'page' ? start * pageSize : start));
      const offset = offsetOf(page);
      const keys = records.map((record) => JSON.stringify(record));
      const fail = (what: string) => {
        throw new SmsPaginationError(
          `page at offset ${offset} ${what} after ${received} of ${expected} records; the server seems to read offset as ${OTHER_READING[offsetMode]}`,
          offset,
          received,
          count,
        );
      };
      if (keys.some((key) => previous.has(key))) fail('repeats records of the previous page');
      if (records.length < Math.min(pageSize, expected - received)) fail(`returned ${records.length} records`);
      previous = new Set(keys);
      received += records.length;
      onPage?.({ offset, received, count });
      // Keep `concurrency` requests in flight for the pages still to come.
      const pages = Math.ceil(expected / pageSize);
      while (inFlight.length < concurrency && page + inFlight.length + 1 < pages) inFlight.push(request(page + inFlight.length + 1));
      yield* records.slice(0, expected - received + records.length);
    }
  } finally {
    signal?.removeEventListener('abort', abort);
    controller.abort();
  }
}
