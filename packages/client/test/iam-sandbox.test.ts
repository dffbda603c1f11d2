// A token from IAM against the sandbox's POST /v3/auth/tokens (spec/iam.yaml): issued, used, expired (the
// sandbox's clock is moved, not waited for), refreshed before expiry (the client's clock is moved), shared by
// concurrent calls, renewed once on a 401, and a wrong password refused without the password in any message.

import { type RunningSandbox, startSandbox } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iamTokenProvider, SmsIamError } from '../src/credentials-from-env.js';
import { createSmsClient, SmsApiError } from '../src/index.js';

const PASSWORD = 'iam-password-never-shown-42';
const user = { user: 'migration-operator', password: PASSWORD, domain: 'example-account' };
const TTL_SECONDS = 3600;

let sandbox: RunningSandbox;
// The sandbox's clock: the tests move it to expire tokens.
let sandboxOffsetMs = 0;
beforeAll(async () => {
  sandbox = await startSandbox({
    size: 7,
    iam: user,
    tokenTtlSeconds: TTL_SECONDS,
    now: () => new Date(Date.now() + sandboxOffsetMs),
  });
}, 30_000);
afterAll(() => sandbox?.stop());

/** A fetch that counts the IAM calls it passes on. */
function countingFetch() {
  const calls = { iam: 0, sms: 0 };
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/v3/auth/tokens')) {
      calls.iam += 1;
    } else {
      calls.sms += 1;
    }
    return globalThis.fetch(input, init);
  };
  return { calls, fetch };
}

describe('IAM token against the sandbox', () => {
  it('issues a token and uses it, one IAM request for concurrent calls', async () => {
    const { calls, fetch } = countingFetch();
    const auth = iamTokenProvider({ ...user, endpoint: sandbox.url }, { region: 'cn-north-4', fetch });
    const client = createSmsClient({ baseUrl: sandbox.url, auth, fetch });
    const pages = await Promise.all([0, 1, 2, 3, 4].map((offset) => client.listMigrationErrors({ limit: 1, offset })));
    expect(pages.map((page) => page.count)).toEqual([7, 7, 7, 7, 7]);
    expect(calls.iam).toBe(1);
    const { token, expiresAt, projectId } = await auth.token();
    expect(token).toMatch(/^MIIsandbox/);
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + (TTL_SECONDS - 60) * 1000);
    expect(projectId).toBe('0000000000000000000000000000sbox');
  });

  it("takes an IAM user as createSmsClient's own `iam` option: a token fetched, kept and shared", async () => {
    const { calls, fetch } = countingFetch();
    const client = createSmsClient({
      baseUrl: sandbox.url,
      region: 'cn-north-4',
      iam: { ...user, endpoint: sandbox.url },
      fetch,
    });
    const pages = await Promise.all([0, 1, 2].map((offset) => client.listMigrationErrors({ limit: 1, offset })));
    expect(pages.map((page) => page.count)).toEqual([7, 7, 7]);
    await client.listMigrationErrors({ limit: 1 });
    expect(calls).toEqual({ iam: 1, sms: 4 });
    const wrong = createSmsClient({
      baseUrl: sandbox.url,
      region: 'cn-north-4',
      iam: { ...user, password: 'not-it', endpoint: sandbox.url },
      fetch,
    });
    const refusal = await wrong.listMigrationErrors({ limit: 1 }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(SmsIamError);
    expect(`${String(refusal)} ${JSON.stringify(refusal)}`).not.toContain('not-it');
  });

  it('sends a request refused with 401 (the token expired early) once more, with a fresh token', async () => {
    const { calls, fetch } = countingFetch();
    const client = createSmsClient({
      baseUrl: sandbox.url,
      auth: iamTokenProvider({ ...user, endpoint: sandbox.url }, { region: 'cn-north-4', fetch }),
      fetch,
    });
    await client.listMigrationErrors({ limit: 1 });
    // The sandbox's clock passes the token's expiry; the client's does not: only the 401 tells it.
    sandboxOffsetMs += (TTL_SECONDS + 1) * 1000;
    await expect(client.listMigrationErrors({ limit: 1 })).resolves.toMatchObject({ count: 7 });
    expect(calls).toEqual({ iam: 2, sms: 3 });
  });

  it("fetches a fresh token before the old one expires, by the client's clock", async () => {
    const { calls, fetch } = countingFetch();
    let clientOffsetMs = 0;
    const now = () => new Date(Date.now() + sandboxOffsetMs + clientOffsetMs);
    const client = createSmsClient({
      baseUrl: sandbox.url,
      auth: iamTokenProvider({ ...user, endpoint: sandbox.url }, { region: 'cn-north-4', fetch, now }),
      fetch,
    });
    await client.listMigrationErrors({ limit: 1 });
    await client.listMigrationErrors({ limit: 1 });
    expect(calls.iam).toBe(1);
    // Four minutes before expiry: inside the refresh window, so a new token comes first and no 401 is seen.
    clientOffsetMs = (TTL_SECONDS - 240) * 1000;
    await client.listMigrationErrors({ limit: 1 });
    expect(calls).toEqual({ iam: 2, sms: 3 });
  });

  it('refuses a token the sandbox did not issue', async () => {
    const error = await createSmsClient({ baseUrl: sandbox.url, token: 'MIIforged' })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsApiError);
    expect(error).toMatchObject({ status: 401, errorMsg: expect.stringContaining('decrypt token fail') });
  });

  it('refuses a wrong password with IAM 401, and no message, log or serialization holds the password', async () => {
    const wrong = `${PASSWORD}-wrong`;
    const auth = iamTokenProvider({ ...user, password: wrong, endpoint: sandbox.url }, { region: 'cn-north-4' });
    const client = createSmsClient({ baseUrl: sandbox.url, auth, retries: 0 });
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsIamError);
    expect(error).toMatchObject({
      status: 401,
      message: expect.stringMatching(
        /^IAM refused a token \(401 .*\): check the user name, the password and the account name: IAM user "migration-operator" of account "example-account"/,
      ),
    });
    for (const text of [
      (error as Error).message,
      (error as Error).stack ?? '',
      JSON.stringify(error),
      JSON.stringify(auth),
      String(auth.description),
    ]) {
      expect(text).not.toContain(wrong);
      expect(text).not.toContain(PASSWORD);
    }
  });

  it('refuses a malformed token request with IAM 400 (the body of spec/iam.yaml)', async () => {
    const response = await fetch(`${sandbox.url}/v3/auth/tokens?nocatalog=true`, {
      method: 'POST',
      body: '{"auth":{}}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 400 } });
  });
});
