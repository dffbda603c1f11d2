// Pagination against a local server with a real data set and real limit/offset, in both readings of
// `offset`, and against servers whose pages disagree with `count`.
import { afterEach, describe, expect, it } from 'vitest';
import { createSmsClient, type MigrationError, SmsPaginationError, SmsValidationError } from '../src/index.js';
import { type LocalServer, sendJson, startLocalServer } from './helpers/local-server.js';
import { querySchema } from './helpers/spec-facts.js';

const records = (n: number): MigrationError[] =>
  Array.from({ length: n }, (_, i) => ({
    source_id: `id-${i}`,
    source_ip: `10.0.${i >> 8}.${i & 255}`,
    target_ip: null,
    name: `server-${i}`,
    host_name: i % 3 ? `host-${i}` : null,
    error_json: '{"error_code":"SMS.3805","error_param":"[]"}',
  }));

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Reading = 'record' | 'page' | 'ignores-offset' | 'short';

/** A server holding `data`, reading offset as `reading`. */
async function pagingClient(data: MigrationError[], reading: Reading) {
  server = await startLocalServer((request, response) => {
    const limit = Number(request.url.searchParams.get('limit') ?? 50);
    const offset = Number(request.url.searchParams.get('offset'));
    const start = reading === 'page' ? offset * limit : reading === 'ignores-offset' ? 0 : offset;
    const page = data.slice(start, start + (reading === 'short' && offset > 0 ? limit - 1 : limit));
    sendJson(response, 200, { count: data.length, migration_errors: page });
  });
  return createSmsClient({ baseUrl: server.url, token: 't', retryDelayMs: 1 });
}

const offsets = () => server!.requests.map((r) => Number(r.url.searchParams.get('offset')));

