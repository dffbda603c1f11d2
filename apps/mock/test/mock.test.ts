// The mock as integrators and the client's tests see it: real Prism, real HTTP on loopback.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SANDBOX_SIZE, type RunningMock, startMock } from '../src/index.js';
import { listOperation, queryParameters, responseExample } from '../src/spec-facts.js';
import { limitParameter, spec } from './helpers.js';

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

const token = { 'X-Auth-Token': 'test-token' };

async function get(query: string, headers: Record<string, string> = token) {
  const response = await fetch(`${mock.url}/v3/errors${query}`, { headers });
  const violations = JSON.parse(response.headers.get('sl-violations') ?? '[]') as { message: string }[];
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, violations };
}

describe('credentials', () => {
  it('answers 401 with the gateway body when no credentials are sent', async () => {
    const { status, body } = await get('?offset=0', {});
    expect(status).toBe(401);
    expect(body['error_code']).toBe('APIGW.0301');
  });

  it('accepts a token, or an AK/SK signature with its date, as alternatives', async () => {
    expect((await get('?offset=0')).status).toBe(200);
    const signed = {
      Authorization: 'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=00',
      'X-Sdk-Date': '20261127T031500Z',
    };
    expect((await get('?offset=0', signed)).status).toBe(200);
  });

  it('requires both parts of an AK/SK signature', async () => {
    expect((await get('?offset=0', { Authorization: 'SDK-HMAC-SHA256 Access=AK' })).status).toBe(401);
  });
});

// Values out of their bounds are Prism's to judge (its 400 example and sl-violations); values not written as
// integers, and repeated parameters, are refused by the front before Prism coerces them (agree.test.ts).
describe('query bounds from the spec', () => {
  it.each([
    ['?offset=0&limit=101', 'limit', '<= 100'],
    ['?offset=0&limit=-1', 'limit', '>= 0'],
    ['?offset=-1', 'offset', '>= 0'],
    ['?offset=65536', 'offset', '<= 65535'],
    [`?offset=0&enterprise_project_id=${'e'.repeat(256)}`, 'enterprise_project_id', '255'],
    ['', 'offset', 'required'],
  ])('%s -> 400 naming %s and the bound', async (query, parameter, bound) => {
    const { status, body, violations } = await get(query);
    expect(status).toBe(400);
    expect(body).toHaveProperty('error_code');
    expect(violations.map((v) => v.message).join('\n')).toContain(parameter);
    expect(violations.map((v) => v.message).join('\n')).toContain(bound);
  });

  it('answers with a body that names no parameter, since it is the one example whichever parameter was wrong', async () => {
    const names = queryParameters(spec).map((parameter) => parameter.name);
    for (const query of [
      '',
      '?offset=0&limit=101',
      '?offset=-1',
      `?offset=0&enterprise_project_id=${'e'.repeat(256)}`,
    ]) {
      const { status, body } = await get(query);
      expect(status).toBe(400);
      for (const name of names) {
        expect(String(body['error_msg'])).not.toContain(name);
      }
    }
  });

  it('accepts the edges of every bound', async () => {
    const edges = [
      '?offset=0&limit=0',
      '?offset=65535&limit=100',
      `?offset=0&enterprise_project_id=${'e'.repeat(255)}`,
    ];
    for (const query of edges) {
      expect((await get(query)).status).toBe(200);
    }
  });
});

describe('examples', () => {
  it("serves the page's own example by default", async () => {
    const { status, body } = await get('?offset=0');
    expect(status).toBe(200);
    expect(body['count']).toBe(4);
  });

  it('serves a named example with Prefer: example=...', async () => {
    const { body } = await get('?offset=0', { ...token, Prefer: 'example=empty' });
    expect(body).toEqual({ count: 0, migration_errors: [] });
  });

  it.each([
    [400, 'SMS.9005'],
    [401, 'APIGW.0301'],
    [403, 'SMS.9004'],
    [500, 'SMS.6301'],
  ])('serves the %i response with Prefer: code=...', async (code, errorCode) => {
    const { status, body } = await get('?offset=0', { ...token, Prefer: `code=${code}` });
    expect(status).toBe(code);
    expect(body['error_code']).toBe(errorCode);
  });
});

