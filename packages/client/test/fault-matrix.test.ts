// The fault matrix: a local fault-injecting server drives the client through every failure the service, its
// gateway or the network can produce. Each row must end in its documented typed error, or in a bounded number
// of retries that succeeds, within a time bound computed from the client's own settings: nothing may hang
// past its timeout. The matrix is printed as a table at the end of the file.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  createSmsClient,
  SmsApiError,
  type SmsClientOptions,
  SmsNetworkError,
  SmsResponseError,
  SmsTimeoutError,
} from '../src/index.js';
import { strictResponses } from '../src/strict.js';
import { type Handler, type LocalServer, sendJson, startLocalServer } from './helpers/local-server.js';
import { spec } from './helpers/spec-facts.js';

const PAGE = {
  count: 1,
  migration_errors: [
    {
      source_id: 'id-1',
      source_ip: '10.0.0.1',
      target_ip: null,
      name: 'web-1',
      host_name: null,
      error_json: '{"error_code":"SMS.3805","error_param":"[]"}',
    },
  ],
};
const SERVER_ERROR = { error_code: 'SMS.6301', error_msg: 'Database read or write error.' };
const THROTTLED = { error_code: 'APIGW.0308', error_msg: 'The throttling threshold has been reached' };

// Small settings so the whole matrix runs in a few seconds; every time bound below is derived from them.
// The short deadline is only for the rows that test it, whose clock is faked (`drive`): a real 250 ms could
// pass on a loaded machine before a healthy answer arrives. Every other row waits as long as a user would.
const TIMEOUT_MS = 250;
const UNHURRIED_TIMEOUT_MS = 30_000;
const RETRY_DELAY_MS = 1;
/** Scheduling slack allowed on top of a row's computed worst case: generous, so a loaded machine passes too. */
const SLACK_MS = 10_000;

const migrationError = spec.components.schemas.MigrationError;
const nameMaxLength: number = migrationError.properties.name.maxLength;
const maxItems: number = spec.components.schemas.ListErrorServersResponse.properties.migration_errors.maxItems;

interface Row {
  fault: string;
  expected: string;
  outcome: string;
  requests: number;
  ms: number;
  boundMs: number;
}
const matrix: Row[] = [];

let server: LocalServer | undefined;
afterEach(async () => {
  vi.useRealTimers();
  bodyStalled = deferred();
  await server?.close();
  server = undefined;
});

