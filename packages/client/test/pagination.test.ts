// Pagination against a local server with a real data set and real limit/offset, in both readings of
// `offset`, and against servers whose pages disagree with `count`.
import { afterEach, describe, expect, it } from 'vitest';
import { createSmsClient, SmsPaginationError, SmsValidationError, type MigrationError } from '../src/index.js';
import { querySchema } from './helpers/spec-facts.js';
import { sendJson, startLocalServer, type LocalServer } from './helpers/local-server.js';

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
let inFlight = 0;
let maxInFlight = 0;

/** A server holding `data`, reading offset as `reading`, answering after `delayMs`. */
async function pagingClient(data: MigrationError[], reading: Reading, delayMs = 0) {
  inFlight = 0;
  maxInFlight = 0;
  server = await startLocalServer(async (request, response) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    inFlight--;
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
    for await (const record of client.paginateMigrationErrors()) seen.push(record);
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
    expect(await client.listAllMigrationErrors({ offset: 10, enterpriseProjectId: 'ep' }, { pageSize: 15 })).toEqual(data.slice(10));
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
    const data = records(1000);
    const client = await pagingClient(data, 'record', 30);
    const progress: number[] = [];
    const all = await client.listAllMigrationErrors({}, { concurrency: 4, onPage: ({ received }) => progress.push(received) });
    expect(all).toEqual(data);
    expect(maxInFlight).toBe(4);
    expect(progress).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });

  it('stops requesting when the caller stops early', async () => {
    const client = await pagingClient(records(1000), 'record', 10);
    let taken = 0;
    for await (const _ of client.paginateMigrationErrors({}, { concurrency: 2 })) if (++taken === 150) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server!.requests.length).toBeLessThanOrEqual(4);
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