describe('paginateMigrationErrors', () => {
  it("yields every record in order, a page of the spec's maximum limit at a time (record offset)", async () => {
    const data = records(250);
    const client = await pagingClient(data, 'record');
    const seen: MigrationError[] = [];
    for await (const record of client.paginateMigrationErrors()) {
      seen.push(record);
    }
    expect(seen).toEqual(data);
    const maximum = querySchema('limit').maximum!;
    expect(server!.requests.map((r) => Number(r.url.searchParams.get('limit')))).toEqual([maximum, maximum, maximum]);
    expect(offsets()).toEqual([0, maximum, 2 * maximum]);
  });

  it('reads offset as a page number with offsetMode "page"', async () => {
    const data = records(95);
    const client = await pagingClient(data, 'page');
    expect(await client.listAllMigrationErrors({}, { pageSize: 10, offsetMode: 'page' })).toEqual(data);
    expect(offsets()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('starts at the given offset and keeps the filter', async () => {
    const data = records(30);
    const client = await pagingClient(data, 'record');
    expect(await client.listAllMigrationErrors({ offset: 10, enterpriseProjectId: 'ep' }, { pageSize: 15 })).toEqual(
      data.slice(10),
    );
    expect(server!.requests.every((r) => r.url.searchParams.get('enterprise_project_id') === 'ep')).toBe(true);
  });

  it('stops at once for an empty data set', async () => {
    const client = await pagingClient([], 'record');
    expect(await client.listAllMigrationErrors()).toEqual([]);
    expect(server!.requests).toHaveLength(1);
  });

  it('says the server seems to use page numbers when record offsets run dry before count', async () => {
    const client = await pagingClient(records(250), 'page');
    const error = await client.listAllMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsPaginationError);
    expect((error as Error).message).toMatch(/page number.*offsetMode "page"/);
    expect(error).toMatchObject({ received: 100, count: 250, offset: 100 });
  });

  it('says the server seems to use record offsets when pages overlap in page mode', async () => {
    const client = await pagingClient(records(250), 'record');
    const error = await client.listAllMigrationErrors({}, { offsetMode: 'page' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsPaginationError);
    expect((error as Error).message).toMatch(/repeats records.*record offset/);
  });

  it('stops on a page that repeats the previous one', async () => {
    const client = await pagingClient(records(250), 'ignores-offset');
    await expect(client.listAllMigrationErrors()).rejects.toBeInstanceOf(SmsPaginationError);
    expect(server!.requests).toHaveLength(2);
  });

  it('stops on a short page before count is reached', async () => {
    const client = await pagingClient(records(250), 'short');
    await expect(client.listAllMigrationErrors()).rejects.toThrow(/returned 99 records/);
  });

  it('keeps `concurrency` requests in flight and still yields in order', async () => {
    // The server holds its answers until as many requests are waiting as the client should have in flight
    // (1 before count is known, then 4, then what is left), and answers them last first. A client with fewer
    // in flight never gets an answer (the test times out); one with more is seen in maxWaiting.
    const data = records(1000);
    const pageSize = 100;
    const pages = data.length / pageSize;
    const concurrency = 4;
    const waiting: (() => void)[] = [];
    let answered = 0;
    let maxWaiting = 0;
    server = await startLocalServer((request, response) => {
      const offset = Number(request.url.searchParams.get('offset'));
      waiting.push(() =>
        sendJson(response, 200, { count: data.length, migration_errors: data.slice(offset, offset + pageSize) }),
      );
      maxWaiting = Math.max(maxWaiting, waiting.length);
      const expected = answered === 0 ? 1 : Math.min(concurrency, pages - answered);
      if (waiting.length < expected) {
        return;
      }
      answered += waiting.length;
      for (const answer of waiting.splice(0).reverse()) {
        answer();
      }
    });
    const client = createSmsClient({ baseUrl: server.url, token: 't' });
    const progress: number[] = [];
    const all = await client.listAllMigrationErrors(
      {},
      { pageSize, concurrency, onPage: ({ received }) => progress.push(received) },
    );
    expect(all).toEqual(data);
    expect(maxWaiting).toBe(concurrency);
    expect(progress).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  }, 10_000);

  it('stops requesting, and aborts the requests in flight, when the caller stops early', async () => {
    // Pages 0 and 1 are answered at once; later pages only end when aborted. The caller stops in page 1.
    const data = records(1000);
    const pageSize = querySchema('limit').maximum!;
    const sent: { offset: number; signal: AbortSignal }[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      const offset = Number(new URL(request.url).searchParams.get('offset'));
      sent.push({ offset, signal: request.signal });
      if (offset >= 2 * pageSize) {
        await new Promise((_, reject) =>
          request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true }),
        );
      }
      const body = JSON.stringify({ count: data.length, migration_errors: data.slice(offset, offset + pageSize) });
      return new Response(body, { headers: { 'Content-Type': 'application/json' } });
    };
    const client = createSmsClient({ baseUrl: 'http://127.0.0.1:4', token: 't', fetch });
    let taken = 0;
    for await (const _ of client.paginateMigrationErrors({}, { concurrency: 2 })) {
      if (++taken === pageSize + pageSize / 2) {
        break;
      }
    }
    const unanswered = () => sent.filter(({ offset }) => offset >= 2 * pageSize);
    // With 2 in flight, at most the two pages after page 1 were asked for, and each was aborted.
    expect(
      sent
        .map(({ offset }) => offset)
        .sort((a, b) => a - b)
        .slice(0, 3),
    ).toEqual([0, pageSize, 2 * pageSize]);
    expect(sent.every(({ offset }) => offset <= 3 * pageSize)).toBe(true);
    await expect.poll(() => unanswered().every(({ signal }) => signal.aborted)).toBe(true);
  });

  it.each([
    [{ pageSize: 0 }, 'pageSize'],
    [{ pageSize: querySchema('limit').maximum! + 1 }, 'pageSize'],
    [{ concurrency: 0 }, 'concurrency'],
    [{ offsetMode: 'cursor' }, 'offsetMode'],
  ])('refuses %o before sending', async (options, parameter) => {
    const client = await pagingClient(records(5), 'record');
    const error = await client.listAllMigrationErrors({}, options as object).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsValidationError);
    expect((error as SmsValidationError).parameter).toBe(parameter);
    expect(server!.requests).toHaveLength(0);
  });
});
