// The sandbox's gateway checks, judged with Huawei's own signer (AKSKSigner.sign from
// @huaweicloud/huaweicloud-sdk-core, with its own choice of signed headers): its request is accepted, and
// refused after each single change, with the gateway's 401 body naming the check and no secret in it.
// Real Prism, real front and upstream, real HTTP on loopback.
import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, sandboxTestCredentials, startSandbox } from '../src/index.js';
import { sdkDateOf, spec } from './helpers.js';

const defaults = sandboxTestCredentials;
const temporary = { securityToken: 'sandbox-test-security-token', token: 'sandbox-test-iam-token' };
const configured = {
  ak: 'CONFIGUREDAK000000000',
  sk: 'configured-sk-kept-secret',
  projectId: 'c0nf1gur3dpr0j3ct1d000000000000a',
};

let sandbox: RunningSandbox;
let temporarySandbox: RunningSandbox;
let configuredSandbox: RunningSandbox;
beforeAll(async () => {
  [sandbox, temporarySandbox, configuredSandbox] = await Promise.all([
    startSandbox({ size: 5 }),
    startSandbox({ size: 5, credentials: temporary }),
    startSandbox({ size: 5, credentials: configured }),
  ]);
});
afterAll(() => Promise.all([sandbox, temporarySandbox, configuredSandbox].map((running) => running?.stop())));

interface SignOptions {
  ak?: string;
  sk?: string;
  query?: Record<string, string>;
  /** The X-Project-Id to sign (default: the test project id); null for none. */
  projectId?: string | null;
  /** Headers Huawei's signer gets (and so signs), beside Content-Type and X-Project-Id. */
  headers?: Record<string, string>;
  /** Signing time; default: now (the signer's own clock). */
  date?: Date;
}

/** The headers Huawei's signer would send for GET /v3/errors on `base`. */
function huaweiSigned(base: string, options: SignOptions = {}): Record<string, string> {
  const projectId = options.projectId === undefined ? defaults.projectId : options.projectId;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    ...(projectId === null ? {} : { 'X-Project-Id': projectId }),
    ...options.headers,
  };
  if (options.date) {
    headers['X-Sdk-Date'] = sdkDateOf(options.date);
  }
  const request = {
    method: 'GET',
    endpoint: `${base}/v3/errors`,
    queryParams: options.query ?? { offset: '0', limit: '2' },
    headers,
  };
  const credential = { getAk: () => options.ak ?? defaults.ak, getSk: () => options.sk ?? defaults.sk };
  const signed = AKSKSigner.sign(request, credential as never) as Record<string, string>;
  // fetch sends the Host of the URL, which is the host the signer signed.
  const { host: _signedHost, ...sent } = signed;
  return sent;
}

interface Answer {
  status: number;
  requestId: string | null;
  text: string;
  body: Record<string, unknown>;
}

async function get(base: string, headers: Record<string, string>, query = 'offset=0&limit=2'): Promise<Answer> {
  const response = await fetch(`${base}/v3/errors?${query}`, { headers });
  const text = await response.text();
  return {
    status: response.status,
    requestId: response.headers.get('x-request-id'),
    text,
    body: JSON.parse(text) as Record<string, unknown>,
  };
}

/** A 401 with the gateway's body, naming the check, its request_id the X-Request-Id, and no secret in it. */
function expectRefused(answer: Answer, check: string, secrets: string[] = [defaults.sk]): void {
  expect(answer.status, answer.text).toBe(401);
  expect(answer.body).toEqual({
    error_code: 'APIGW.0301',
    error_msg: expect.stringContaining(check),
    request_id: answer.requestId,
  });
  // No signature, sent or expected (64 hex digits), and no SK or token.
  expect(answer.text).not.toMatch(/[0-9a-f]{64}/);
  for (const secret of secrets) {
    expect(answer.text).not.toContain(secret);
  }
}

/** `Authorization` with one of its parts replaced. */
function withAuthorization(headers: Record<string, string>, change: (value: string) => string): Record<string, string> {
  return { ...headers, Authorization: change(headers['Authorization'] ?? '') };
}

const minutes = (n: number) => new Date(Date.now() + n * 60_000);
/** The gateway's window for X-Sdk-Date, from the spec (15 minutes). */
const { securitySchemes } = spec['components'] as { securitySchemes: Record<string, Record<string, unknown>> };
const windowMinutes = (securitySchemes['akSkDate']?.['x-sms-max-clock-skew-seconds'] as number) / 60;

