// Retries and timeouts against a local fault-injecting server: which failures are retried, how long the
// client waits, and which typed error it ends in. Delays are tiny (retryDelayMs: 1) unless a test is about them.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createSmsClient,
  SmsApiError,
  type SmsClientOptions,
  SmsNetworkError,
  SmsResponseError,
  SmsTimeoutError,
} from '../src/index.js';
import { type Handler, type LocalServer, sendJson, startLocalServer } from './helpers/local-server.js';

const PAGE = { count: 0, migration_errors: [] };
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function clientFor(handler: Handler, options: Partial<SmsClientOptions> = {}) {
  server = await startLocalServer(handler);
  return createSmsClient({ baseUrl: server.url, token: 'test-token', retryDelayMs: 1, ...options });
}

/** Answers with each status in turn, then 200. */
const statuses =
  (...codes: number[]): Handler =>
  (_, response, index) =>
    index < codes.length
      ? sendJson(response, codes[index]!, { error_code: 'SMS.6301', error_msg: 'failed' })
      : sendJson(response, 200, PAGE);

describe('retries', () => {
  it('retries 500, 502 and 503, then succeeds', async () => {
    const client = await clientFor(statuses(500, 502, 503), { retries: 3 });
    await expect(client.listMigrationErrors()).resolves.toEqual(PAGE);
    expect(server!.requests).toHaveLength(4);
  });

  it('stops after `retries` (default 2) and throws the last SmsApiError', async () => {
    const client = await clientFor(statuses(500, 500, 500, 500));
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsApiError);
    expect((error as SmsApiError).status).toBe(500);
    expect(server!.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404])('never retries %i', async (status) => {
    const client = await clientFor(statuses(status));
    await expect(client.listMigrationErrors()).rejects.toMatchObject({ status });
    expect(server!.requests).toHaveLength(1);
  });

  it('honours Retry-After in seconds on 429', async () => {
    const client = await clientFor((_, response, index) =>
      index === 0
        ? sendJson(response, 429, { error_code: 'APIGW.0308', error_msg: 'throttled' }, { 'Retry-After': '1' })
        : sendJson(response, 200, PAGE),
    );
    const started = performance.now();
    await expect(client.listMigrationErrors()).resolves.toEqual(PAGE);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(server!.requests).toHaveLength(2);
  });

  it('honours Retry-After as an HTTP date, capped by maxRetryDelayMs', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    const client = await clientFor(
      (_, response, index) =>
        index === 0 ? sendJson(response, 503, {}, { 'Retry-After': inAnHour }) : sendJson(response, 200, PAGE),
      {
        maxRetryDelayMs: 50,
      },
    );
    await expect(client.listMigrationErrors()).resolves.toEqual(PAGE);
    expect(server!.requests).toHaveLength(2);
  });

  it('retries a reset connection', async () => {
    const client = await clientFor((_, response, index) =>
      index === 0 ? void response.socket?.destroy() : sendJson(response, 200, PAGE),
    );
    await expect(client.listMigrationErrors()).resolves.toEqual(PAGE);
    expect(server!.requests).toHaveLength(2);
  });

  it('ends in SmsNetworkError when every attempt is reset', async () => {
    const client = await clientFor((_, response) => void response.socket?.destroy());
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsNetworkError);
    expect(error).not.toBeInstanceOf(SmsTimeoutError);
    expect((error as SmsNetworkError).attempts).toBe(3);
  });

  it('ends in SmsNetworkError for a truncated body', async () => {
    const client = await clientFor(
      (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
        response.write('{"count":');
        setTimeout(() => response.socket?.destroy(), 20);
      },
      { retries: 1 },
    );
    await expect(client.listMigrationErrors()).rejects.toBeInstanceOf(SmsNetworkError);
    expect(server!.requests).toHaveLength(2);
  });
});

describe('timeouts', () => {
  it('times out a server that never answers, retries, and ends in SmsTimeoutError', async () => {
    const client = await clientFor(() => {}, { timeoutMs: 200, retries: 1 });
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsTimeoutError);
    expect((error as SmsTimeoutError).attempts).toBe(2);
    expect(server!.requests).toHaveLength(2);
  });

  it('times out a body that stalls after the headers', async () => {
    const client = await clientFor(
      (_, response) => {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.write('{"count":0,');
      },
      { timeoutMs: 200, retries: 0 },
    );
    await expect(client.listMigrationErrors()).rejects.toBeInstanceOf(SmsTimeoutError);
  });

  it("passes the caller's abort through at once, without retrying", async () => {
    const client = await clientFor(() => {}, { timeoutMs: 10_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await client.listMigrationErrors({}, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(server!.requests).toHaveLength(1);
  });
});

describe('each attempt authenticates afresh', () => {
  it('calls a token function again for every attempt', async () => {
    let issued = 0;
    const client = await clientFor(statuses(503, 503), { token: () => `token-${++issued}` });
    await client.listMigrationErrors();
    expect(server!.requests.map((r) => r.headers['x-auth-token'])).toEqual(['token-1', 'token-2', 'token-3']);
  });

  it('re-signs every attempt with a fresh X-Sdk-Date', async () => {
    let tick = Date.UTC(2026, 10, 27, 3, 15, 0);
    const client = await clientFor(statuses(500), {
      token: undefined,
      credentials: { ak: 'AK', sk: 'SK', projectId: 'p' },
      now: () => {
        tick += 1000;
        return new Date(tick);
      },
    });
    await client.listMigrationErrors();
    const [first, second] = server!.requests;
    expect(first!.headers['x-sdk-date']).toBe('20261127T031501Z');
    expect(second!.headers['x-sdk-date']).toBe('20261127T031502Z');
    expect(first!.headers['authorization']).not.toBe(second!.headers['authorization']);
  });
});

describe('bodies that are not what the spec says', () => {
  it('throws SmsResponseError for malformed JSON', async () => {
    const client = await clientFor((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"count": 4, "migration_errors": [');
    });
    await expect(client.listMigrationErrors()).rejects.toBeInstanceOf(SmsResponseError);
  });

  it('throws SmsResponseError for a 200 that is not JSON', async () => {
    const client = await clientFor((_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<html>maintenance</html>');
    });
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsResponseError);
    expect((error as Error).message).toContain('text/html');
  });
});
