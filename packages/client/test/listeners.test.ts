// No listener leaks: every `abort` listener the client adds to a caller's AbortSignal (an attempt, a retry
// sleep, a listing) is removed when its call ends, however it ends: success, an API error, a retry after a
// 503, a timeout, a pagination error, a caller who stops listing early. Counted with
// events.getEventListeners after many calls sharing one signal.
import { getEventListeners } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSmsClient,
  type MigrationError,
  SmsApiError,
  SmsPaginationError,
  SmsTimeoutError,
} from '../src/index.js';
import { type LocalServer, sendJson, startLocalServer } from './helpers/local-server.js';

const CALLS = 40;
const record = (i: number): MigrationError => ({
  source_id: `id-${i}`,
  source_ip: '10.0.0.1',
  target_ip: null,
  name: `server-${i}`,
  host_name: null,
  error_json: '{"error_code":"SMS.3805","error_param":"[]"}',
});
const data = Array.from({ length: 25 }, (_, i) => record(i));

let server: LocalServer;
const stalled: (() => void)[] = [];
beforeAll(async () => {
  // The path's last word picks the behaviour: /ok pages `data`, /flaky answers 503 to every other request,
  // /bad answers 400, /short pages one record short, /stall answers only when released.
  server = await startLocalServer((request, response, index) => {
    const kind = request.url.pathname.split('/')[1];
    const limit = Number(request.url.searchParams.get('limit') ?? 50);
    const offset = Number(request.url.searchParams.get('offset'));
    if (kind === 'flaky' && index % 2 === 0) {
      return sendJson(response, 503, { error_code: 'SMS.9999', error_msg: 'busy' });
    }
    if (kind === 'bad') {
      return sendJson(response, 400, { error_code: 'SMS.9004', error_msg: 'bad' });
    }
    if (kind === 'stall') {
      stalled.push(() => sendJson(response, 200, { count: 0, migration_errors: [] }));
      return;
    }
    const size = kind === 'short' && offset > 0 ? limit - 1 : limit;
    sendJson(response, 200, { count: data.length, migration_errors: data.slice(offset, offset + size) });
  });
});
afterAll(async () => {
  for (const release of stalled) {
    release();
  }
  await server.close();
});

const clientAt = (kind: string, options = {}) =>
  createSmsClient({ baseUrl: `${server.url}/${kind}`, token: 't', retryDelayMs: 1, ...options });
const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

describe("listeners on the caller's AbortSignal", () => {
  it('are there while a call is in flight (the count below can see a leak)', async () => {
    const { signal } = new AbortController();
    const call = clientAt('stall', { retries: 0 }).listMigrationErrors({}, { signal });
    await expect.poll(() => stalled.length).toBe(1);
    expect(abortListeners(signal)).toBeGreaterThan(0);
    stalled.shift()?.();
    await call;
    expect(abortListeners(signal)).toBe(0);
  });

  it('are all removed after many calls sharing one signal, however each ended', async () => {
    const { signal } = new AbortController();
    const ok = clientAt('ok');
    for (let i = 0; i < CALLS; i++) {
      await ok.listMigrationErrors({ limit: 10 }, { signal });
      // Retried after a 503: an attempt, a backoff sleep, another attempt.
      await clientAt('flaky').listMigrationErrors({}, { signal });
      await expect(clientAt('bad').listMigrationErrors({}, { signal })).rejects.toBeInstanceOf(SmsApiError);
      expect(await ok.listAllMigrationErrors({}, { signal, pageSize: 10, concurrency: 2 })).toHaveLength(data.length);
      await expect(clientAt('short').listAllMigrationErrors({}, { signal, pageSize: 10 })).rejects.toBeInstanceOf(
        SmsPaginationError,
      );
      // A caller who stops listing early.
      for await (const first of ok.paginateMigrationErrors({}, { signal, pageSize: 5, concurrency: 3 })) {
        expect(first).toEqual(data[0]);
        break;
      }
    }
    expect(abortListeners(signal)).toBe(0);
  });

  it('are removed after timeouts and their retries', async () => {
    const { signal } = new AbortController();
    const stalling = clientAt('stall', { timeoutMs: 20, retries: 1 });
    for (let i = 0; i < 5; i++) {
      await expect(stalling.listMigrationErrors({}, { signal })).rejects.toBeInstanceOf(SmsTimeoutError);
    }
    expect(abortListeners(signal)).toBe(0);
  });
});
