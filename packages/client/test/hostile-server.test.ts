// The client against hostile servers and careless callers, on loopback: a redirect to another origin, token
// functions that never settle or throw, pages without a usable count, data changing during a walk, header
// names fetch refuses, every form of Retry-After, a body that stalls. Nothing here waits for a deadline to
// pass first: a deadline is moved (fake timers) only once the server has seen what the case is about.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSmsClient,
  type MigrationError,
  SmsApiError,
  SmsAuthError,
  SmsNetworkError,
  SmsPaginationError,
  SmsRateLimitError,
  SmsResponseError,
  SmsServerError,
  SmsTimeoutError,
  SmsValidationError,
} from '../src/index.js';
import { createRawSmsClient } from '../src/raw.js';
import { retryAfterMs } from '../src/retry.js';
import { type LocalServer, sendJson, startLocalServer } from './helpers/local-server.js';
import { spec } from './helpers/spec-facts.js';

const servers: LocalServer[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(handler: Parameters<typeof startLocalServer>[0]): Promise<LocalServer> {
  const server = await startLocalServer(handler);
  servers.push(server);
  return server;
}

/** The response header with the request ID: the one header the spec's components define. */
const REQUEST_ID_HEADER = Object.keys(spec.components.headers)[0]!;
const EMPTY_PAGE = { count: 0, migration_errors: [] };
const TOKEN = 'token-that-must-stay-home';
const credentials = {
  ak: 'AK-HOSTILE',
  sk: 'sk-hostile',
  projectId: 'project-hostile',
  securityToken: 'security-token-hostile',
};
const records = (n: number, from = 0): MigrationError[] =>
  Array.from({ length: n }, (_, i) => ({
    source_id: `id-${from + i}`,
    source_ip: '10.0.0.1',
    target_ip: null,
    name: `server-${from + i}`,
    host_name: null,
    error_json: '{}',
  }));

describe('a redirect to another origin', () => {
  // The base URL names localhost; the redirect points at 127.0.0.1 on another port: two origins.
  async function redirecting() {
    const elsewhere = await serve((_, response) => sendJson(response, 200, EMPTY_PAGE));
    const home = await serve((_, response) => {
      response.writeHead(302, { Location: `${elsewhere.url}/v3/errors?offset=0` });
      response.end();
    });
    const port = new URL(home.url).port;
    return { home, elsewhere, baseUrl: `http://localhost:${port}` };
  }

  it.each([
    ['a token', { token: TOKEN }],
    ['AK/SK with a security token', { credentials }],
  ])('is not followed with %s: SmsApiError naming the status and Location, nothing sent there', async (_, auth) => {
    const { home, elsewhere, baseUrl } = await redirecting();
    const error = await createSmsClient({ baseUrl, ...auth })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsApiError);
    expect(error).toMatchObject({ status: 302 });
    expect((error as Error).message).toContain(`302, a redirect to ${elsewhere.url}/v3/errors?offset=0; not followed`);
    expect(home.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('is not followed by the raw client either', async () => {
    const { elsewhere, baseUrl } = await redirecting();
    const { response } = await createRawSmsClient({ baseUrl, token: TOKEN }).GET('/v3/errors', {
      params: { query: { offset: 0 } },
    });
    expect(response.status).toBe(302);
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe('a token function', () => {
  it('that never settles ends in SmsTimeoutError at the deadline, not retried; it was given the signal', async () => {
    const server = await serve((_, response) => sendJson(response, 200, EMPTY_PAGE));
    const signals: AbortSignal[] = [];
    let asked!: () => void;
    const tokenAsked = new Promise<void>((resolve) => {
      asked = resolve;
    });
    const token = (signal: AbortSignal) => {
      signals.push(signal);
      asked();
      return new Promise<string>(() => {});
    };
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = createSmsClient({ baseUrl: server.url, token, timeoutMs: 5_000, retries: 2 })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    await tokenAsked;
    vi.advanceTimersByTime(5_000);
    const error = await pending;
    expect(error).toBeInstanceOf(SmsTimeoutError);
    expect(error).toMatchObject({ attempts: 1, message: 'the token function gave no token within 5000 ms' });
    expect(signals).toHaveLength(1);
    expect(signals[0]!.aborted).toBe(true);
    expect(server.requests).toHaveLength(0);
  });

  it("that never settles ends with the caller's abort reason when the caller aborts", async () => {
    const server = await serve((_, response) => sendJson(response, 200, EMPTY_PAGE));
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    const token = () => {
      queueMicrotask(() => controller.abort(reason));
      return new Promise<string>(() => {});
    };
    const error = await createSmsClient({ baseUrl: server.url, token })
      .listMigrationErrors({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBe(reason);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [
      'throws',
      () => {
        throw new TypeError('no IAM today');
      },
    ],
    ['rejects', () => Promise.reject(new TypeError('no IAM today'))],
  ])('that %s reaches the caller as its own error, once, never as a network error', async (_, token) => {
    const server = await serve((_, response) => sendJson(response, 200, EMPTY_PAGE));
    const spy = vi.fn(token);
    const error = await createSmsClient({ baseUrl: server.url, token: spy, retries: 2, retryDelayMs: 1 })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(error).not.toBeInstanceOf(SmsNetworkError);
    expect((error as Error).message).toBe('no IAM today');
    expect(spy).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(0);
  });
});

describe('a 200 without a usable page', () => {
  it.each([
    ['an empty object', {}, 'count must be a non-negative integer (found: missing)'],
    ['no count', { migration_errors: [] }, 'count must be a non-negative integer (found: missing)'],
    ['a string count', { count: '3', migration_errors: [] }, 'count must be a non-negative integer (found: a string)'],
    ['a fractional count', { count: 1.5, migration_errors: [] }, 'count must be a non-negative integer (found: 1.5)'],
    ['a negative count', { count: -1, migration_errors: [] }, 'count must be a non-negative integer (found: -1)'],
    ['a null count', { count: null, migration_errors: [] }, 'count must be a non-negative integer (found: null)'],
    ['migration_errors an object', { count: 1, migration_errors: {} }, 'migration_errors must be an array'],
    ['no migration_errors', { count: 0 }, 'migration_errors must be an array'],
    ['a JSON null', null, 'count must be a non-negative integer (found: missing)'],
  ])(
    '%s is an SmsResponseError naming the field, not strict; the listing does not say "none"',
    async (_, body, violation) => {
      const server = await serve((_, response) => sendJson(response, 200, body));
      const client = createSmsClient({ baseUrl: server.url, token: TOKEN });
      const error = await client.listMigrationErrors().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SmsResponseError);
      expect((error as SmsResponseError).violation).toBe(violation);
      await expect(client.listAllMigrationErrors()).rejects.toBeInstanceOf(SmsResponseError);
    },
  );
});

describe('records that change during a walk', () => {
  /** 250 records; from the second request on, the first `resolved` of them are gone (count and pages shift). */
  async function changingServer(resolved: number) {
    const data = records(250);
    return serve((request, response, index) => {
      const offset = Number(request.url.searchParams.get('offset'));
      const limit = Number(request.url.searchParams.get('limit'));
      const now = index === 0 ? data : data.slice(resolved);
      sendJson(response, 200, { count: now.length, migration_errors: now.slice(offset, offset + limit) });
    });
  }

  it('a record resolved after page 0: SmsPaginationError naming the changed count, never advising offsetMode', async () => {
    const server = await changingServer(1);
    const error = await createSmsClient({ baseUrl: server.url, token: TOKEN })
      .listAllMigrationErrors({}, { pageSize: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsPaginationError);
    expect((error as Error).message).toBe(
      'page at offset 100 announced count 249, the first page 250 after 100 of 250 records: records were added or resolved during the walk; list again for a consistent result',
    );
    expect((error as Error).message).not.toContain('offsetMode');
  });

  it('a short page with an unchanged count names every cause that fits', async () => {
    const data = records(250);
    const server = await serve((request, response) => {
      const offset = Number(request.url.searchParams.get('offset'));
      sendJson(response, 200, {
        count: data.length,
        migration_errors: data.slice(offset, offset + (offset === 0 ? 100 : 60)),
      });
    });
    const error = await createSmsClient({ baseUrl: server.url, token: TOKEN })
      .listAllMigrationErrors({}, { pageSize: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsPaginationError);
    const { message } = error as Error;
    expect(message).toContain('returned 60 records after 100 of 250');
    expect(message).toContain('the server reads offset as a page number (try offsetMode "page")');
    expect(message).toContain('records were added and resolved during the walk');
    expect(message).toContain('the server sends fewer than 100 records a page (try a smaller pageSize)');
  });

  it('the page iterator yields { offset, count, records } in order', async () => {
    const data = records(25);
    const server = await serve((request, response) => {
      const offset = Number(request.url.searchParams.get('offset'));
      sendJson(response, 200, { count: data.length, migration_errors: data.slice(offset, offset + 10) });
    });
    const pages = [];
    for await (const page of createSmsClient({ baseUrl: server.url, token: TOKEN }).paginateMigrationErrorPages(
      {},
      { pageSize: 10, concurrency: 2 },
    )) {
      pages.push(page);
    }
    expect(pages).toEqual([
      { offset: 0, count: 25, records: data.slice(0, 10) },
      { offset: 10, count: 25, records: data.slice(10, 20) },
      { offset: 20, count: 25, records: data.slice(20) },
    ]);
  });
});

describe('caller mistakes are refused before anything is sent', () => {
  it.each([
    ['a space in a header name', { 'Bad Header': 'x' }, 'header "Bad Header"'],
    ['a non-ASCII header name', { 'X-Caf\u00e9': 'x' }, 'header "X-Caf\u00e9"'],
    ['an empty header name', { '': 'x' }, 'header ""'],
    ['a colon in a header name', { 'X-A:b': 'x' }, 'header "X-A:b"'],
    ["the credentials' own header, in another case", { 'x-auth-token': 'other' }, 'header x-auth-token'],
  ])('%s', async (_, headers, parameter) => {
    const server = await serve((_, response) => sendJson(response, 200, EMPTY_PAGE));
    const error = await createSmsClient({ baseUrl: server.url, token: TOKEN, retries: 2 })
      .listMigrationErrors({}, { headers })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsValidationError);
    expect((error as SmsValidationError).parameter).toBe(parameter);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['a port fetch blocks', 'http://127.0.0.1:9', /port 9 is blocked/],
    ['another blocked port', 'http://127.0.0.1:6667/', /port 6667 is blocked/],
    ['user info', 'http://user:pass@127.0.0.1:4010', /user info/],
    ['a query', 'http://127.0.0.1:4010?x=1', /query/],
    ['a fragment', 'http://127.0.0.1:4010#top', /fragment/],
    ['another scheme', 'ftp://127.0.0.1:4010', /absolute http\(s\) URL/],
    ['not a URL', 'http://', /absolute http\(s\) URL/],
  ])('a base URL with %s is an SmsValidationError naming baseUrl', (_, baseUrl, message) => {
    const fetch = vi.fn();
    let error: unknown;
    try {
      createSmsClient({ baseUrl, token: TOKEN, fetch });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SmsValidationError);
    expect(error).toMatchObject({ parameter: 'baseUrl', message: expect.stringMatching(message) });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a base URL whose path does not percent-decode, under AK/SK', () => {
    expect(() => createSmsClient({ baseUrl: 'http://127.0.0.1:4010/%zz', credentials })).toThrow(
      expect.objectContaining({ name: 'SmsValidationError', parameter: 'baseUrl' }),
    );
    // With a token nothing is decoded: fetch sends the path as it is.
    expect(() => createSmsClient({ baseUrl: 'http://127.0.0.1:4010/%zz', token: TOKEN })).not.toThrow();
  });

  it('AK/SK where there is no crypto.subtle (a page on plain HTTP) and no node:crypto', () => {
    const getBuiltinModule = process.getBuiltinModule;
    vi.stubGlobal('crypto', undefined);
    Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true });
    try {
      expect(() => createSmsClient({ baseUrl: 'http://127.0.0.1:4010', credentials })).toThrow(
        expect.objectContaining({ name: 'SmsValidationError', message: expect.stringContaining('secure context') }),
      );
    } finally {
      Object.defineProperty(process, 'getBuiltinModule', {
        value: getBuiltinModule,
        configurable: true,
        writable: true,
      });
      vi.unstubAllGlobals();
    }
  });
});

describe('Retry-After (RFC 9110: delay-seconds or an HTTP-date, nothing else)', () => {
  const now = Date.now();
  it.each([
    ['2', 2000],
    ['0', undefined],
    ['1.5', undefined],
    ['0x2', undefined],
    ['2e0', undefined],
    [' 2', undefined],
    ['+2', undefined],
    ['-1', undefined],
    ['', undefined],
    ['soon', undefined],
    [new Date(now - 60_000).toUTCString(), undefined],
  ])('%j -> %s ms', (value, expected) => {
    expect(retryAfterMs(value)).toBe(expected);
  });

  it('reads the three HTTP-date forms as GMT', () => {
    const future = new Date(Math.ceil((Date.now() + 3_600_000) / 1000) * 1000);
    const [weekday, day, month, year, time] = future.toUTCString().replace(',', '').split(' ') as [
      string,
      string,
      string,
      string,
      string,
    ];
    const longWeekday = future.toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
    const forms = [
      future.toUTCString(),
      `${longWeekday}, ${day}-${month}-${year.slice(2)} ${time} GMT`,
      `${weekday} ${month} ${String(Number(day)).padStart(2, ' ')} ${time} ${year}`,
    ];
    for (const form of forms) {
      const ms = retryAfterMs(form)!;
      expect(Math.abs(Date.now() + ms - future.getTime()), form).toBeLessThan(60_000);
    }
  });

  it('a huge Retry-After is capped by maxRetryDelayMs, and the status is retried', async () => {
    const server = await serve((_, response, index) =>
      index === 0 ? sendJson(response, 503, {}, { 'Retry-After': '86400' }) : sendJson(response, 200, EMPTY_PAGE),
    );
    const page = await createSmsClient({
      baseUrl: server.url,
      token: TOKEN,
      retries: 1,
      maxRetryDelayMs: 1,
    }).listMigrationErrors();
    expect(page).toEqual(EMPTY_PAGE);
    expect(server.requests).toHaveLength(2);
  });
});

describe('error classes per status', () => {
  it.each([
    [401, SmsAuthError],
    [403, SmsAuthError],
    [429, SmsRateLimitError],
    [500, SmsServerError],
    [503, SmsServerError],
    [404, SmsApiError],
  ])('%i is %o, still an SmsApiError', async (status, ErrorClass) => {
    const server = await serve((_, response) =>
      sendJson(response, status, { error_code: 'X.1', error_msg: 'no' }, { [REQUEST_ID_HEADER]: 'req-1' }),
    );
    const error = await createSmsClient({ baseUrl: server.url, token: TOKEN, retries: 0 })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(SmsApiError);
    expect(error).toMatchObject({ status, errorCode: 'X.1', requestId: 'req-1', name: ErrorClass.name });
  });
});

describe('a body that stalls', () => {
  it('after the headers: SmsTimeoutError once the server has sent them and the deadline passes; one request', async () => {
    let stalled!: () => void;
    const bodyStalled = new Promise<void>((resolve) => {
      stalled = resolve;
    });
    const server = await serve((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"count":1,', () => stalled());
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const pending = createSmsClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 5_000, retries: 0 })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    await bodyStalled;
    vi.advanceTimersByTime(5_000);
    const error = await pending;
    expect(error).toBeInstanceOf(SmsTimeoutError);
    expect(error).toMatchObject({ attempts: 1, message: 'no answer within 5000 ms' });
    expect(server.requests).toHaveLength(1);
  });

  it('a connection the server closes mid-body is an SmsNetworkError (what fetch raised on the wire)', async () => {
    const server = await serve((_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      response.write('{"count":1,', () => response.socket?.destroy());
    });
    const error = await createSmsClient({ baseUrl: server.url, token: TOKEN, retries: 0 })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsNetworkError);
    expect(error).not.toBeInstanceOf(SmsTimeoutError);
  });
});