describe("Huawei's signer against the sandbox's default test credentials", () => {
  it('is accepted with its own choice of signed headers', async () => {
    const headers = huaweiSigned(sandbox.url);
    expect(headers['Authorization']).toContain('SignedHeaders=content-type;host;x-project-id;x-sdk-date,');
    const answer = await get(sandbox.url, headers);
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body['count']).toBe(5);
  });

  it('is accepted with the larger set the Python SDK signs, plus an extra header, and a query to encode', async () => {
    const query = { offset: '1', limit: '3', enterprise_project_id: 'ep 1/ü+~' };
    const headers = huaweiSigned(sandbox.url, {
      query,
      headers: { 'User-Agent': 'huaweicloud-usdk-python/3.0', 'X-Trace': 'a b' },
    });
    expect(headers['Authorization']).toContain(
      'SignedHeaders=content-type;host;user-agent;x-project-id;x-sdk-date;x-trace,',
    );
    const answer = await get(sandbox.url, headers, new URLSearchParams(query).toString());
    expect(answer.status, answer.text).toBe(200);
    expect(answer.body['migration_errors']).toHaveLength(3);
  });

  it('is accepted when signed for localhost: the Host the client sent reaches the check through Prism', async () => {
    const local = sandbox.url.replace('127.0.0.1', 'localhost');
    expect((await get(local, huaweiSigned(local))).status).toBe(200);
    // Signed for one host, sent to another: the host is part of what is signed.
    expectRefused(await get(local, huaweiSigned(sandbox.url)), 'signature mismatch');
  });

  it(`is accepted ${windowMinutes - 1} minutes either side of the clock`, async () => {
    for (const date of [minutes(-(windowMinutes - 1)), minutes(windowMinutes - 1)]) {
      expect((await get(sandbox.url, huaweiSigned(sandbox.url, { date }))).status).toBe(200);
    }
  });

  it.each<[string, () => { headers: Record<string, string>; query?: string }, string]>([
    [
      'a changed signature',
      () => ({
        headers: withAuthorization(huaweiSigned(sandbox.url), (v) => v.replace(/.$/, (c) => (c === '0' ? '1' : '0'))),
      }),
      'signature mismatch',
    ],
    ['another SK', () => ({ headers: huaweiSigned(sandbox.url, { sk: 'another-sk' }) }), 'signature mismatch'],
    ['another AK', () => ({ headers: huaweiSigned(sandbox.url, { ak: 'ANOTHERAK000000000000' }) }), 'access key'],
    [
      'another query value',
      () => ({ headers: huaweiSigned(sandbox.url), query: 'offset=1&limit=2' }),
      'signature mismatch',
    ],
    [
      'another query parameter',
      () => ({ headers: huaweiSigned(sandbox.url), query: 'offset=0&limit=2&enterprise_project_id=x' }),
      'signature mismatch',
    ],
    [
      'a signed header changed after signing',
      () => ({ headers: { ...huaweiSigned(sandbox.url), 'Content-Type': 'text/plain' } }),
      'signature mismatch',
    ],
    [
      `a date ${windowMinutes + 1} minutes in the past`,
      () => ({ headers: huaweiSigned(sandbox.url, { date: minutes(-(windowMinutes + 1)) }) }),
      `more than ${windowMinutes} minutes`,
    ],
    [
      `a date ${windowMinutes + 1} minutes in the future`,
      () => ({ headers: huaweiSigned(sandbox.url, { date: minutes(windowMinutes + 1) }) }),
      `more than ${windowMinutes} minutes`,
    ],
    [
      'a date not in YYYYMMDDTHHmmssZ',
      () => ({ headers: { ...huaweiSigned(sandbox.url), 'X-Sdk-Date': new Date().toISOString() } }),
      'YYYYMMDDTHHmmssZ',
    ],
    ['no project id', () => ({ headers: huaweiSigned(sandbox.url, { projectId: null }) }), 'X-Project-Id is required'],
    [
      'an empty project id',
      () => ({ headers: huaweiSigned(sandbox.url, { projectId: '' }) }),
      'X-Project-Id is required',
    ],
    [
      'another project id',
      () => ({ headers: huaweiSigned(sandbox.url, { projectId: configured.projectId }) }),
      "not the sandbox's project id",
    ],
    [
      'an unsigned X-Project-Id',
      () => ({ headers: { ...huaweiSigned(sandbox.url, { projectId: null }), 'X-Project-Id': defaults.projectId } }),
      'X-Project-Id must be signed',
    ],
    [
      'SignedHeaders without host',
      () => ({ headers: withAuthorization(huaweiSigned(sandbox.url), (v) => v.replace('host;', '')) }),
      'must include host and x-sdk-date',
    ],
    [
      'SignedHeaders naming a header not sent',
      () => ({
        headers: withAuthorization(huaweiSigned(sandbox.url), (v) =>
          v.replace('content-type;', 'content-type;__proto__;'),
        ),
      }),
      'does not send',
    ],
    [
      'an empty Authorization',
      () => ({ headers: { ...huaweiSigned(sandbox.url), Authorization: '' } }),
      'X-Sdk-Date needs Authorization',
    ],
    [
      'an empty X-Sdk-Date',
      () => ({ headers: { ...huaweiSigned(sandbox.url), 'X-Sdk-Date': '' } }),
      'Authorization needs X-Sdk-Date',
    ],
    [
      'an Authorization that is no signature',
      () => ({
        headers: withAuthorization(huaweiSigned(sandbox.url), (v) => v.replace('SDK-HMAC-SHA256', 'SDK-HMAC-SHA1')),
      }),
      'is not an SDK-HMAC-SHA256 signature',
    ],
  ])('is refused after one change: %s', async (_, change, check) => {
    const { headers, query } = change();
    expectRefused(await get(sandbox.url, headers, query), check);
  });

  it('is refused with a token beside it when the signature is bad (a token does not rescue a signature)', async () => {
    const headers = { ...huaweiSigned(sandbox.url, { sk: 'another-sk' }), 'X-Auth-Token': 'any' };
    expectRefused(await get(sandbox.url, headers), 'signature mismatch');
  });
});

