// POST /v3/auth/tokens (spec/iam.yaml) on the mock and the sandbox: a token in X-Subject-Token with its
// expires_at; IAM's 400 and 401 bodies; and, with an IAM user configured, a sandbox that accepts only the
// tokens it issued, until they expire (its clock is moved, not waited for). Also the gateway's Date header.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, type RunningSandbox, startMock, startSandbox } from '../src/index.js';
import { expectOneLine, runToEnd, sandboxCommand } from './helpers.js';

const iamSpec = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@sms-errors/spec/iam.json'), 'utf8'));
const TOKENS_PATH = Object.keys(iamSpec.paths)[0] as string;
const user = { user: 'migration-operator', password: 'sandbox-iam-password', domain: 'example-account' };
const TTL_SECONDS = 600;

function tokenRequest(overrides: Partial<typeof user> = {}, project = 'cn-north-4') {
  const { user: name, password, domain } = { ...user, ...overrides };
  return {
    auth: {
      identity: { methods: ['password'], password: { user: { name, password, domain: { name: domain } } } },
      scope: { project: { name: project } },
    },
  };
}

const post = (base: string, body: unknown) =>
  fetch(`${base}${TOKENS_PATH}?nocatalog=true`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

let mock: RunningMock;
let sandbox: RunningSandbox;
let offsetMs = 0;
beforeAll(async () => {
  [mock, sandbox] = await Promise.all([
    startMock(),
    startSandbox({ size: 2, iam: user, tokenTtlSeconds: TTL_SECONDS, now: () => new Date(Date.now() + offsetMs) }),
  ]);
}, 60_000);
afterAll(() => Promise.all([mock?.stop(), sandbox?.stop()]));

describe('POST /v3/auth/tokens', () => {
  it('the mock issues a token to any well-formed request: 201, X-Subject-Token, token.expires_at a day ahead', async () => {
    const response = await post(mock.url, tokenRequest({ password: 'anything' }));
    expect(response.status).toBe(201);
    expect(response.headers.get('X-Subject-Token')).toMatch(/^MII/);
    const body = (await response.json()) as { token: { expires_at: string; project: { name: string } } };
    expect(Date.parse(body.token.expires_at) - Date.now()).toBeGreaterThan(86_400_000 - 60_000);
    expect(body.token.project.name).toBe('cn-north-4');
    // The SMS operation is unaffected.
    expect((await fetch(`${mock.url}/v3/errors?offset=0`, { headers: { 'X-Auth-Token': 't' } })).status).toBe(200);
  });

  it.each([
    ['not JSON', '{"auth":'],
    ['no password method', { auth: { identity: { methods: ['token'] }, scope: { project: { name: 'p' } } } }],
    ['no project', { auth: tokenRequest().auth.identity }],
  ])("answers IAM's 400 body to a request with %s", async (_name, body) => {
    const response = await post(mock.url, body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual(
      iamSpec.paths[TOKENS_PATH].post.responses['400'].content['application/json'].examples['bad-request'].value,
    );
  });

  it("the sandbox refuses a wrong password, user or account with IAM's 401 body", async () => {
    for (const wrong of [{ password: 'nope' }, { user: 'nobody' }, { domain: 'other' }]) {
      const response = await post(sandbox.url, tokenRequest(wrong));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 401 } });
      expect(response.headers.get('X-Subject-Token')).toBeNull();
    }
  });

  it('the sandbox accepts only the tokens it issued, until they expire, and sends its clock as Date', async () => {
    const issued = await post(sandbox.url, tokenRequest());
    expect(issued.status).toBe(201);
    const token = issued.headers.get('X-Subject-Token')!;
    const list = (value: string) => fetch(`${sandbox.url}/v3/errors?offset=0`, { headers: { 'X-Auth-Token': value } });
    const accepted = await list(token);
    expect(accepted.status).toBe(200);
    expect(Math.abs(Date.parse(accepted.headers.get('Date') ?? '') - (Date.now() + offsetMs))).toBeLessThan(5_000);
    const forged = await list('MIIforged');
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error_msg: string }).error_msg).toMatch(/decrypt token fail/);
    offsetMs += TTL_SECONDS * 1000;
    const expired = await list(token);
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { error_msg: string }).error_msg).toMatch(/the token has expired/);
    // The gateway's Date follows its clock: a client can tell it from its own.
    expect(Date.parse(expired.headers.get('Date') ?? '') - Date.now()).toBeGreaterThan(TTL_SECONDS * 1000 - 5_000);
  });
});

describe('sandbox command settings for IAM and the lockout', () => {
  it.each([
    [{ SANDBOX_IAM_USER: 'ops' }, /SANDBOX_IAM_USER, SANDBOX_IAM_PASSWORD and SANDBOX_IAM_DOMAIN go together/],
    [{ SANDBOX_LOCKOUT: 'yes' }, /SANDBOX_LOCKOUT must be on or off, got "yes"/],
    [{ SANDBOX_TOKEN_TTL_SECONDS: '0' }, /SANDBOX_TOKEN_TTL_SECONDS/],
  ])('refuses %o in one line', async (env, expected) => {
    const { code, stderr } = await runToEnd(sandboxCommand, [], { SANDBOX_PORT: '1', ...env });
    expect(code).not.toBe(0);
    expect(expectOneLine(stderr)[0]).toMatch(expected);
  });
});
