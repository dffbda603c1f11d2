// The client against the sandbox: Prism's validating proxy over a seeded data set with real paging. A whole
// pagination loop, strict mode on every page, and every error shape the sandbox can answer with (the
// service's own bodies, and Prism's problem+json).

import { type RunningSandbox, sandboxTestCredentials, startSandbox } from '@sms-errors/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeErrorJson } from '../src/decode-error-json.js';
import { createSmsClient, SmsApiError } from '../src/index.js';
import { createRawSmsClient } from '../src/raw.js';
import { strictResponses } from '../src/strict.js';

let sandbox: RunningSandbox;
let prismErrors: RunningSandbox;
beforeAll(async () => {
  [sandbox, prismErrors] = await Promise.all([
    startSandbox({ size: 250 }),
    startSandbox({ size: 3, requestErrors: 'prism' }),
  ]);
}, 30_000);
afterAll(() => Promise.all([sandbox?.stop(), prismErrors?.stop()]));

describe("client against a sandbox with temporary credentials and a token: the gateway's checks", () => {
  const configured = { securityToken: 'client-test-security-token', token: 'client-test-iam-token' };
  let strict: RunningSandbox;
  beforeAll(async () => {
    strict = await startSandbox({ size: 3, credentials: configured });
  }, 30_000);
  afterAll(() => strict?.stop());

  it('accepts AK/SK with the security token, signed', async () => {
    const client = createSmsClient({
      baseUrl: strict.url,
      credentials: { ...sandboxTestCredentials, securityToken: configured.securityToken },
    });
    await expect(client.listMigrationErrors()).resolves.toMatchObject({ count: 3 });
  });

  it('refuses AK/SK without the security token', async () => {
    const error = await createSmsClient({ baseUrl: strict.url, credentials: { ...sandboxTestCredentials } })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 401, errorMsg: expect.stringContaining('X-Security-Token is required') });
  });

  it('accepts the configured token, and refuses another', async () => {
    await expect(
      createSmsClient({ baseUrl: strict.url, token: configured.token }).listMigrationErrors(),
    ).resolves.toMatchObject({ count: 3 });
    const error = await createSmsClient({ baseUrl: strict.url, token: 'another-token' })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 401,
      errorCode: 'APIGW.0301',
      errorMsg: expect.stringContaining("not the sandbox's token"),
    });
  });
});

describe('client against the sandbox', () => {
  it('lists every failed server, page by page, each page valid under strict mode', async () => {
    const client = createSmsClient({ baseUrl: sandbox.url, token: 'sandbox-token', strict: strictResponses });
    const sequential = await client.listAllMigrationErrors();
    expect(sequential).toHaveLength(sandbox.size);
    expect(new Set(sequential.map((server) => server.source_id)).size).toBe(sandbox.size);
    const concurrent = await client.listAllMigrationErrors({}, { concurrency: 4, pageSize: 30 });
    expect(concurrent).toEqual(sequential);
    // The data set's codes come from the catalogue, so every record decodes with a message.
    for (const server of sequential) {
      expect(decodeErrorJson(server.error_json)).toMatchObject({
        code: expect.stringMatching(/^SMS\./),
        message: expect.any(String),
      });
    }
  });

  it("signs with AK/SK in a way the sandbox's gateway accepts (the default test credentials)", async () => {
    const client = createSmsClient({ baseUrl: sandbox.url, credentials: { ...sandboxTestCredentials } });
    await expect(client.listMigrationErrors({ limit: 1, enterpriseProjectId: 'a b+c/ü' })).resolves.toMatchObject({
      count: sandbox.size,
    });
  });

  it('is refused with another SK: a 401 SmsApiError naming the signature, without the SK', async () => {
    const client = createSmsClient({
      baseUrl: sandbox.url,
      credentials: { ...sandboxTestCredentials, sk: 'not-the-sandbox-sk' },
    });
    const error = await client.listMigrationErrors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsApiError);
    expect(error).toMatchObject({
      status: 401,
      errorCode: 'APIGW.0301',
      errorMsg: expect.stringContaining('signature mismatch'),
    });
    expect(JSON.stringify(error)).not.toContain('not-the-sandbox-sk');
  });

  it("reads the service's own 401 body, with the request id", async () => {
    const error = await createSmsClient({ baseUrl: sandbox.url })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsApiError);
    expect(error).toMatchObject({
      status: 401,
      errorCode: 'APIGW.0301',
      requestId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
  });

  it("reads Prism's problem+json 401", async () => {
    const error = await createSmsClient({ baseUrl: prismErrors.url })
      .listMigrationErrors()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SmsApiError);
    expect(error).toMatchObject({ status: 401, errorCode: 'UNAUTHORIZED', errorMsg: expect.any(String) });
    expect((error as SmsApiError).message).toContain('401 UNAUTHORIZED');
  });

  it("reads Prism's problem+json 404 for a path the spec does not have (raw client)", async () => {
    const client = createRawSmsClient({ baseUrl: sandbox.url, token: 't' });
    const { response, error } = await client.GET('/v3/errors', {
      params: { query: { offset: 0 } },
      baseUrl: `${sandbox.url}/nowhere`,
    });
    expect(response.status).toBe(404);
    expect(new SmsApiError(response.status, error).errorCode).toBe('NO_PATH_MATCHED_ERROR');
  });
});
