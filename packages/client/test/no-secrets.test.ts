// No error's message, toString(), JSON.stringify or util.inspect output holds the token, the SK or a
// signature, whatever went wrong.
import { inspect } from 'node:util';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { credentialsFromEnv } from '../src/credentials-from-env.js';
import { createSmsClient, SmsError } from '../src/index.js';
import { type LocalServer, startLocalServer } from './helpers/local-server.js';

const TOKEN = 'tok-SECRET-0123456789';
const SK = 'sk-SECRET-9876543210';
let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function leaks(error: unknown, secrets: string[]): string[] {
  const renderings = [
    String(error),
    (error as Error).message,
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
  ];
  return secrets.filter((secret) => renderings.some((text) => text.includes(secret)));
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsError);
  return error;
}

describe('no secret in any error', () => {
  const credentials = { ak: 'AK-PUBLIC', sk: SK, projectId: 'p' };

  it('SmsApiError from the mock (403, token)', async () => {
    const client = createSmsClient({ baseUrl: inject('mockUrl'), token: TOKEN });
    expect(leaks(await failure(client.listMigrationErrors({}, { headers: { Prefer: 'code=403' } })), [TOKEN])).toEqual(
      [],
    );
  });

  it('SmsApiError from the mock (500, AK/SK), signature included', async () => {
    let signature = '';
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      signature = request.headers.get('Authorization')!.split('Signature=')[1]!;
      return globalThis.fetch(request);
    };
    const client = createSmsClient({ baseUrl: inject('mockUrl'), credentials, fetch, retries: 0 });
    const error = await failure(client.listMigrationErrors({}, { headers: { Prefer: 'code=500' } }));
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(leaks(error, [SK, signature])).toEqual([]);
  });

  it('SmsNetworkError and SmsTimeoutError', async () => {
    server = await startLocalServer((_, response) => void response.socket?.destroy());
    const reset = createSmsClient({ baseUrl: server.url, credentials, retries: 1, retryDelayMs: 1 });
    expect(leaks(await failure(reset.listMigrationErrors()), [SK])).toEqual([]);
    await server.close();

    server = await startLocalServer(() => {});
    const stalled = createSmsClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 100, retries: 0 });
    expect(leaks(await failure(stalled.listMigrationErrors()), [TOKEN])).toEqual([]);
  });

  it('SmsValidationError for a bad token, bad credentials or a half-set environment', () => {
    const bad = `${TOKEN}\r\n`;
    for (const make of [
      () => createSmsClient({ baseUrl: 'http://127.0.0.1:4', token: bad }),
      () => createSmsClient({ baseUrl: 'http://127.0.0.1:4', credentials: { ...credentials, sk: `${SK}\n` } }),
      () => credentialsFromEnv({ HUAWEICLOUD_SDK_SK: SK }),
    ]) {
      let error: unknown;
      try {
        make();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SmsError);
      expect(leaks(error, [TOKEN, SK])).toEqual([]);
    }
  });
});