describe('Prefer that the spec cannot satisfy', () => {
  // Prism answers these with a 500, a 404 as if the path were wrong, or silently with another response.
  it.each([
    ['code=200, example=forbidden', 'example=forbidden is an example of the 403 response, not of the 200 response'],
    ['example=forbidden', 'example=forbidden is an example of the 403 response, not of the 200 response (the default)'],
    ['code=401, example=empty', 'example=empty is an example of the 200 response, not of the 401 response'],
    ['code=404', 'code=404 is no response of this operation'],
    ['example=nope', 'example=nope is no example of this operation'],
  ])('Prefer: %s -> 400 naming the mismatch', async (prefer, named) => {
    const response = await fetch(`${mock.url}/v3/errors?offset=0`, { headers: { ...token, Prefer: prefer } });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(400);
    expect(body['error_code']).toBe(responseExample(spec, '400')['error_code']);
    expect(body['error_msg']).toContain(named);
  });

  it('reads Prefer as Prism does: a ; starts parameters of a preference, and the first of a name wins', async () => {
    expect((await get('?offset=0', { ...token, Prefer: 'code=200;example=forbidden' })).body['count']).toBe(4);
    expect((await get('?offset=0', { ...token, Prefer: 'example=empty, example=forbidden' })).body).toEqual({
      count: 0,
      migration_errors: [],
    });
  });
});

describe('request IDs', () => {
  const examples = Object.entries(listOperation(spec).operation['responses'] as Record<string, unknown>).flatMap(
    ([status, response]) =>
      Object.keys(
        (response as { content: Record<string, { examples: Record<string, unknown> }> }).content['application/json']
          ?.examples ?? {},
      ).map((example) => [status, example] as const),
  );

  it.each(examples)("%s %s: the body's request_id, if any, is the X-Request-Id header", async (status, example) => {
    const response = await fetch(`${mock.url}/v3/errors?offset=0`, {
      headers: { ...token, Prefer: `code=${status}, example=${example}` },
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect(response.status).toBe(Number(status));
    if ('request_id' in body) {
      expect(body['request_id']).toBe(response.headers.get('x-request-id'));
    }
  });

  it('agrees on the 401 answered to a request without credentials', async () => {
    const response = await fetch(`${mock.url}/v3/errors?offset=0`);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body['request_id']).toBe(response.headers.get('x-request-id'));
  });
});

describe('Allow on 405', () => {
  // Prism's router answers an unknown method with a 405 problem+json and no headers of its own (no option or
  // spec keyword adds one); the mock's front (src/front.ts) adds Allow, naming the spec's method.
  it("is added to Prism's 405 by the front", async () => {
    const response = await fetch(`${mock.url}/v3/errors?offset=0`, { method: 'DELETE', headers: token });
    await response.arrayBuffer();
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(listOperation(spec).method);
    const prism = await fetch(`${mock.prismUrl}/v3/errors?offset=0`, { method: 'DELETE', headers: token });
    await prism.arrayBuffer();
    expect(prism.headers.get('allow')).toBeNull();
  });
});

describe('generated scenarios', () => {
  it('serves a full page at the largest limit with Prefer: example=full-page, checked by Prism', async () => {
    const { status, body } = await get('?offset=0', { ...token, Prefer: 'example=full-page' });
    expect(status).toBe(200);
    expect(body['migration_errors']).toHaveLength(limitParameter.schema.maximum ?? -1);
    expect(body['count']).toBe(DEFAULT_SANDBOX_SIZE);
  });

  it("serves the page's own example by name too", async () => {
    const { body } = await get('?offset=0', { ...token, Prefer: 'example=page-example' });
    expect(body['count']).toBe(4);
  });

  it('generates the same body twice with Prefer: dynamic=true (seeded by default)', async () => {
    const headers = { ...token, Prefer: 'dynamic=true' };
    const [first, second] = [await get('?offset=0', headers), await get('?offset=0', headers)];
    expect(first.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(first.body['count']).not.toBe(4);
  });
});
