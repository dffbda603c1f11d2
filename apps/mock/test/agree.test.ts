// The mock (Prism's examples) and the sandbox (Prism's proxy over the upstream) answer what an outside
// integrator might send the same way: a query value Prism would coerce, a repeated parameter, a NUL, a
// path with a percent-encoded unreserved character. Each case is sent to both and the answers compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, type RunningSandbox, startMock, startSandbox } from '../src/index.js';
import { checkQuery, rulesFromSpec } from '../src/sandbox-checks.js';
import { errorCodeOf, spec } from './helpers.js';

let mock: RunningMock;
let sandbox: RunningSandbox;
beforeAll(async () => {
  [mock, sandbox] = await Promise.all([startMock(), startSandbox({ size: 7 })]);
});
afterAll(() => Promise.all([mock?.stop(), sandbox?.stop()]));

const token = { 'X-Auth-Token': 'test-token' };

async function get(base: { url: string }, target: string, headers: Record<string, string> = token) {
  const response = await fetch(`${base.url}${target}`, { headers });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: (await response.json()) as Record<string, unknown>,
  };
}

describe('mock and sandbox agree', () => {
  it.each([
    // Integers written some other way than digits: Prism would read each as a number.
    ['/v3/errors?offset=0&limit=0x5', 'limit must be an integer'],
    ['/v3/errors?offset=0&limit=1e2', 'limit must be an integer'],
    ['/v3/errors?offset=0&limit=5.0', 'limit must be an integer'],
    ['/v3/errors?offset=0&limit=%2B5', 'limit must be an integer'],
    ['/v3/errors?offset=0&limit=%205', 'limit must be an integer'],
    ['/v3/errors?offset=0&limit=', 'limit must be an integer'],
    ['/v3/errors?offset=0&limit=ten', 'limit must be an integer'],
    ['/v3/errors?offset=0x0', 'offset must be an integer'],
    ['/v3/errors?offset=1e1', 'offset must be an integer'],
    ['/v3/errors?offset=0.0', 'offset must be an integer'],
    // A parameter sent twice: neither picks one of the values.
    ['/v3/errors?offset=0&limit=1&limit=500', 'limit is given 2 times'],
    ['/v3/errors?offset=0&offset=0', 'offset is given 2 times'],
    ['/v3/errors?offset=0&enterprise_project_id=a&enterprise_project_id=b', 'enterprise_project_id is given 2 times'],
    // The spec's pattern: no NUL in the enterprise project id.
    ['/v3/errors?offset=0&enterprise_project_id=a%00b', 'NUL'],
  ])('%s -> 400 with the spec error body naming the problem, from both', async (target, named) => {
    const [fromMock, fromSandbox] = await Promise.all([get(mock, target), get(sandbox, target)]);
    for (const answer of [fromMock, fromSandbox]) {
      expect(answer.status).toBe(400);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.body['error_code']).toBe(errorCodeOf('400'));
      expect(answer.body['error_msg']).toContain(named);
    }
    expect(fromMock.body).toEqual(fromSandbox.body);
  });

  it('still answers the credentials first, as without the bad query', async () => {
    const [fromMock, fromSandbox] = await Promise.all([
      get(mock, '/v3/errors?offset=0&limit=0x5', {}),
      get(sandbox, '/v3/errors?offset=0&limit=0x5', {}),
    ]);
    expect([fromMock.status, fromSandbox.status]).toEqual([401, 401]);
  });

  it.each(['/v3/err%6Frs?offset=0&limit=2', '/v3/err%6frs?offset=0&limit=2', '/%76%33/errors?offset=0&limit=2'])(
    '%s is /v3/errors (percent-encoded unreserved characters decoded, RFC 3986 6.2.2.2) to both',
    async (target) => {
      const [fromMock, fromSandbox] = await Promise.all([get(mock, target), get(sandbox, target)]);
      expect([fromMock.status, fromSandbox.status]).toEqual([200, 200]);
      expect(fromMock.body).toEqual((await get(mock, '/v3/errors?offset=0&limit=2')).body);
      expect(fromSandbox.body).toEqual((await get(sandbox, '/v3/errors?offset=0&limit=2')).body);
    },
  );

  it('keeps an encoded reserved character encoded: /v3%2Ferrors is no path of the spec, to both', async () => {
    const [fromMock, fromSandbox] = await Promise.all([
      get(mock, '/v3%2Ferrors?offset=0'),
      get(sandbox, '/v3%2Ferrors?offset=0'),
    ]);
    expect([fromMock.status, fromSandbox.status]).toEqual([404, 404]);
  });

  it("refuses a NUL in enterprise_project_id by the spec's own pattern too (the sandbox's query check)", () => {
    const query = new URLSearchParams({ offset: '0', enterprise_project_id: 'a\u0000b' });
    expect(checkQuery(query, rulesFromSpec(spec))).toEqual({
      problem: expect.stringContaining('enterprise_project_id must match the pattern'),
    });
    expect(
      checkQuery(new URLSearchParams({ offset: '0', enterprise_project_id: 'ab' }), rulesFromSpec(spec)),
    ).toHaveProperty('values');
  });
});
