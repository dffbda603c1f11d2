// The sandbox as integrators see it: Prism's validating proxy in front of the seeded upstream, over real
// HTTP on loopback. Paging by record offset, the service's own 400/401 bodies (checked against what Prism's
// own request validation in the mock decides), and a body that breaks the spec turned into a loud 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_SANDBOX_SIZE,
  DEFAULT_SEED,
  type FailedServer,
  generateFailedServers,
  type RunningMock,
  type RunningSandbox,
  startMock,
  startSandbox,
} from '../src/index.js';
import { readErrorCodes } from '../src/served-files.js';
import { listOperation, queryParameter, regionHosts } from '../src/spec-facts.js';
import { errorCodeOf, isRunning, limitParameter, offsetParameter, spec } from './helpers.js';

let sandbox: RunningSandbox;
let brokenSandbox: RunningSandbox;
let prismErrorsSandbox: RunningSandbox;
let mock: RunningMock;

const [valid] = generateFailedServers({
  size: 1,
  seed: 'x',
  errorCodes: readErrorCodes(),
  regionHosts: regionHosts(spec),
}) as [FailedServer];
// One record whose name is longer than the spec's maxLength (255): the upstream drifting from the spec.
const tooLong: FailedServer = { ...valid, name: 'n'.repeat(256) };

beforeAll(async () => {
  [sandbox, brokenSandbox, prismErrorsSandbox, mock] = await Promise.all([
    startSandbox(),
    startSandbox({ servers: [valid, tooLong] }),
    startSandbox({ size: 3, requestErrors: 'prism' }),
    startMock(),
  ]);
});
afterAll(() => Promise.all([sandbox, brokenSandbox, prismErrorsSandbox, mock].map((running) => running?.stop())));

const token = { 'X-Auth-Token': 'test-token' };
/** The longest token the spec allows: it must fit through Prism's and the upstream's header limits. */
const tokenMaxLength = (
  spec['components'] as { securitySchemes: { authToken: { 'x-sms-value-schema': { maxLength: number } } } }
).securitySchemes.authToken['x-sms-value-schema'].maxLength;

interface Answer {
  status: number;
  contentType: string;
  requestId: string | null;
  body: Record<string, unknown>;
  violations: string;
}

async function get(base: { url: string }, query: string, headers: Record<string, string> = token): Promise<Answer> {
  const response = await fetch(`${base.url}/v3/errors${query}`, { headers });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as Record<string, unknown>,
    violations: response.headers.get('sl-violations') ?? '',
  };
}

describe('paging by record offset', () => {
  it('pages through the whole data set: count on every page, every server once, in order', async () => {
    const pageSize = limitParameter.schema.maximum ?? 0;
    const seen: FailedServer[] = [];
    for (let offset = 0; ; offset += pageSize) {
      const { status, body } = await get(sandbox, `?offset=${offset}&limit=${pageSize}`);
      expect(status).toBe(200);
      expect(body['count']).toBe(DEFAULT_SANDBOX_SIZE);
      const page = body['migration_errors'] as FailedServer[];
      seen.push(...page);
      if (page.length < pageSize) {
        break;
      }
    }
    expect(seen).toEqual(
      generateFailedServers({
        size: DEFAULT_SANDBOX_SIZE,
        seed: DEFAULT_SEED,
        errorCodes: readErrorCodes(),
        regionHosts: regionHosts(spec),
      }),
    );
  });

  it("serves the mock's full-page example as its first full page", async () => {
    const fromMock = await get(mock, '?offset=0', { ...token, Prefer: 'example=full-page' });
    const fromSandbox = await get(sandbox, `?offset=0&limit=${limitParameter.schema.maximum}`);
    expect(fromSandbox.body).toEqual(fromMock.body);
  });

  it("uses the spec's default limit when none is sent", async () => {
    const { body } = await get(sandbox, '?offset=0');
    expect(body['migration_errors']).toHaveLength(Number(limitParameter.schema.default));
  });

  it('answers a short last page, and an empty page past the end, with the full count', async () => {
    const last = await get(sandbox, `?offset=${DEFAULT_SANDBOX_SIZE - 1}&limit=10`);
    expect(last.body['migration_errors']).toHaveLength(1);
    const past = await get(sandbox, `?offset=${offsetParameter.schema.maximum}`);
    expect(past.body).toEqual({ count: DEFAULT_SANDBOX_SIZE, migration_errors: [] });
  });

  it('sends JSON and an X-Request-Id with every answer', async () => {
    for (const headers of [token, {}]) {
      const { contentType, requestId } = await get(sandbox, '?offset=0', headers);
      expect(contentType).toMatch(/^application\/json/);
      expect(requestId).toMatch(/^[0-9a-f]{32}$/);
    }
  });
});