afterAll(() => {
  const header: Row = { fault: 'fault', expected: 'expected', outcome: 'outcome', requests: 0, ms: 0, boundMs: 0 };
  const cells = (row: Row, isHeader = false) => [
    row.fault,
    row.expected,
    row.outcome,
    isHeader ? 'requests' : String(row.requests),
    isHeader ? 'ms' : String(row.ms),
    isHeader ? 'bound ms' : String(row.boundMs),
  ];
  const rows = [cells(header, true), ...matrix.map((row) => cells(row))];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((cellsOfRow) => cellsOfRow[column]!.length)));
  const line = (cellsOfRow: string[]) =>
    `| ${cellsOfRow.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(
    [
      `fault matrix (local fault-injecting server; client timeoutMs ${TIMEOUT_MS} on a faked clock where the deadline is the fault, ${UNHURRIED_TIMEOUT_MS} elsewhere; retryDelayMs ${RETRY_DELAY_MS})`,
      line(rows[0]!),
      line(widths.map((w) => '-'.repeat(w))),
      ...rows.slice(1).map(line),
    ].join('\n'),
  );
});

/** What a row ended in: "resolved" or the error's class name (with its status, when it has one). */
function describeOutcome(result: { value?: unknown; error?: unknown }): string {
  if (!('error' in result)) {
    return 'resolved';
  }
  const error = result.error as { name?: string; status?: number; errorCode?: string; attempts?: number };
  const status = error.status !== undefined ? ` ${error.status}${error.errorCode ? ` ${error.errorCode}` : ''}` : '';
  const attempts =
    error.attempts !== undefined ? ` after ${error.attempts} attempt${error.attempts === 1 ? '' : 's'}` : '';
  return `${error.name ?? String(error)}${status}${attempts}`;
}

interface Case {
  fault: string;
  expected: string;
  handler: Handler;
  options?: Partial<SmsClientOptions>;
  /** The worst case of this row with the client's settings, in ms, before SLACK_MS. */
  worstCaseMs: number;
  check: (result: { value?: unknown; error?: unknown }, requests: number) => void;
  /**
   * For a row whose outcome turns on a deadline: the client's timers (deadline, retry wait) are fake ones
   * and this moves them, each step only once the server has seen what the step is about, so a loaded
   * machine cannot let a deadline pass before the request even reaches the server.
   */
  drive?: (server: LocalServer) => Promise<void>;
}

/** A promise and its resolve, made before the case runs. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/** Yields to the event loop (setImmediate is not faked) until `done()`. */
async function until(done: () => boolean): Promise<void> {
  while (!done()) {
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Once the server has seen request `n` (1-based), the deadline of that attempt passes. */
async function deadlinePassesAfterRequest(server: LocalServer, n: number): Promise<void> {
  await until(() => server.requests.length >= n);
  vi.advanceTimersByTime(TIMEOUT_MS);
}

/** The retry wait (0 ms in these rows) ends once it has been set: zero-delay timers fire until the next request arrives. */
async function retryWaitEndsBeforeRequest(server: LocalServer, n: number): Promise<void> {
  await until(() => {
    vi.advanceTimersByTime(0);
    return server.requests.length >= n;
  });
}
let bodyStalled = deferred();

async function runCase(testCase: Case): Promise<void> {
  server = await startLocalServer(testCase.handler);
  const client = createSmsClient({
    baseUrl: server.url,
    token: 'matrix-token',
    timeoutMs: testCase.drive ? TIMEOUT_MS : UNHURRIED_TIMEOUT_MS,
    retryDelayMs: RETRY_DELAY_MS,
    ...testCase.options,
  });
  const started = performance.now();
  if (testCase.drive) {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  }
  const pending = client.listMigrationErrors({ limit: 10 }).then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (testCase.drive) {
    await testCase.drive(server);
    vi.useRealTimers();
  }
  const result: { value?: unknown; error?: unknown } = await pending;
  const ms = Math.round(performance.now() - started);
  const boundMs = testCase.worstCaseMs + SLACK_MS;
  matrix.push({
    fault: testCase.fault,
    expected: testCase.expected,
    outcome: describeOutcome(result),
    requests: server.requests.length,
    ms,
    boundMs,
  });
  testCase.check(result, server.requests.length);
  expect(ms, `${testCase.fault} took ${ms} ms, bound ${boundMs} ms`).toBeLessThanOrEqual(boundMs);
}

/** Answers with each status in turn, then 200 with PAGE. */
const statusesThenOk =
  (...codes: number[]): Handler =>
  (_, response, index) =>
    index < codes.length ? sendJson(response, codes[index]!, SERVER_ERROR) : sendJson(response, 200, PAGE);

const resetConnection: Handler = (_, response) => void response.socket?.destroy();
const stall: Handler = () => {};
const truncatedBody: Handler = (_, response) => {
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '4096' });
  response.write('{"count":1,"migration_errors":[{"source_id":');
  setTimeout(() => response.socket?.destroy(), 10);
};
const record = (i: number) => ({ ...PAGE.migration_errors[0]!, source_id: `id-${i}`, name: `server-${i}` });

const cases: Case[] = [
  {
    fault: '500, 502, 503, then 200',
    expected: 'retried 3 times, resolves',
    handler: statusesThenOk(500, 502, 503),
    options: { retries: 3 },
    worstCaseMs: 3 * 4 * RETRY_DELAY_MS,
    check: ({ value }, requests) => {
      expect(value).toEqual(PAGE);
      expect(requests).toBe(4);
    },
  },
  {
    fault: '503 on every attempt',
    expected: 'SmsApiError 503 after retries+1',
    handler: (_, response) => sendJson(response, 503, SERVER_ERROR),
    options: { retries: 2 },
    worstCaseMs: 2 * 2 * RETRY_DELAY_MS,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsApiError);
      expect(error).toMatchObject({ status: 503, errorCode: 'SMS.6301' });
      expect(requests).toBe(3);
    },
  },
  {
    fault: '429 with Retry-After: 1, then 200',
    expected: 'waits ~1 s (not the backoff), resolves',
    handler: (_, response, index) =>
      index === 0 ? sendJson(response, 429, THROTTLED, { 'Retry-After': '1' }) : sendJson(response, 200, PAGE),
    worstCaseMs: 1_000,
    check: ({ value }, requests) => {
      expect(value).toEqual(PAGE);
      expect(requests).toBe(2);
      expect(matrix.at(-1)!.ms).toBeGreaterThanOrEqual(950);
    },
  },
  {
    fault: '429 with Retry-After: 0 on every attempt',
    expected: 'SmsApiError 429 APIGW.0308',
    handler: (_, response) => sendJson(response, 429, THROTTLED, { 'Retry-After': '0' }),
    options: { retries: 2 },
    worstCaseMs: 0,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsApiError);
      expect(error).toMatchObject({ status: 429, errorCode: 'APIGW.0308' });
      expect(requests).toBe(3);
    },
  },
  {
    fault: 'connection reset, then 200',
    expected: 'retried once, resolves',
    handler: (request, response, index) =>
      index === 0 ? resetConnection(request, response, index) : sendJson(response, 200, PAGE),
    worstCaseMs: 2 * RETRY_DELAY_MS,
    check: ({ value }, requests) => {
      expect(value).toEqual(PAGE);
      expect(requests).toBe(2);
    },
  },
  {
    fault: 'connection reset on every attempt',
    expected: 'SmsNetworkError after retries+1',
    handler: resetConnection,
    options: { retries: 2 },
    worstCaseMs: 2 * 2 * RETRY_DELAY_MS,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsNetworkError);
      expect(error).not.toBeInstanceOf(SmsTimeoutError);
      expect(error).toMatchObject({ attempts: 3 });
      expect(requests).toBe(3);
    },
  },
  {
    fault: 'no answer at all (stalled)',
    expected: 'SmsTimeoutError after retries+1 timeouts',
    handler: stall,
    options: { retries: 1, retryDelayMs: 0 },
    drive: async (server) => {
      await deadlinePassesAfterRequest(server, 1);
      await retryWaitEndsBeforeRequest(server, 2);
      await deadlinePassesAfterRequest(server, 2);
    },
    worstCaseMs: 2 * TIMEOUT_MS + 2 * RETRY_DELAY_MS,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsTimeoutError);
      expect(error).toMatchObject({ attempts: 2, message: `no answer within ${TIMEOUT_MS} ms` });
      expect(requests).toBe(2);
    },
  },
  {
    fault: 'headers sent, then the body stalls',
    expected: 'SmsTimeoutError',
    handler: (_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.write('{"count":1,', () => bodyStalled.resolve());
    },
    options: { retries: 0 },
    drive: async () => {
      await bodyStalled.promise;
      vi.advanceTimersByTime(TIMEOUT_MS);
    },
    worstCaseMs: TIMEOUT_MS,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsTimeoutError);
      expect(requests).toBe(1);
    },
  },
  {
    fault: 'stalled once, then 200',
    expected: 'one timeout, retried, resolves',
    handler: (request, response, index) =>
      index === 0 ? stall(request, response, index) : sendJson(response, 200, PAGE),
    options: { retries: 1, retryDelayMs: 0 },
    drive: async (server) => {
      await deadlinePassesAfterRequest(server, 1);
      await retryWaitEndsBeforeRequest(server, 2);
    },
    worstCaseMs: TIMEOUT_MS + 2 * RETRY_DELAY_MS,
    check: ({ value }, requests) => {
      expect(value).toEqual(PAGE);
      expect(requests).toBe(2);
    },
  },
  {
    fault: 'malformed JSON (200, application/json)',
    expected: 'SmsResponseError, not retried',
    handler: (_, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"count": 1, "migration_errors": [');
    },
    worstCaseMs: 0,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsResponseError);
      expect(error).toMatchObject({ status: 200 });
      expect(requests).toBe(1);
    },
  },
  {
    fault: '200 with Content-Type text/html',
    expected: 'SmsResponseError naming the type',
    handler: (_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end('<html><body>Service maintenance</body></html>');
    },
    worstCaseMs: 0,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsResponseError);
      expect((error as SmsResponseError).violation).toContain('text/html');
      expect(requests).toBe(1);
    },
  },
  {
    fault: '200 with valid JSON as text/plain',
    expected: 'SmsResponseError (content type)',
    handler: (_, response) => {
      response.writeHead(200, { 'Content-Type': 'text/plain' });
      response.end(JSON.stringify(PAGE));
    },
    worstCaseMs: 0,
    check: ({ error }) => {
      expect(error).toBeInstanceOf(SmsResponseError);
      expect((error as SmsResponseError).violation).toContain('text/plain');
    },
  },
  {
    fault: 'truncated body (Content-Length 4096, reset)',
    expected: 'SmsNetworkError after retries+1',
    handler: truncatedBody,
    options: { retries: 1 },
    worstCaseMs: 2 * 10 + 2 * RETRY_DELAY_MS,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsNetworkError);
      expect(error).toMatchObject({ attempts: 2 });
      expect(requests).toBe(2);
    },
  },
  {
    fault: 'truncated body once, then 200',
    expected: 'retried once, resolves',
    handler: (request, response, index) =>
      index === 0 ? truncatedBody(request, response, index) : sendJson(response, 200, PAGE),
    options: { retries: 1 },
    worstCaseMs: 10 + 2 * RETRY_DELAY_MS,
    check: ({ value }, requests) => {
      expect(value).toEqual(PAGE);
      expect(requests).toBe(2);
    },
  },
  {
    fault: `strict: a 1 MiB name (maxLength ${nameMaxLength})`,
    expected: 'SmsResponseError naming the field',
    handler: (_, response) =>
      sendJson(response, 200, { count: 1, migration_errors: [{ ...record(0), name: 'n'.repeat(1 << 20) }] }),
    // Big bodies take a while to build and send on a loaded 2-core CI machine: not a timeout case.
    options: { strict: strictResponses, timeoutMs: 10_000 },
    worstCaseMs: 10_000,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsResponseError);
      expect((error as SmsResponseError).violation).toBe(
        `body.migration_errors[0].name must be at most ${nameMaxLength} characters`,
      );
      expect(requests).toBe(1);
    },
  },
  {
    fault: `strict: ${maxItems + 1} records (maxItems ${maxItems})`,
    expected: 'SmsResponseError naming the array',
    handler: (_, response) =>
      sendJson(response, 200, {
        count: maxItems + 1,
        migration_errors: Array.from({ length: maxItems + 1 }, (_, i) => record(i)),
      }),
    options: { strict: strictResponses, timeoutMs: 20_000 },
    worstCaseMs: 20_000,
    check: ({ error }, requests) => {
      expect(error).toBeInstanceOf(SmsResponseError);
      expect((error as SmsResponseError).violation).toBe(`body.migration_errors must be at most ${maxItems} items`);
      expect(requests).toBe(1);
    },
  },
  {
    fault: 'not strict: the same 1 MiB name',
    expected: 'resolves as is (strict is opt-in)',
    handler: (_, response) =>
      sendJson(response, 200, { count: 1, migration_errors: [{ ...record(0), name: 'n'.repeat(1 << 20) }] }),
    options: { timeoutMs: 10_000 },
    worstCaseMs: 10_000,
    check: ({ value }) => {
      expect((value as typeof PAGE).migration_errors[0]!.name).toHaveLength(1 << 20);
    },
  },
];

describe('fault matrix', () => {
  it.each(cases.map((testCase) => [testCase.fault, testCase] as const))(
    '%s',
    async (_, testCase) => {
      await runCase(testCase);
    },
    30_000,
  );
});