describe('a sandbox with temporary credentials (a security token) and a token', () => {
  const secrets = [defaults.sk, temporary.securityToken, temporary.token];

  it("accepts Huawei's signer with the security token, signed", async () => {
    const headers = huaweiSigned(temporarySandbox.url, { headers: { 'X-Security-Token': temporary.securityToken } });
    expect(headers['Authorization']).toContain('x-security-token');
    expect((await get(temporarySandbox.url, headers)).status).toBe(200);
  });

  it.each<[string, () => Record<string, string>, string]>([
    ['no security token', () => huaweiSigned(temporarySandbox.url), 'X-Security-Token is required'],
    [
      'another security token',
      () => huaweiSigned(temporarySandbox.url, { headers: { 'X-Security-Token': 'another-security-token' } }),
      "not the sandbox's security token",
    ],
    [
      'an unsigned security token',
      () => ({ ...huaweiSigned(temporarySandbox.url), 'X-Security-Token': temporary.securityToken }),
      'X-Security-Token must be signed',
    ],
  ])('refuses %s', async (_, headers, check) => {
    expectRefused(await get(temporarySandbox.url, headers()), check, secrets);
  });

  it('accepts the configured token only', async () => {
    expect((await get(temporarySandbox.url, { 'X-Auth-Token': temporary.token })).status).toBe(200);
    expectRefused(
      await get(temporarySandbox.url, { 'X-Auth-Token': 'another-token' }),
      "X-Auth-Token is not the sandbox's token",
      secrets,
    );
    expectRefused(await get(temporarySandbox.url, { 'X-Auth-Token': '' }), 'missing credentials', secrets);
  });

  it('accepts any token within bounds when none is configured', async () => {
    expect((await get(sandbox.url, { 'X-Auth-Token': 'whatever' })).status).toBe(200);
  });
});

describe('a sandbox with configured AK/SK and project id', () => {
  it("accepts Huawei's signer with them and refuses the test credentials, never naming the configured SK", async () => {
    const headers = huaweiSigned(configuredSandbox.url, {
      ak: configured.ak,
      sk: configured.sk,
      projectId: configured.projectId,
    });
    expect((await get(configuredSandbox.url, headers)).status).toBe(200);
    expectRefused(await get(configuredSandbox.url, huaweiSigned(configuredSandbox.url)), 'access key', [configured.sk]);
    const wrongSk = huaweiSigned(configuredSandbox.url, {
      ak: configured.ak,
      sk: defaults.sk,
      projectId: configured.projectId,
    });
    expectRefused(await get(configuredSandbox.url, wrongSk), 'signature mismatch', [configured.sk, defaults.sk]);
  });
});