describe("the service's own error bodies (checked by Prism like any answer)", () => {
  it('answers 401 with the gateway body when no credentials are sent', async () => {
    const { status, contentType, body, requestId } = await get(sandbox, '?offset=0', {});
    expect(status).toBe(401);
    expect(contentType).toMatch(/^application\/json/);
    expect(body).toEqual({
      error_code: errorCodeOf('401'),
      error_msg: expect.stringContaining('X-Auth-Token'),
      request_id: requestId,
    });
  });

  it.each([
    [{ 'X-Auth-Token': 't' }, 200, ''],
    // A signature that is not one: the AK/SK checks are in sandbox-gateway.test.ts, with Huawei's signer.
    [
      {
        Authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00',
        'X-Sdk-Date': '20261127T031500Z',
      },
      401,
      'SDK-HMAC-SHA256',
    ],
    [{ Authorization: 'SDK-HMAC-SHA256 Access=AK' }, 401, 'X-Sdk-Date'],
    [{ 'X-Auth-Token': '' }, 401, 'missing credentials'],
    [{ 'X-Auth-Token': 't'.repeat(tokenMaxLength) }, 200, ''],
    [{ 'X-Auth-Token': 't'.repeat(tokenMaxLength + 1) }, 401, '1 to 16384'],
  ])('credentials %# -> %i', async (headers, expected, named) => {
    const { status, body } = await get(sandbox, '?offset=0', headers);
    expect(status).toBe(expected);
    if (expected === 401) {
      expect(body['error_msg']).toContain(named);
    }
  });

  it.each([
    ['?offset=0&limit=101', 'limit'],
    ['?offset=0&limit=-1', 'limit'],
    ['?offset=-1', 'offset'],
    ['?offset=65536', 'offset'],
    ['?offset=0&limit=ten', 'limit'],
    [`?offset=0&enterprise_project_id=${'e'.repeat(256)}`, 'enterprise_project_id'],
    ['', 'offset'],
  ])('%s -> 400 {error_code, error_msg} naming %s, where the mock (Prism) says 400 too', async (query, parameter) => {
    const [answer, prismVerdict] = await Promise.all([get(sandbox, query), get(mock, query)]);
    expect(answer.status).toBe(400);
    expect(prismVerdict.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(Object.keys(answer.body).sort()).toEqual(['error_code', 'error_msg']);
    expect(answer.body['error_code']).toBe(errorCodeOf('400'));
    expect(answer.body['error_msg']).toContain(parameter);
  });

  it('accepts the edges of every bound, as the mock (Prism) does', async () => {
    const edges = [
      '?offset=0&limit=0',
      '?offset=65535&limit=100',
      `?offset=0&enterprise_project_id=${'e'.repeat(255)}`,
      '?offset=0&enterprise_project_id=',
    ];
    for (const query of edges) {
      expect((await get(sandbox, query)).status).toBe(200);
      expect((await get(mock, query)).status).toBe(200);
    }
  });

  // maxLength counts code points, as the client and Prism count them: an emoji is one character, two UTF-16 units.
  it('counts a string length in code points, as the mock (Prism) does', async () => {
    const { maxLength } = queryParameter(spec, 'enterprise_project_id').schema;
    const longest = `?offset=0&enterprise_project_id=${encodeURIComponent('😀'.repeat(maxLength ?? 0))}`;
    const tooLongByOne = `?offset=0&enterprise_project_id=${encodeURIComponent('😀'.repeat((maxLength ?? 0) + 1))}`;
    for (const base of [sandbox, mock]) {
      expect((await get(base, longest)).status).toBe(200);
      expect((await get(base, tooLongByOne)).status).toBe(400);
    }
  });
});

describe('violations stay loud', () => {
  it('turns an upstream body that breaks the spec into a 500 problem+json naming the violation', async () => {
    const { status, contentType, body, violations } = await get(brokenSandbox, '?offset=0');
    expect(status).toBe(500);
    expect(contentType).toBe('application/problem+json');
    expect(body['type']).toBe('https://stoplight.io/prism/errors#VIOLATIONS');
    expect(violations).toContain('migration_errors.1.name');
    expect(JSON.stringify(body['validation'])).toContain('255');
  });

  it('still serves the pages that keep to the spec', async () => {
    expect((await get(brokenSandbox, '?offset=0&limit=1')).status).toBe(200);
  });

  it("answers a method the spec does not have with Prism's 405, and Allow naming the spec's method", async () => {
    const response = await fetch(`${sandbox.url}/v3/errors?offset=0`, { method: 'DELETE', headers: token });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(listOperation(spec).method);
    await response.arrayBuffer();
  });

  it('answers a path the spec does not have with 404 problem+json', async () => {
    const response = await fetch(`${sandbox.url}/v3/nope`, { headers: token });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    await response.arrayBuffer();
  });
});

describe("requestErrors: 'prism'", () => {
  it('lets Prism answer invalid requests itself: 401 and 422 problem+json', async () => {
    const unauthorized = await get(prismErrorsSandbox, '?offset=0', {});
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.contentType).toBe('application/problem+json');
    expect(unauthorized.body['type']).toBe('https://stoplight.io/prism/errors#UNAUTHORIZED');
    const invalid = await get(prismErrorsSandbox, '?offset=0&limit=101');
    expect(invalid.status).toBe(422);
    expect(invalid.contentType).toBe('application/problem+json');
    expect(JSON.stringify(invalid.body['validation'])).toContain('limit');
    expect((await get(prismErrorsSandbox, '?offset=0')).body['count']).toBe(3);
  });
});

describe('startSandbox', () => {
  it('refuses a size outside what the spec lets a client page through, before starting anything', async () => {
    await expect(startSandbox({ size: -1 })).rejects.toThrow(/size must be an integer from 0 to \d+/);
    await expect(startSandbox({ size: 1.5 })).rejects.toThrow(RangeError);
  });

  it('stops Prism by PID and closes the front and the upstream', async () => {
    const running = await startSandbox({ size: 1 });
    expect(isRunning(running.pid)).toBe(true);
    await running.stop();
    expect(isRunning(running.pid)).toBe(false);
    await expect(fetch(running.url)).rejects.toThrow();
    await expect(fetch(running.upstreamUrl)).rejects.toThrow();
  });

  it('refuses a bad credential before starting anything, without repeating the value', async () => {
    await expect(startSandbox({ credentials: { sk: 'has a space' } })).rejects.toThrow(
      /^credentials\.sk must be visible ASCII/,
    );
    await expect(startSandbox({ credentials: { ak: '' } })).rejects.toThrow(TypeError);
    await expect(startSandbox({ credentials: { token: 'a\nb' } })).rejects.not.toThrow(/a\nb/);
  });
});
